# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, models
from odoo.tools import SQL


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    @api.model
    def _load_module_terms(self, modules, langs, overwrite=False):
        """The values of a mixin's selection field on a custcare model
        (审批状态 草稿/已提交/已批准 of the approval mixin, the activity
        state of mail's activity mixin) are records of the mixin's addon,
        made when the custcare addon is installed: the mixin's catalogue,
        loaded before, does not name them, and a language added later loads
        catalogues that do not list them either. They take the label the
        mixin's own value has in that language."""
        res = super()._load_module_terms(modules, langs, overwrite=overwrite)
        langs = [lang for lang in langs if lang != "en_US"]
        if langs:
            self._custcare_copy_mixin_selection_terms(langs)
        return res

    @api.model
    def _custcare_load_terms(self, modules, langs):
        """Load the addons' catalogues from demo data. Data files call this
        model method, not ``_load_module_terms`` itself: account overrides
        that one without ``@api.model``, and once it is installed a data
        file's call would take the addons' names for record ids."""
        return self._load_module_terms(modules, langs)

    def _custcare_copy_mixin_selection_terms(self, langs):
        for lang in langs:
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE ir_model_fields_selection s
                       SET name = s.name || jsonb_build_object(%(lang)s, t.label)
                      FROM (
                        SELECT DISTINCT ON (own.id) own.id, src.name->>%(lang)s AS label
                          FROM ir_model_fields_selection own
                          JOIN ir_model_fields f ON f.id = own.field_id
                          JOIN ir_model m ON m.model = f.model
                          JOIN ir_model_data d
                            ON d.model = 'ir.model' AND d.res_id = m.id
                           AND d.module LIKE 'custcare\\_%%'
                          JOIN ir_model_fields sf ON sf.name = f.name AND sf.id != f.id
                          JOIN ir_model_fields_selection src
                            ON src.field_id = sf.id AND src.value = own.value
                           AND src.name->>'en_US' = own.name->>'en_US'
                           AND src.name ? %(lang)s
                         WHERE NOT own.name ? %(lang)s
                         ORDER BY own.id, src.id
                      ) t
                     WHERE s.id = t.id
                    """,
                    lang=lang,
                )
            )
        self.env["ir.model.fields.selection"].invalidate_model(["name"])
        self.env.registry.clear_cache("stable")
