# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import USCC, CustcareCase


@tagged("post_install", "-at_install")
class TestUscc(CustcareCase):
    def test_valid_codes_accepted(self):
        Partner = self.env["res.partner"].with_user(self.user_keeper)
        for code in (*USCC, "91110000600037341L"):
            with self.subTest(code=code):
                self.assertEqual(Partner.create({"name": code, "uscc": code}).uscc, code)

    def test_lower_case_and_spaces_normalised(self):
        partner = self.env["res.partner"].create(
            {"name": "北京华信", "uscc": " 9111 0105 5260 1815 0a "}
        )
        self.assertEqual(partner.uscc, "91110105526018150A")
        partner.uscc = "91310115908301660p"
        self.assertEqual(partner.uscc, "91310115908301660P")

    def test_invalid_codes_refused(self):
        Partner = self.env["res.partner"]
        cases = {
            "91110105526018150B": "check digit",  # bad check digit
            "9111010552601815": "18 characters",  # too short
            "91110105526018150AA": "18 characters",  # too long
            "91110105526O18150A": "not valid",  # letter O is not allowed
        }
        for code, message in cases.items():
            with self.subTest(code=code), self.assertRaises(ValidationError) as ctx:
                Partner.create({"name": "坏代码", "uscc": code})
            self.assertIn(message, str(ctx.exception))
        self.assertFalse(Partner.search([("name", "=", "坏代码")]))

    def test_invalid_code_message_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["custcare_base"], ["zh_CN"])
        with self.assertRaises(ValidationError) as ctx:
            self.env["res.partner"].with_context(lang="zh_CN").create(
                {"name": "坏代码", "uscc": "91110105526018150B"}
            )
        self.assertIn("校验位", str(ctx.exception))

    def test_duplicate_refused_in_same_company(self):
        self.env["res.partner"].create({"name": "甲", "uscc": USCC[0]})
        with self.assertRaises(ValidationError) as ctx:
            self.env["res.partner"].create({"name": "乙", "uscc": USCC[0].lower()})
        self.assertIn(USCC[0], str(ctx.exception))
        self.assertFalse(self.env["res.partner"].search([("name", "=", "乙")]))

    @mute_logger("odoo.sql_db")
    def test_duplicate_refused_by_database(self):
        first = self.env["res.partner"].create({"name": "甲", "uscc": USCC[1]})
        second = self.env["res.partner"].create({"name": "乙"})
        with self.assertRaises(IntegrityError):
            # below the ORM constraint, the unique index still refuses
            self.env.cr.execute(
                "UPDATE res_partner SET uscc = %s WHERE id = %s", (first.uscc, second.id)
            )

    def test_duplicate_allowed_when_archived_or_other_company(self):
        old = self.env["res.partner"].create({"name": "旧", "uscc": USCC[2]})
        old.active = False
        self.env["res.partner"].create({"name": "新", "uscc": USCC[2]})
        with self.assertRaises(ValidationError):
            old.active = True
        # two companies may each keep their own partner with the code...
        first, second = self.env["res.company"].create([{"name": "分公司"}, {"name": "子公司"}])
        self.env["res.partner"].create({"name": "甲", "uscc": USCC[3], "company_id": first.id})
        self.env["res.partner"].create({"name": "乙", "uscc": USCC[3], "company_id": second.id})
        # ...but not beside a partner shared by all companies, either way round
        with self.assertRaises(ValidationError):
            self.env["res.partner"].create({"name": "丙", "uscc": USCC[3]})
        with self.assertRaises(ValidationError):
            self.env["res.partner"].create({"name": "分", "uscc": USCC[2], "company_id": first.id})
        self.assertFalse(self.env["res.partner"].search([("name", "in", ("丙", "分"))]))

    def test_whole_gb32100_code_table(self):
        """Every registration authority and organisation type of GB 32100-2015
        is accepted with a right check character; any other pair is refused."""
        Partner = self.env["res.partner"]
        body = "110105MA0123456"
        valid = {
            "1": "1239", "2": "19", "3": "123459", "4": "19", "5": "1239", "6": "129",
            "7": "129", "8": "19", "9": "123", "A": "19", "N": "1239", "Y": "1",
        }  # fmt: skip
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

        def code(prefix):
            first17 = prefix + body
            total = sum(alphabet.index(c) * w for c, w in zip(first17, weights, strict=True))
            return first17 + alphabet[(31 - total % 31) % 31]

        for authority, types in valid.items():
            for kind in types:
                with self.subTest(prefix=authority + kind):
                    partner = Partner.create(
                        {"name": f"{authority}{kind}", "uscc": code(authority + kind)}
                    )
                    self.assertEqual(partner.uscc[:2], authority + kind)
                    partner.unlink()
        for prefix in ("94", "Y2", "B1", "28", "A2", "00", "36"):
            with self.subTest(prefix=prefix), self.assertRaises(ValidationError) as ctx:
                Partner.create({"name": prefix, "uscc": code(prefix)})
            self.assertIn("GB 32100-2015", str(ctx.exception))

    def test_account_manager_required_for_core_and_key(self):
        for tier in ("core", "key"):
            with self.subTest(tier=tier), self.assertRaises(ValidationError):
                self.env["res.partner"].create({"name": "核心", "customer_tier": tier})
        partner = self.env["res.partner"].create({"name": "一般", "customer_tier": "general"})
        with Form(partner) as form:
            form.customer_tier = "key"
            form.account_manager_id = self.user_staff
        self.assertEqual(partner.customer_tier, "key")
        self.assertEqual(
            partner.tier_history_ids.mapped(lambda h: (h.old_tier, h.new_tier)),
            [("general", "key"), (False, "general")],
        )
