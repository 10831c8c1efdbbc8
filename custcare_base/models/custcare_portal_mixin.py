# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models


class CustcarePortalMixin(models.AbstractModel):
    """Records customers read from the portal: every field they may not read
    carries a group, so a portal user's plain ``read()`` returns what they may
    see instead of failing. (Odoo's activity exception fields are computed
    from the activities, which portal users never read.)"""

    _name = "custcare.portal.mixin"
    _inherit = ["mail.activity.mixin"]
    _description = "Custcare Record Read from the Portal"

    activity_exception_decoration = fields.Selection(groups="base.group_user")
    activity_exception_icon = fields.Char(groups="base.group_user")
