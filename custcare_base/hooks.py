# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).


def load_shared_terms(env):
    """Post-install hook of the addons whose models use custcare_base's
    mixins (approval, numbering). The labels of a mixin's selection values
    on such a model (草稿, 已批准 for approval_state) are records of
    custcare_base, created when the addon is installed: custcare_base's
    translations were loaded before they existed. Load them again (without
    overwriting anything) for the languages in use."""
    langs = [code for code, _name in env["res.lang"].get_installed() if code != "en_US"]
    if langs:
        env["ir.module.module"]._load_module_terms(["custcare_base"], langs)
