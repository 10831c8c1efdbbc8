# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo.addons.custcare_base.tests.common import CustcareCase


class ComplaintCase(CustcareCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {"name": "上海宏达机械制造有限公司", "is_company": True}
        )
        cls.team = cls.env["custcare.complaint.team"].create(
            {"name": "客服一组", "member_ids": [(4, cls.user_staff.id)]}
        )

    def _complaint(self, user=None, **vals):
        return (
            self.env["custcare.complaint"]
            .with_user(user or self.user_staff)
            .create(
                {
                    "partner_id": self.customer.id,
                    "team_id": self.team.id,
                    "channel": "phone",
                    "category": "quality",
                    "severity": "major",
                    "description": "<p>一批 200 件外壳尺寸超差。</p>",
                    **vals,
                }
            )
        )
