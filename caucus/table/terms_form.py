"""The economic-terms editor of the proposal forms: the terms as fields a team fills in (the
term, raises by date in percent or cents with their floors and caps, minimum rates as new
scales, steps, lump sums, differentials, profit sharing, the health share), or as the JSON
itself, "for scripts". Both produce the same JSON, the costing engine's (docs/costing.md), and
both are checked by the engine's own schema (``caucus.table.economics``), each problem shown at
the field it names.

The JSON box is named ``economic_terms`` as it always was, so a script that posts the JSON
alone still works (no ``terms_mode``: the JSON is used as is). With the form, the sections the
form has no place for (the status quo's scales, a new-hire tier, freezes, red circles, the
roll-up, and any a later engine adds) are kept from the JSON box as posted; a row the form
cannot show whole (a raise for one region) makes the editor open on the JSON instead.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.forms import BaseFormSet, formset_factory

from caucus.engines.costing.reader import TermsError
from caucus.engines.costing.terms import parse_terms
from caucus.table.economics import economic_terms_errors

DATE = forms.DateInput(attrs={"type": "date"})
MONEY_INPUT = forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"})
NUMBER_INPUT = forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"})
# The sections the form edits; every other one stays as the JSON box has it.
EDITED = ("term", "raises", "steps", "lump_sums", "differentials", "profit_sharing", "health")
# Fields shown as a percent (80) that the engine holds as a share (0.8).
SHARES = {"share_of_hours", "employer_share", "enrolled", "premium_growth"}
ERROR_PATH = re.compile(
    r"^(?P<section>[a-z_]+)(?:\[(?P<index>\d+)\])?(?:\.(?P<rest>[a-z_]+(?:\[\d+\])?[\w.\[\]]*))?: "
)


def _num(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _decimal(value: Any, *, share: bool = False) -> Decimal:
    number = Decimal(str(value))
    return (number * 100).normalize() if share else number


class NumberListField(forms.CharField):
    """Numbers separated by commas (``18.40, 19.00, 19.60``), as a list of floats."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return ", ".join(f"{Decimal(str(v)).normalize():f}" for v in value)
        return value

    def to_python(self, value: Any) -> Any:
        text = super().to_python(value)
        if not text:
            return []
        try:
            return [float(Decimal(part.lstrip("$"))) for part in re.split(r"[,;\s]+", text) if part]
        except ArithmeticError:
            raise forms.ValidationError(
                "Give numbers separated by commas, like 18.40, 19.00, 19.60."
            ) from None


