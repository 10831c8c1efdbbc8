# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)
_BY_ACTIONS = _lt("the buttons of the form, which set it")

# Only server code holds this object: a context that arrives from a client
# (JSON-RPC, XML-RPC) can never carry it, so protected fields cannot be forged.
_TRUSTED = object()


class CustcareEvidenceMixin(models.AbstractModel):
    """Records that are evidence (ISO 9001 §7.5 style quality records).

    - **Protected fields** (``_custcare_protected_fields``: field name → the
      actions that set it; and every field a custcare addon declares
      ``readonly``) change only through the model's own actions:
      ``create``/``write``/``copy`` from anywhere else refuse them with a
      message naming the action to use. Server code writes them with
      :meth:`_custcare_write` / :meth:`_custcare_create`.
    - **Deletion guard**: a record in one of ``_custcare_evidence_states`` (or
      what :meth:`_custcare_is_evidence` says) is never deleted; the retention
      engine anonymises it and keeps a destruction record instead.

    Each class in the inheritance chain may declare its own protected fields;
    they add up.
    """

    _name = "custcare.evidence.mixin"
    _description = "Custcare Evidence Record"

    _custcare_protected_fields = {}
    # set when the record is created, never changed afterwards
    _custcare_fixed_fields = ()
    _custcare_evidence_states = ()

    def _custcare_label(self):
        """The name of this kind of record in the user's language (a model's
        ``_description`` is not translated; its ``ir.model`` name is)."""
        return self.env["ir.model"].sudo()._get(self._name).name

    # ------------------------------------------------------------------ trust
    def _custcare_trusted(self):
        return self.env.context.get("custcare_trusted") is _TRUSTED

    def _custcare_write(self, vals):
        """Write protected fields from the model's own actions."""
        return self.with_context(custcare_trusted=_TRUSTED).write(vals)

    @api.model
    def _custcare_create(self, vals_list):
        """Create records whose protected fields the server sets (the source
        of a CAPA, say); the records come back in the caller's context."""
        records = self.with_context(custcare_trusted=_TRUSTED).create(vals_list)
        return records.with_env(self.env)

    @api.model
    def _custcare_protected(self):
        """{field name: how it changes}, gathered along the inheritance chain."""
        cls = type(self)
        cached = cls.__dict__.get("_custcare_protected_cache")
        if cached is None:
            cached = {}
            for klass in reversed(cls.mro()):
                cached.update(klass.__dict__.get("_custcare_protected_fields") or {})
            cached = {name: how for name, how in cached.items() if name in self._fields}
            # a field custcare declares read-only is set by the server, never by a client
            for name, field in self._fields.items():
                if (
                    field.readonly
                    and (field._module or "").startswith("custcare")
                    and name not in models.MAGIC_COLUMNS
                ):
                    cached.setdefault(name, _BY_ACTIONS)
            cls._custcare_protected_cache = cached
        return cached

    def _custcare_refuse(self, names):
        protected = self._custcare_protected()
        parts = [
            self.env._(
                "%(field)s (use: %(how)s)",
                field=self._fields[name]._description_string(self.env),
                how=self.env._(protected[name]),
            )
            for name in sorted(names)
        ]
        raise UserError(
            self.env._(
                "These fields of a %(model)s change only through its actions, never by "
                "editing: %(fields)s.",
                model=self._custcare_label(),
                fields="; ".join(parts),
            )
        )

    def _custcare_check_sizes(self, vals_list):
        """A text longer than its field allows is refused, not cut short."""
        for vals in vals_list:
            for name, value in vals.items():
                field = self._fields.get(name)
                size = field and field.type == "char" and field.size
                if size and isinstance(value, str) and len(value) > size:
                    raise ValidationError(
                        self.env._(
                            "“%(field)s” takes at most %(size)s characters (%(length)s given).",
                            field=field._description_string(self.env),
                            size=size,
                            length=len(value),
                        )
                    )

    def _custcare_check_vals(self, vals_list, defaults=None):
        """Refuse protected fields in ``vals_list`` (values equal to the
        field's default are accepted on creation: clients send them)."""
        if self.env.su or self._custcare_trusted():
            return
        protected = self._custcare_protected()
        hit = {name for vals in vals_list for name in vals if name in protected}
        if hit and defaults is not None:
            hit = {
                name
                for name in hit
                for vals in vals_list
                if name in vals and not self._custcare_is_default(name, vals[name], defaults)
            }
        if hit:
            self._custcare_refuse(hit)

    def _custcare_is_default(self, name, value, defaults):
        default = defaults.get(name)
        if not default and not value:
            return True
        field = self._fields[name]
        if field.type == "many2one" and isinstance(value, models.BaseModel):
            value = value.id
        return value == default

    # ------------------------------------------------------------------- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        self._custcare_check_sizes(vals_list)
        if not (self.env.su or self._custcare_trusted()):
            protected = self._custcare_protected()
            context = self.env.context
            # a client cannot set a protected field through a context default either
            dropped = [k for k in context if k.startswith("default_") and k[8:] in protected]
            if dropped:
                # the whole context is replaced on purpose: keys are removed, not set
                kept = {k: v for k, v in context.items() if k not in dropped}
                self = self.with_context(kept)  # pylint: disable=context-overridden
            names = [n for vals in vals_list for n in vals if n in protected]
            if names:
                self._custcare_check_vals(vals_list, self.default_get(names))
        self._custcare_prepare_create(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._custcare_check_sizes([vals])
        self._custcare_check_vals([vals])
        fixed = set(vals) & set(self._custcare_fixed_fields)
        if fixed and not (self.env.su or self._custcare_trusted()):
            raise UserError(
                self.env._(
                    "%(fields)s of a %(model)s is set when it is created and never changed.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env) for name in sorted(fixed)
                    ),
                    model=self._custcare_label(),
                )
            )
        return super().write(vals)

    def copy_data(self, default=None):
        """A copy starts its own life: none of the protected values come along
        (unless the caller gives them, which create then checks)."""
        vals_list = super().copy_data(default=default)
        protected = self._custcare_protected()
        given = set(default or ())
        # a copy cannot do without a value that only the model's actions give
        missing = sorted(
            name
            for name in protected
            if name not in given
            and self._fields[name].required
            and not self._fields[name].default
            and any(name in vals for vals in vals_list)
        )
        if missing:
            raise UserError(
                self.env._(
                    "A %(model)s cannot be copied: %(fields)s is set only by %(how)s.",
                    model=self._custcare_label(),
                    fields=", ".join(
                        self._fields[name]._description_string(self.env) for name in missing
                    ),
                    how=self.env._(protected[missing[0]]),
                )
            )
        return [
            {k: v for k, v in vals.items() if k not in protected or k in given}
            for vals in vals_list
        ]

    @api.private
    def _custcare_prepare_create(self, vals_list):
        """Hook: set protected values of new records (numbers, first receiver,
        ...); called after the caller's values were checked."""

    # --------------------------------------------------------------- deletion
    def _custcare_is_evidence(self):
        """The records of ``self`` that may not be deleted."""
        states = self._custcare_evidence_states
        if not states or "state" not in self._fields:
            return self.browse()
        return self.filtered(lambda r: r.state in states)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_custcare_evidence(self):
        if self._custcare_trusted():
            return
        evidence = self._custcare_is_evidence()
        if evidence:
            raise UserError(
                self.env._(
                    "%(record)s is a quality record (%(model)s) and cannot be deleted: records "
                    "that were submitted, approved, sent, verified or closed are kept and "
                    "disappear only through the retention policy, which leaves a destruction "
                    "record.",
                    record=evidence[0].display_name,
                    model=self._custcare_label(),
                )
            )
