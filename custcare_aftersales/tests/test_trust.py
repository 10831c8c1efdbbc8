# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""The holes of issue 10 in custcare_aftersales, each tried as the user who
must be refused, with the calls the external API makes: the exact refusal,
and nothing changed."""

from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.custcare_base.tests.trust_common import TrustMixin

from .common import done_delivery

INTERNAL = (
    "user_id",
    "receipt_picking_id",
    "conforming_picking_id",
    "nonconforming_picking_id",
    "notice_ids",
    "inspected_by_id",
)


@tagged("post_install", "-at_install")
class TestAftersalesTrust(TrustMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_trust()
        env = cls.env
        cls.product = env["product.product"].create({"name": "变频器 VF-22", "is_storable": True})
        cls.delivery = done_delivery(env, cls.customer, cls.product, 2)
        cls.ret = (
            env["custcare.return"]
            .with_user(cls.user_staff)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "picking_id": cls.delivery.id,
                    "line_ids": [
                        Command.create(
                            {"product_id": cls.product.id, "quantity": 2, "reason": "烧毁"}
                        )
                    ],
                }
            )
        )
        cls.service = (
            env["custcare.service.request"]
            .with_user(cls.user_staff)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "product_id": cls.product.id,
                    "symptom": "过流报警",
                    "part_ids": [Command.create({"product_id": cls.product.id, "unit_cost": 30})],
                }
            )
        )
        cls.month = fields.Date.today().replace(day=1)
        cls.visit = (
            env["custcare.visit"]
            .with_user(cls.user_staff)
            .create({"partner_id": cls.customer.id, "plan_month": cls.month})
        )

    def test_received_return_not_marked_inspected(self):
        """No QC decision, no replacement: state, inspector and the split are QC's."""
        ret = self.ret
        ret.action_receive()
        self._refused(ret, {"state": "inspected"})
        self._refused(ret, {"inspected_by_id": self.user_qc.id}, self.user_manager)
        with self.assertRaises(AccessError) as ctx:
            ret.line_ids.write({"qty_conforming": 0, "qty_nonconforming": 2})
        self.assertIn("Only a QC inspector", str(ctx.exception))
        with self.assertRaises(AccessError):
            ret.action_inspected()
        with self.assertRaises(UserError) as ctx:
            ret.action_replenish()
        self.assertIn("once QC has inspected", str(ctx.exception))
        self.assertEqual(ret.state, "received")
        self.assertFalse(ret.sudo().notice_ids or ret.replacement_picking_id)
        self.assertEqual(ret.line_ids.qty_nonconforming, 0)

    def test_gift_not_approved_by_the_requester(self):
        gift = (
            self.env["custcare.gift.request"]
            .with_user(self.user_staff)
            .create({"visit_id": self.visit.id, "name": "台历", "value": 80, "reason": "拜访"})
        )
        self._refused(gift, {"approval_state": "approved", "approved_by_id": self.user_gm.id})
        gift.action_submit()
        with self.assertRaises(AccessError):
            gift.action_approve()
        # a manager's own request needs another manager
        own = (
            self.env["custcare.gift.request"]
            .with_user(self.user_manager)
            .create({"visit_id": self.visit.id, "name": "茶叶", "value": 200, "reason": "拜访"})
        )
        own.action_submit()
        with self.assertRaises(AccessError) as ctx:
            own.action_approve()
        self.assertIn("concerns you", str(ctx.exception))
        self.assertEqual((gift.approval_state, own.approval_state), ("submitted", "submitted"))

    def test_no_gift_after_the_visit(self):
        self.visit.write({"visit_date": fields.Date.today(), "key_gains": "续签合同"})
        self.visit.action_done()
        Gift = self.env["custcare.gift.request"].with_user(self.user_staff)
        with self.assertRaises(UserError) as ctx:
            Gift.create({"visit_id": self.visit.id, "name": "台历", "value": 80, "reason": "补"})
        self.assertIn("applied for before the visit", str(ctx.exception))
        self.assertFalse(self.visit.gift_ids)

    def test_visit_not_dated_outside_its_plan(self):
        with self.assertRaises(ValidationError) as ctx:
            self.visit.write({"visit_date": "2020-05-12"})
        self.assertIn("falls outside its plan", str(ctx.exception))
        self.env.invalidate_all()
        self.assertFalse(self.visit.visit_date)

    def test_no_negative_hours_rates_or_costs(self):
        service = self.service
        for record, vals in (
            (service, {"hours": -3}),
            (service, {"hourly_rate": -100}),
            (service.part_ids, {"unit_cost": -300}),
        ):
            with self.subTest(vals=vals), mute_logger("odoo.sql_db"):
                with self.assertRaises(IntegrityError), self.env.cr.savepoint():
                    record.write(vals)
                    record.flush_recordset()
        self.env.invalidate_all()
        self.assertEqual((service.hours, service.hourly_rate), (0, 0))
        self.assertEqual(service.part_ids.unit_cost, 30)
        self.assertGreaterEqual(service.amount_charged, 0)

    def test_no_ten_thousand_character_names(self):
        with self.assertRaises(ValidationError) as ctx:
            self.service.write({"picked_up_by": "王" * 10000})
        self.assertIn("takes at most", str(ctx.exception))
        # the customer's receipt page (the controller calls it as the system)
        with self.assertRaises(UserError) as ctx:
            self.delivery.sudo()._custcare_confirm_receipt("王" * 10000)
        self.assertIn("at most", str(ctx.exception))
        self.env.invalidate_all()
        self.assertFalse(self.delivery.custcare_received_at or self.delivery.custcare_received_by)
        self.assertFalse(self.service.picked_up_by)

    def test_lines_and_parts_not_deleted_by_others(self):
        line, part = self.ret.line_ids, self.service.part_ids
        for record in (line, part):
            with self.subTest(model=record._name), self.assertRaises(AccessError):
                record.with_user(self.user_colleague).unlink()
        self.ret.action_receive()
        for user in (self.user_staff, self.user_manager, self.user_gm):
            with self.subTest(user=user.login), self.assertRaises(UserError) as ctx:
                line.with_user(user).unlink()
            self.assertIn("once they have been received", str(ctx.exception))
        self.assertTrue(line.exists() and part.exists())

    def test_colleague_sees_no_aftersales_record(self):
        for model, record in (
            ("custcare.return", self.ret),
            ("custcare.service.request", self.service),
            ("custcare.visit", self.visit),
        ):
            with self.subTest(model=model):
                Model = self.env[model].with_user(self.user_colleague)
                self.assertFalse(Model.search([("id", "=", record.id)]))
                self.assertTrue(self.env[model].with_user(self.user_staff).search_count([]))

    def test_portal_reads_return_without_field_list(self):
        ret = self.ret
        for values in (
            ret.with_user(self.user_portal).read()[0],
            self.env["custcare.return"]
            .with_user(self.user_portal)
            .search_read([("id", "=", ret.id)])[0],
        ):
            self.assertEqual(values["name"], ret.name)
            self.assertFalse(set(INTERNAL) & set(values), "internal fields shown to the customer")
        lines = ret.line_ids.with_user(self.user_portal).read()
        self.assertEqual(lines[0]["reason"], "烧毁")
        self.assertNotIn("lot_id", lines[0])
        with self.assertRaises(AccessError):
            ret.with_user(self.user_portal_other).read()

    def test_complaint_from_a_tracked_delivery(self):
        """A salesman registers a complaint from a callback on a delivery he
        has no warehouse rights on."""
        action = self.delivery.action_custcare_track()
        plan = self.env["custcare.callback.plan"].browse(action["res_id"])
        plan.user_id = self.user_staff
        callback = plan.callback_ids[0].with_user(self.user_staff)
        self.assertFalse(self.env["stock.picking"].with_user(self.user_staff).has_access("read"))
        callback.write({"contact_name": "王采购", "quality_feedback": "外壳有裂纹"})
        self.env.invalidate_all()
        action = callback.action_create_complaint()
        complaint = self.env["custcare.complaint"].browse(action["res_id"])
        self.assertEqual(complaint.delivery_ref, self.delivery.name)
        self.assertEqual(complaint.first_receiver_id, self.user_staff)
        self.assertEqual(callback.complaint_id, complaint)
