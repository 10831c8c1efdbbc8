# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""The access matrix and the protected-field walk shared by the
``test_access_matrix`` module of every custcare addon.

Each addon declares, for every model it defines (and the Odoo models it
opens), what each role may do with a record handled by the ``user`` role:

- ``R`` read it (``read`` and ``search_read``, as the external API does),
- ``W`` change one of its ordinary fields (``write``),
- ``C`` create such a record (``create``),
- ``D`` delete it while it is still a draft (``unlink``),

``-`` where the attempt is refused (AccessError or UserError). Records that are
evidence (submitted, approved, sent, verified, closed ...) are deleted by
nobody, and protected fields are written by nobody: the walks below check both
for every role, every record and every protected field.
"""

import logging
from datetime import date, datetime, timedelta

from odoo import Command, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import CustcareMixin

_logger = logging.getLogger(__name__)

# the columns of every matrix, in this order
ROLES = (
    "user",
    "colleague",
    "qc",
    "keeper",
    "manager",
    "gm",
    "portal",
    "portal_other",
    "company_b",
)
ROLE_LABELS = {
    "user": "User (handles the record)",
    "colleague": "User (colleague, not involved)",
    "qc": "QC Inspector",
    "keeper": "Archive Keeper",
    "manager": "Manager",
    "gm": "General Manager",
    "portal": "Portal: the customer",
    "portal_other": "Portal: another customer",
    "company_b": "General Manager of company B",
}
OPERATIONS = "RWCD"
REFUSED = (AccessError, UserError)
PROTECTED_MESSAGE = "change only through its actions"
FIXED_MESSAGE = "is set when it is created and never changed"


def parse_matrix(matrix):
    """{model: "RW-- ---- ..."} → {model: {role: "RW--"}}"""
    parsed = {}
    for model, row in matrix.items():
        cells = row.split()
        assert len(cells) == len(ROLES), f"{model}: {len(cells)} cells for {len(ROLES)} roles"
        parsed[model] = dict(zip(ROLES, cells, strict=True))
    return parsed


class TrustMixin(CustcareMixin):
    """The roles of the matrix and the attempts they make."""

    @classmethod
    def _setup_trust(cls):
        cls._setup_custcare()
        env = cls.env
        cls.company_a = env.company
        cls.company_b = env["res.company"].create({"name": "乙公司 (测试)"})
        make = new_test_user
        cls.user_colleague = make(env, "cc_colleague", groups="custcare_base.group_custcare_user")
        cls.user_colleague.name = "周同事"
        cls.customer = env["res.partner"].create(
            {
                "name": "无锡信达精密机械有限公司",
                "is_company": True,
                "company_id": cls.company_a.id,
                "customer_tier": "key",
                "account_manager_id": cls.user_staff.id,
                "email": "buyer@xinda.example.cn",
            }
        )
        cls.other_customer = env["res.partner"].create(
            {"name": "常州恒远化工有限公司", "is_company": True, "company_id": cls.company_a.id}
        )
        cls.shared = env["res.partner"].create(  # a customer shared by all companies
            {"name": "上海共享客户有限公司", "is_company": True, "email": "s@shared.example.cn"}
        )
        cls.user_portal.partner_id.write({"parent_id": cls.customer.id, "name": "王采购"})
        cls.user_portal_other = make(env, "cc_portal_other", groups="base.group_portal")
        cls.user_portal_other.partner_id.parent_id = cls.other_customer
        cls.user_company_b = make(
            env,
            "cc_company_b",
            groups="custcare_base.group_custcare_gm",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )
        cls.roles = {
            "user": cls.user_staff,
            "colleague": cls.user_colleague,
            "qc": cls.user_qc,
            "keeper": cls.user_keeper,
            "manager": cls.user_manager,
            "gm": cls.user_gm,
            "portal": cls.user_portal,
            "portal_other": cls.user_portal_other,
            "company_b": cls.user_company_b,
        }

    @classmethod
    def tearDownClass(cls):
        _logger.info("%s: %s calls made as the roles", cls.__name__, getattr(cls, "attempts", 0))
        super().tearDownClass()

    def _refused(self, record, vals, user=None):
        """write(vals) as `user` (the staff user) is refused by the
        protection of the fields; nothing changes."""
        record = record.with_user(user or self.user_staff)
        before = record.sudo().read(list(vals))[0]
        with self.assertRaises(UserError) as ctx:
            record.write(vals)
        self.assertIn(PROTECTED_MESSAGE, str(ctx.exception))
        self.env.invalidate_all()
        self.assertEqual(record.sudo().read(list(vals))[0], before)
        return ctx.exception

    # ------------------------------------------------------- multi-company
    def _next_numbers(self, code):
        """{company or False (the template): next number} of a custcare
        numbering sequence."""
        sequences = self.env["ir.sequence"].sudo().search([("code", "=", code)])
        return {s.company_id or False: s.number_next_actual for s in sequences}

    def _assert_numbered_in_b(self, record, code, before):
        """``record`` of company B took its number from company B's own copy
        of the sequence; company A's copy and the template did not move."""
        after = self._next_numbers(code)
        sequence_b = (
            self.env["ir.sequence"]
            .sudo()
            .search([("code", "=", code), ("company_id", "=", self.company_b.id)])
        )
        self.assertTrue(sequence_b, f"no sequence {code} of company B")
        self.assertEqual(after[self.company_b], sequence_b.number_next_actual)
        self.assertGreater(after[self.company_b], before.get(self.company_b, 0))
        for key in (self.company_a, False):
            if key in before:
                self.assertEqual(after[key], before[key], f"{code}: {key} moved")
        number = sequence_b.get_next_char(after[self.company_b] - 1)
        self.assertEqual(record.sudo().name, number)

    def _assert_hidden_from_b(self, records):
        """Company B's general manager finds and reads none of ``records``."""
        user = self.user_company_b
        for record in records:
            with self.subTest(record=record._name):
                self.assertTrue(record, f"no {record._name} to hide")
                Model = self.env[record._name].with_user(user)
                self.assertFalse(Model.search([("id", "=", record.id)]))
                with self.assertRaises(AccessError):
                    record.with_user(user).read(["display_name"])

    # ----------------------------------------------------------- attempts
    def _attempt(self, action):
        """Run ``action`` as the external API would, in a savepoint that is
        always rolled back; return None if it went through, else the refusal.
        Any other exception is a failure of the test."""
        type(self).attempts = getattr(type(self), "attempts", 0) + 1
        self.env.invalidate_all()  # as in a new request: nothing cached from the set-up
        savepoint = self.env.cr.savepoint()
        try:
            action()
            self.env.flush_all()
        except REFUSED as error:
            return error
        finally:
            savepoint.close(rollback=True)
            self.env.invalidate_all()
        return None

    def _read(self, record, user, names):
        """read() and search_read() must agree on whether ``user`` sees it."""
        as_user = record.with_user(user)
        try:
            found = as_user.search_read([("id", "=", record.id)], ["display_name"])
        except AccessError:
            found = []
        as_user.read(names)  # raises when refused
        if not found:
            raise AssertionError(
                f"{record} is readable by {user.login} but search_read does not find it"
            )

    def _create_vals(self, spec, user):
        """The spec's values for a new record, in company A (where the
        company is chosen): company B's users try to create company A's."""
        vals = spec["create"](user)
        field = self.env[spec["record"]._name]._fields.get("company_id")
        if field and field.store and not field.related:
            vals.setdefault("company_id", self.company_a.id)
        return vals

    def _rights(self, spec, user):
        """The letters of what ``user`` may do with ``spec``'s draft record."""
        record = spec["record"]
        Model = self.env[record._name]
        attempts = {
            "R": lambda: self._read(record, user, spec.get("read") or ["display_name"]),
            "W": lambda: record.with_user(user).write(spec["write"]),
            "C": lambda: Model.with_user(user).create(self._create_vals(spec, user)),
            "D": lambda: record.with_user(user).unlink(),
        }
        letters = ""
        for op in OPERATIONS:
            error = self._attempt(attempts[op])
            letters += "-" if error else op
        return letters

    def _check_matrix(self, matrix, specs):
        """Every role against every model's draft record: one report of all
        the cells that differ from the declared matrix."""
        declared = parse_matrix(matrix)
        self.assertEqual(set(specs), set(declared), "a model has no spec or no row")
        wrong = []
        for model, spec in specs.items():
            observed = {role: self._rights(spec, user) for role, user in self.roles.items()}
            if observed != declared[model]:
                row = " ".join(observed[role] for role in ROLES)
                wrong.append(f'    "{model}": "{row}",')
        self.assertFalse(wrong, "observed rights differ from the matrix:\n" + "\n".join(wrong))

    def _check_evidence(self, matrix, specs):
        """Nobody deletes a record that is evidence, not even the general
        manager: those who may delete a draft are refused by the deletion
        guard (a UserError saying why), the others by their access rights."""
        declared = parse_matrix(matrix)
        for model, spec in specs.items():
            for record in spec.get("evidence", ()):
                for role, user in self.roles.items():
                    error = self._attempt(lambda r=record, u=user: r.with_user(u).unlink())
                    with self.subTest(model=model, record=record.display_name, role=role):
                        self.assertIsNotNone(error, f"{role} deleted the evidence {record}")
                        if "D" in declared[model][role]:
                            self.assertNotIsInstance(error, AccessError)
                self.assertTrue(record.exists())

    # ----------------------------------------------------- protected fields
    def _other_user(self, *avoid):
        for user in (self.user_gm, self.user_colleague, self.user_qc, self.user_manager):
            if user not in avoid:
                return user
        raise AssertionError("no other user")

    def _other_value(self, record, name, avoid=None):
        """A plausible value of ``name`` different from the record's (and
        from ``avoid``, the default a new record would get)."""
        field = record._fields[name]
        current = record.sudo()[name]
        kind = field.type
        if kind == "many2one":
            avoid_ids = {current.id, getattr(avoid, "id", avoid)}
            if field.comodel_name == "res.users":
                return self._other_user(
                    *[self.env["res.users"].browse(i) for i in avoid_ids if i]
                ).id
            other = (
                self.env[field.comodel_name]
                .sudo()
                .with_context(active_test=False)
                .search([("id", "not in", [i for i in avoid_ids if i])], limit=1, order="id desc")
            )
            self.assertTrue(other, f"no other {field.comodel_name} for {record._name}.{name}")
            return other.id
        if kind in ("one2many", "many2many"):
            return [Command.clear()]
        if kind == "selection":
            values = [v for v, _label in field._description_selection(self.env)]
            others = [v for v in values if v not in (current, avoid)]
            self.assertTrue(others, f"no other value for {record._name}.{name}")
            return others[-1]
        if kind == "reference":
            return f"res.partner,{self.customer.id}"
        if kind == "boolean":
            return not avoid if avoid is not None else not current
        if kind in ("integer", "float", "monetary"):
            return (current or 0) + 3
        if kind == "date":
            return (current or date.today()) + timedelta(days=365)
        if kind == "datetime":
            return (current or datetime.now()) + timedelta(days=365)
        if kind in ("char", "text", "html"):
            return f"{current or ''} 伪造"
        if kind == "json":
            return {"forged": True}
        raise AssertionError(f"no forged value for a {kind} field ({record._name}.{name})")

    def _check_protected(self, matrix, specs):
        """Every protected (or fixed) field of every record, written by every
        role: refused. Those who may edit the record get the protection's
        message; the others are refused their access anyway."""
        declared = parse_matrix(matrix)
        for model, spec in specs.items():
            for record in (spec["record"], *spec.get("evidence", ())):
                names = (
                    set(record._custcare_protected())
                    if hasattr(record, "_custcare_protected")
                    else set()
                )
                fixed = set(getattr(record, "_custcare_fixed_fields", ()))
                before = {n: record.sudo()[n] for n in names | fixed if record._fields[n].store}
                for name in sorted(names | fixed):
                    value = self._other_value(record, name)
                    for role, user in self.roles.items():
                        error = self._attempt(
                            lambda r=record, u=user, n=name, v=value: r.with_user(u).write({n: v})
                        )
                        with self.subTest(model=model, field=name, role=role, record=record.id):
                            self.assertIsNotNone(error, f"{role} wrote {model}.{name}")
                            if record == spec["record"] and "W" in declared[model][role]:
                                expected = FIXED_MESSAGE if name in fixed else PROTECTED_MESSAGE
                                self.assertIn(expected, str(error))
                after = {n: record.sudo()[n] for n in before}
                self.assertEqual(after, before, f"{model} changed by refused writes")

    def _check_protected_on_create(self, matrix, specs):
        """Creating a record with a protected field set to anything but its
        default: refused for every role (with the protection's message for
        those who may create)."""
        declared = parse_matrix(matrix)
        for model, spec in specs.items():
            record = spec["record"]
            if not hasattr(record, "_custcare_protected"):
                continue
            Model = self.env[model]
            for name in sorted(record._custcare_protected()):
                for role, user in self.roles.items():
                    vals = self._create_vals(spec, user)
                    default = Model.with_user(user).default_get([name]).get(name)
                    vals[name] = spec.get("forged", {}).get(name) or self._other_value(
                        record, name, avoid=default
                    )
                    error = self._attempt(lambda u=user, v=vals, m=Model: m.with_user(u).create(v))
                    with self.subTest(model=model, field=name, role=role):
                        self.assertIsNotNone(error, f"{role} created {model} with {name}")
                        if "C" in declared[model][role]:
                            self.assertIn(PROTECTED_MESSAGE, str(error))

    def _check_copy(self, specs):
        """A copy starts its own life: none of the protected values of the
        original come along (copied by the general manager, or by the system
        where nobody may create such records)."""
        for spec in specs.values():
            for record in (spec["record"], *spec.get("evidence", ())):
                if hasattr(record, "_custcare_protected"):
                    self._check_copy_of(record, spec.get("copy"))

    def _check_copy_of(self, record, default=None):
        protected = record._custcare_protected()
        given = set(default or ())
        # what a copy is made of: none of the protected values
        try:
            vals = record.sudo().copy_data(default)[0]
        except UserError:
            return  # not copied at all (it needs what only the model's actions give)
        with self.subTest(model=record._name, record=record.id):
            self.assertFalse((set(vals) & set(protected)) - given, "protected values copied")
        # and the copy itself, when the general manager may make one
        fields_ = record._fields
        names = [
            n
            for n in protected
            if fields_[n].store and not fields_[n].compute and fields_[n].type != "one2many"
        ]
        defaults = self.env[record._name].with_user(self.user_gm).default_get(names)
        defaults = {
            n: (v,) if fields_[n].type == "many2one" and isinstance(v, int) else _plain(v)
            for n, v in defaults.items()
        }
        original = {n: _plain(record.sudo()[n]) for n in names}
        carried = {n: v for n, v in original.items() if v and v != defaults.get(n)}

        def copy_and_compare():
            copy = record.with_user(self.user_gm).copy(default)
            for name, value in carried.items():
                with self.subTest(model=record._name, field=name, record=record.id):
                    self.assertNotEqual(_plain(copy.sudo()[name]), value)

        if carried:
            self._attempt(copy_and_compare)