class RowForm(forms.Form):
    """One section's fields (or one row of a list section), to and from the engine's JSON."""

    keys: tuple[str, ...] = ()

    def json_from(self, data: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in self.keys:
            value = data.get(key)
            if value is None or value == "" or value == []:
                continue
            if isinstance(value, bool):
                if value:
                    out[key] = True
            elif isinstance(value, date):
                out[key] = value.isoformat()
            elif isinstance(value, Decimal):
                out[key] = _num(value / 100 if key in SHARES else value)
            else:
                out[key] = value
        return out

    @classmethod
    def initial_from(cls, data: dict[str, Any]) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for key in cls.keys:
            value = data.get(key)
            if isinstance(value, bool) or value is None:
                initial[key] = value
            elif isinstance(value, int | float):
                initial[key] = _decimal(value, share=key in SHARES)
            elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                initial[key] = date.fromisoformat(value)
            else:
                initial[key] = value
        return initial


def _number(label: str, **kwargs: Any) -> forms.DecimalField:
    kwargs.setdefault("widget", NUMBER_INPUT)
    return forms.DecimalField(
        label=label, required=False, max_digits=14, decimal_places=4, **kwargs
    )


class TermForm(RowForm):
    keys = ("start", "years", "day_count", "hours_per_fte")
    start = forms.DateField(label="Contract starts", required=False, widget=DATE)
    years = forms.IntegerField(label="Years", required=False, min_value=1, max_value=10)
    day_count = forms.ChoiceField(
        label="Days counted",
        required=False,
        choices=[
            ("", "Actual days"),
            ("30/360", "Months of 30 days (30/360, as the costing guides count)"),
        ],
    )
    hours_per_fte = _number("Hours in a full-time year", help_text="2,080 when left empty.")


class RaiseForm(RowForm):
    keys = ("effective", "percent", "cents", "floor_cents", "cap_cents", "label")
    effective = forms.DateField(label="Effective", required=False, widget=DATE)
    percent = _number("Percent", help_text="3 for 3%; negative for a cut.")
    cents = _number("…or cents an hour", help_text="Instead of a percent: 50 for 50¢.")
    floor_cents = _number("Floor (cents an hour)", help_text="Optional: at least this much.")
    cap_cents = _number("Cap (cents an hour)", help_text="Optional: at most this much.")
    label = forms.CharField(label="Label", required=False, max_length=80)


class ScaleForm(RowForm):
    keys = ("classification", "effective", "rates")
    classification = forms.CharField(label="Classification", required=False, max_length=120)
    effective = forms.DateField(label="From", required=False, widget=DATE)
    rates = NumberListField(
        label="Hourly rates by step",
        required=False,
        help_text="Step 1 first, separated by commas: 18.40, 19.00, 19.60.",
    )


class StepsForm(RowForm):
    keys = ("movement",)
    movement = forms.ChoiceField(
        label="Steps",
        required=False,
        choices=[
            ("", "As now"),
            ("yes", "Steps move up on each anniversary"),
            ("no", "No step increases"),
        ],
    )

    def json_from(self, data: dict[str, Any]) -> dict[str, Any]:
        movement = data.get("movement")
        return {"movement": movement == "yes"} if movement else {}

    @classmethod
    def initial_from(cls, data: dict[str, Any]) -> dict[str, Any]:
        movement = data.get("movement")
        return {"movement": "" if movement is None else "yes" if movement else "no"}


class LumpSumForm(RowForm):
    keys = ("paid", "amount", "percent", "hired_before", "min_fte", "prorate_fte", "label")
    paid = forms.DateField(label="Paid on", required=False, widget=DATE)
    amount = _number("Amount ($)", widget=MONEY_INPUT)
    percent = _number("…or percent of a year's pay")
    hired_before = forms.DateField(label="To those hired before", required=False, widget=DATE)
    min_fte = _number("Only at this FTE or more", help_text="0.5 for half time.")
    prorate_fte = forms.BooleanField(label="Prorated by FTE", required=False)
    label = forms.CharField(label="Label", required=False, max_length=80)


class DifferentialForm(RowForm):
    keys = ("name", "share_of_hours", "cents", "percent")
    name = forms.CharField(label="Name", required=False, max_length=80, help_text="night, lead…")
    share_of_hours = _number("Share of hours (%)", min_value=0, max_value=100)
    cents = _number("Cents an hour")
    percent = _number("…or percent")


class SharingForm(RowForm):
    keys = ("pools", "formula", "minimum")
    pools = NumberListField(
        label="Pools, one per contract year ($)",
        required=False,
        help_text="Separated by commas: 0, 200000, 250000.",
    )
    formula = forms.ChoiceField(
        label="Shared",
        required=False,
        choices=[("", "In equal shares"), ("hours", "By hours worked"), ("pay", "By pay")],
    )
    minimum = _number("Profit-sharing minimum ($ to each worker)", widget=MONEY_INPUT)


class HealthForm(RowForm):
    keys = ("monthly_premium", "employer_share", "enrolled", "premium_growth")
    monthly_premium = _number("Monthly premium ($)", widget=MONEY_INPUT)
    employer_share = _number("Employer's share (%)", min_value=0, max_value=100)
    enrolled = _number("Share enrolled (%)", min_value=0, max_value=100, help_text="100 if empty.")
    premium_growth = _number("Premium growth a year (%)", min_value=-50, max_value=100)


RaiseFormSet = formset_factory(RaiseForm, extra=1, can_delete=True)
ScaleFormSet = formset_factory(ScaleForm, extra=1, can_delete=True)
LumpSumFormSet = formset_factory(LumpSumForm, extra=1, can_delete=True)
DifferentialFormSet = formset_factory(DifferentialForm, extra=1, can_delete=True)


class ModeForm(forms.Form):
    terms_mode = forms.ChoiceField(
        label="Enter the terms",
        required=False,
        widget=forms.RadioSelect,
        choices=[("form", "with the form"), ("json", "as JSON")],
    )
    economic_terms = forms.CharField(
        label="Economic terms as JSON",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false", "class": "json"}),
        help_text="The costing engine's terms (docs/costing.md), for scripts and for what the "
        "form has no place for.",
    )


class TermsEditor:
    """The editor, bound to a POST or showing stored ``terms``; ``result`` after ``is_valid``."""

    def __init__(self, data: Any = None, *, terms: Any = None) -> None:
        self.is_bound = data is not None
        stored = terms if isinstance(terms, dict) else {}
        self.hidden = hidden_rows(stored)
        if self.is_bound:
            mode = data.get("terms_mode") or "json"
        else:
            mode = "json" if self.hidden else "form"
        self.mode = "json" if mode == "json" else "form"
        shown = json.dumps(terms, indent=2) if terms else ""
        self.choice = ModeForm(data, initial={"terms_mode": self.mode, "economic_terms": shown})
        rows = data if self.is_bound and self.mode == "form" else None
        steps = stored.get("steps") or {}

        def one(cls: type[RowForm], name: str, section: dict[str, Any]) -> Any:
            return cls(rows, prefix=f"terms-{name}", initial=cls.initial_from(section))

        def many(cls: Any, name: str, items: Iterable[dict[str, Any]]) -> Any:
            row = cls.form
            return cls(rows, prefix=f"terms-{name}", initial=[row.initial_from(i) for i in items])

        self.term = one(TermForm, "term", stored.get("term") or {})
        self.raises = many(RaiseFormSet, "raises", stored.get("raises") or [])
        self.steps = one(StepsForm, "steps", steps)
        self.scales = many(ScaleFormSet, "scales", steps.get("scales") or [])
        self.lump_sums = many(LumpSumFormSet, "lump_sums", stored.get("lump_sums") or [])
        self.differentials = many(
            DifferentialFormSet, "differentials", stored.get("differentials") or []
        )
        self.profit_sharing = one(SharingForm, "profit_sharing", stored.get("profit_sharing") or {})
        self.health = one(HealthForm, "health", stored.get("health") or {})
        self.errors: list[str] = []
        self.result: dict[str, Any] | None = None
        self.json_text = shown
        self._rows: dict[str, list[forms.Form]] = {}

    # --- what the template shows -------------------------------------------------------------
    @property
    def kept_sections(self) -> list[str]:
        """The sections of the JSON box the form leaves as they are."""
        data = _loads(self.json_text)
        if not isinstance(data, dict):
            return []
        return [key.replace("_", " ") for key in data if key not in EDITED and key != "name"]

    @property
    def has_terms(self) -> bool:
        return bool(self.json_text.strip() not in ("", "null", "{}") or self.errors)

    @property
    def has_errors(self) -> bool:
        return bool(self.errors or self.choice.errors) or any(
            (f.errors or getattr(f, "non_form_errors", lambda: [])()) for f in self._forms()
        )

    def _forms(self) -> list[Any]:
        return [
            self.term,
            self.raises,
            self.steps,
            self.scales,
            self.lump_sums,
            self.differentials,
            self.profit_sharing,
            self.health,
        ]

    # --- validation --------------------------------------------------------------------------
    def is_valid(self) -> bool:
        if not self.is_bound or not self.choice.is_valid():
            return False
        text = self.choice.cleaned_data["economic_terms"]
        self.json_text = text
        boxed = _loads(text)
        if isinstance(boxed, ValueError):
            self._json_error(f"This is not valid JSON: {boxed}.")
            return False
        if boxed is not None and not isinstance(boxed, dict):
            self._json_error("Economic terms must be a JSON object (see docs/costing.md).")
            return False
        if self.mode == "json":
            return self._check_json(boxed)
        return self._check_form(boxed or {})

    def _json_error(self, message: str) -> None:
        self.choice.add_error("economic_terms", message)

    def _check_json(self, data: dict[str, Any] | None) -> bool:
        errors = economic_terms_errors(data)
        for message in errors:
            self._json_error(message)
        self.result = data or None
        return not errors

    def _check_form(self, boxed: dict[str, Any]) -> bool:
        if not all(f.is_valid() for f in self._forms()):
            return False
        built = {key: value for key, value in boxed.items() if key not in EDITED}
        built.update(self._built())
        self.json_text = json.dumps(built, indent=2) if built else ""
        errors = economic_terms_errors(built or None)
        for message in errors:
            self._place(message)
        self.result = built or None
        return not errors

    def _rows_of(self, name: str, formset: BaseFormSet) -> list[dict[str, Any]]:
        """The rows filled in (stored rows stay unless removed or emptied), in order; which
        form each came from is kept to place the engine's messages."""
        kept: list[forms.Form] = []
        rows: list[dict[str, Any]] = []
        for i, form in enumerate(formset.forms):
            if form.cleaned_data.get("DELETE"):
                continue
            if i >= formset.initial_form_count() and not form.has_changed():
                continue
            if row := form.json_from(form.cleaned_data):
                kept.append(form)
                rows.append(row)
        self._rows[name] = kept
        return rows

    def _built(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in ("term", "profit_sharing", "health"):
            form = getattr(self, name)
            if section := form.json_from(form.cleaned_data):
                out[name] = section
        for name in ("raises", "lump_sums", "differentials"):
            if rows := self._rows_of(name, getattr(self, name)):
                out[name] = rows
        steps = self.steps.json_from(self.steps.cleaned_data)
        if scales := self._rows_of("scales", self.scales):
            steps["scales"] = scales
        if steps:
            out["steps"] = steps
        return {key: out[key] for key in EDITED if key in out}

    def _place(self, message: str) -> None:
        """Show the engine's message at the form field it names, else above the editor."""
        match = ERROR_PATH.match(message)
        text = message[match.end() :] if match else message
        target = self._target(match) if match else None
        if target is None:
            self.errors.append(message)
            return
        form, field = target
        form.add_error(field if field in form.fields else None, text[0].upper() + text[1:])

    def _target(self, match: re.Match[str]) -> tuple[forms.Form, str] | None:
        section, index, rest = match["section"], match["index"], match["rest"] or ""
        field = re.split(r"[.\[]", rest)[0]
        if section == "steps" and field == "scales":
            inner = re.match(r"scales\[(\d+)\]\.?([a-z_]*)", rest)
            rows = self._rows.get("scales", [])
            if inner and int(inner[1]) < len(rows):
                return rows[int(inner[1])], inner[2]
            return None
        if section in ("raises", "lump_sums", "differentials"):
            rows = self._rows.get(section, [])
            if index is None or int(index) >= len(rows):
                return None
            return rows[int(index)], field
        if section in ("term", "steps", "profit_sharing", "health"):
            return getattr(self, section), field
        return None


def _loads(text: str) -> Any:
    if not text.strip():
        return None
    try:
        return json.loads(text)
    except ValueError as error:
        return ValueError(str(error))


# What each list section's rows may hold for the form to show them whole.
ROW_KEYS: dict[str, Callable[[], tuple[str, ...]]] = {
    "raises": lambda: RaiseForm.keys,
    "lump_sums": lambda: LumpSumForm.keys,
    "differentials": lambda: DifferentialForm.keys,
}


def hidden_rows(terms: dict[str, Any]) -> list[str]:
    """The fields of ``terms`` the form's sections cannot show (``raises[0].where``); the
    editor opens on the JSON when there are any, so nothing is lost by saving the form."""
    hidden = []
    for section, keys in ROW_KEYS.items():
        for i, row in enumerate(terms.get(section) or []):
            extra = sorted(set(row) - set(keys())) if isinstance(row, dict) else ["(not a table)"]
            hidden += [f"{section}[{i}].{key}" for key in extra]
    singles = {"term": TermForm, "profit_sharing": SharingForm, "health": HealthForm}
    for section, form in singles.items():
        value = terms.get(section)
        if isinstance(value, dict):
            hidden += [f"{section}.{key}" for key in sorted(set(value) - set(form.keys))]
    steps = terms.get("steps")
    if isinstance(steps, dict):
        hidden += [f"steps.{key}" for key in sorted(set(steps) - {"movement", "scales"})]
        for i, row in enumerate(steps.get("scales") or []):
            if isinstance(row, dict):
                hidden += [f"steps.scales[{i}].{k}" for k in sorted(set(row) - set(ScaleForm.keys))]
    if terms and not hidden:
        try:
            parse_terms(terms)
        except TermsError:
            hidden.append("(terms the engine refuses)")
    return hidden
