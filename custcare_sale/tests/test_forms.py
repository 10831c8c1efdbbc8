# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields
from odoo.tests import tagged

from odoo.addons.custcare_base.tests.common import CustcareHttpCase

from .common import ContractReviewMixin

MODULES = ["uom", "custcare_aftersales", "custcare_sale"]


@tagged("post_install", "-at_install")
class TestForms(ContractReviewMixin, CustcareHttpCase):
    """The three controlled forms of the contract review, printed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_sale()

    def test_contract_review_change_and_notice_forms(self):
        order = self._order([(self.machine, 5), (self.product, 3)])
        review = self._review(order)
        review.requirements = "木箱包装，防潮；随机附合格证和说明书。"
        self._answer_all(review)
        review.with_user(self.user_sales).action_submit()
        review.with_user(self.user_cs_manager).action_approve()
        order.action_confirm()
        self.assertPrinted(
            "custcare_sale.action_report_custcare_contract_review",
            review,
            MODULES,
            "contract_review.pdf",
            title="合同评审表",
            number=review.name,
            code="Q/CC-JL401",
            header=("序号", "产品", "订货数量"),
            words=("客户", "日期", "杭州宏达机械有限公司", "单螺杆挤出机", "仓库", "生产通知单"),
        )
        order.order_line[0].product_uom_qty = 6
        change = order.custcare_change_ids
        change.write(
            {
                "reason": "客户追加 1 台",
                "agreement_contact": "王采购",
                "agreement_date": fields.Date.today(),
            }
        )
        self.assertPrinted(
            "custcare_sale.action_report_custcare_contract_review_change",
            change,
            MODULES,
            "contract_review_change.pdf",
            title="合同评审变更登记表",
            number=change.name,
            code="Q/CC-JL402",
            words=("客户", "日期", "王采购", "客户追加1台", order.name),
        )
        notice = self.env["custcare.production.notice"].search([("sale_order_id", "=", order.id)])
        self.assertPrinted(
            "custcare_aftersales.action_report_custcare_production_notice",
            notice,
            MODULES,
            "sale_production_notice.pdf",
            title="生产通知单",
            number=notice.name,
            code="Q/CC-JL307",
            header=("序号", "产品", "数量", "单位"),
            words=("客户", "杭州宏达机械有限公司", order.name, review.name),
        )
