# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import TransactionCase, tagged

from odoo.addons.custcare_base.tests.trust_common import AccessMatrixTests, TrustMixin

# What each role may do with a record that the "user" role handles (the first
# receiver and owner of the complaint, the author of the fault report): R
# read, W write an ordinary field, C create, D delete it while it is a draft;
# "-" refused. See custcare_base/tests/test_access_matrix.py.
# fmt: off
MATRIX = {
    # model                                 user coll qc   kpr  mgr  gm   prt  oprt coB
    "custcare.complaint":                  "RWC- --C- RWC- --C- RWCD RWCD R--- ---- ----",
    "custcare.complaint.team":             "R--- R--- R--- R--- RWCD RWCD ---- ---- ----",
    "custcare.complaint.transfer":         "R--- ---- R--- ---- R--- R--- ---- ---- ----",
    "custcare.complaint.transfer.wizard":  "RWC- ---- --C- ---- --C- --C- ---- ---- ----",
    "custcare.fault.report":               "R--- R--- RWC- R--- RWCD RWCD ---- ---- ----",
    "custcare.service.supervision":        "---- ---- ---- ---- RWCD RWCD ---- ---- ----",
}
# fmt: on


@tagged("post_install", "-at_install")
class TestComplaintAccessMatrix(AccessMatrixTests, TrustMixin, TransactionCase):
    """Every custcare_complaint model × every role × read/write/create/delete,
    every protected field × every role, evidence never deleted."""

    MATRIX = MATRIX
    ADDON = "custcare_complaint"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_trust()
        env = cls.env
        user, qc, gm = cls.user_staff, cls.user_qc, cls.user_gm
        cls.team = env["custcare.complaint.team"].create(
            {"name": "客服一组", "member_ids": [Command.set(user.ids)]}
        )
        Complaint = env["custcare.complaint"].with_user(user)
        vals = {
            "partner_id": cls.customer.id,
            "team_id": cls.team.id,
            "category": "quality",
            "severity": "major",
            "contact_name": "王采购",
            "contact_phone": "0510-8888 6666",
            "description": "<p>一批 200 件外壳尺寸超差。</p>",
        }
        cls.complaint = Complaint.create(dict(vals))
        cls.complaint_investigating = Complaint.create(dict(vals))
        cls.complaint_investigating.with_user(qc).action_start_investigation()
        cls.complaint_closed = Complaint.create(dict(vals))
        closed = cls.complaint_closed
        closed.with_user(qc).action_start_investigation()
        closed.with_user(qc).write(
            {
                "root_cause": "<p>运输途中受潮</p>",
                "responsibility": "carrier",
                "result": "<p>补发 200 件</p>",
            }
        )
        closed.action_submit_result()
        closed.with_user(gm).action_approve()
        closed.write({"feedback_date": fields.Date.today(), "feedback_method": "phone"})
        closed.action_close()
        cls.complaint_capa = Complaint.create(dict(vals))
        capa = cls.complaint_capa.with_user(qc)
        capa.action_start_investigation()
        capa.write({"root_cause": "<p>模具磨损</p>", "responsibility": "company"})
        capa.action_create_capa()
        # another request, for the forged links
        env["custcare.capa"].create({"nonconformity": "<p>另一项</p>"})
        cls.complaint_transferred = Complaint.create(dict(vals))
        cls.complaint_transferred._transfer(qc, "质量问题转质检")
        cls.transfer = cls.complaint_transferred.sudo().transfer_ids
        cls.wizard = (
            env["custcare.complaint.transfer.wizard"]
            .with_user(user)
            .create(
                {
                    "complaint_ids": [Command.set(cls.complaint.ids)],
                    "to_user_id": qc.id,
                    "reason": "转质检",
                }
            )
        )
        Fault = env["custcare.fault.report"]
        fault_vals = {
            "partner_id": cls.customer.id,
            "complaint_id": cls.complaint.id,
            "occurred_at": fields.Datetime.now() - timedelta(days=2),
            "place": "客户二号车间",
            "symptoms": "<p>设备停机</p>",
            "author_id": user.id,
            "sales_user_id": user.id,
        }
        cls.fault = Fault.create(dict(fault_vals))
        cls.fault_sent = Fault.create(dict(fault_vals))
        cls.fault_sent._custcare_write({"state": "sent", "sent_date": fields.Date.today()})
        Supervision = env["custcare.service.supervision"].with_user(cls.user_manager)
        cls.supervision = Supervision.create({})
        cls.supervision_submitted = Supervision.create({})
        cls.supervision_submitted.action_submit()

    def _specs(self):
        customer = self.customer
        return {
            "custcare.complaint": {
                "record": self.complaint,
                "read": ["name", "state", "description"],
                "write": {"lot_ref": "L-20261101"},
                "create": lambda u: {"partner_id": customer.id, "description": "<p>漏液</p>"},
                "evidence": [
                    self.complaint_investigating,
                    self.complaint_capa,
                    self.complaint_closed,
                ],
            },
            "custcare.complaint.team": {
                "record": self.team,
                "write": {"response_hours_minor": 12},
                "create": lambda u: {"name": "客服二组"},
            },
            "custcare.complaint.transfer": {
                "record": self.transfer,
                "write": {"reason": "改写理由"},
                "create": lambda u: {
                    "complaint_id": self.complaint.id,
                    "from_user_id": self.user_staff.id,
                    "to_user_id": self.user_qc.id,
                    "reason": "伪造转交",
                },
            },
            "custcare.complaint.transfer.wizard": {
                "record": self.wizard,
                "write": {"reason": "转质检分析"},
                "create": lambda u: {
                    "complaint_ids": [Command.set(self.complaint.ids)],
                    "to_user_id": self.user_qc.id,
                    "reason": "转交",
                },
            },
            "custcare.fault.report": {
                "record": self.fault,
                "write": {"place": "客户三号车间"},
                "create": lambda u: {
                    "partner_id": customer.id,
                    "occurred_at": fields.Datetime.now(),
                    "place": "现场",
                    "symptoms": "<p>异响</p>",
                },
                "evidence": [self.fault_sent],
            },
            "custcare.service.supervision": {
                "record": self.supervision,
                "write": {"conclusion": "<p>响应及时</p>"},
                "create": lambda u: {},
                "evidence": [self.supervision_submitted],
            },
        }