def _plain(value):
    if isinstance(value, models.BaseModel):
        return tuple(value.ids)
    return value


def today_plus(days):
    return fields.Date.today() + timedelta(days=days)


class AccessMatrixTests:
    """The tests of an addon's ``test_access_matrix`` module. The test class
    sets ``MATRIX``, ``ADDON`` (whose models the matrix must cover),
    ``OPENED`` (Odoo models the addon opens to its users) and ``_specs()``."""

    MATRIX = {}
    ADDON = None
    OPENED = ()
    allow_inherited_tests_method = True  # Odoo's loader runs these inherited tests

    def test_every_model_declared(self):
        """The matrix covers every model the addon defines (and the Odoo
        models it opens)."""
        defined = {
            name
            for name, model in self.env.items()
            if model._original_module == self.ADDON and not model._abstract
        }
        self.assertEqual(defined | set(self.OPENED), set(self.MATRIX))

    def test_matrix(self):
        self._check_matrix(self.MATRIX, self._specs())

    def test_evidence_never_deleted(self):
        self._check_evidence(self.MATRIX, self._specs())

    def test_protected_fields_refused(self):
        self._check_protected(self.MATRIX, self._specs())

    def test_protected_fields_refused_on_create(self):
        self._check_protected_on_create(self.MATRIX, self._specs())

    def test_copy_drops_protected_values(self):
        self._check_copy(self._specs())
