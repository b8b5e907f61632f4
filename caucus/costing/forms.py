"""Forms of the costing pages: a new run (roster and proposals), publishing, and the member
page's "enter your details"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy

from caucus.accounts.permissions import is_coalition_wide, unions_with
from caucus.costing.inputs import proposal_label, terms_problems
from caucus.lib.uploads import (
    UnpackedTooLarge,
    check_unpacked,
    check_upload_size,
    max_upload_bytes,
)
from caucus.orgs.models import Union
from caucus.table.models import Negotiation, Proposal

ACCEPTED_SUFFIXES = (".csv", ".xlsx")


def _model_choice(field: forms.Field) -> forms.ModelChoiceField[Any]:
    """A field known to choose rows, for its ``queryset``."""
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{field!r} chooses no rows")
    return field


def _choice(field: forms.Field) -> forms.ChoiceField:
    """A field known to offer choices, for its ``choices``."""
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{field!r} offers no choices")
    return field


class ProposalChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Proposal) -> str:
        status = "" if obj.is_on_the_table() else f" ({obj.get_status_display().lower()})"
        passed = date_format(obj.passed_on, "SHORT_DATE_FORMAT")
        return f"{proposal_label(obj)}{status}, passed {passed}"


class NewRunForm(forms.Form):
    source = forms.ChoiceField(
        label="Roster",
        choices=[
            ("members", "Members on the roster"),
            ("file", "A roster file I upload"),
        ],
        widget=forms.RadioSelect,
        initial="members",
    )
    union: forms.ModelChoiceField[Union] = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Members of",
        empty_label="Every union in the coalition",
    )
    file = forms.FileField(
        required=False,
        label="Roster file",
        help_text=(
            "CSV or Excel (.xlsx) with a header row: classification, rate, hire_date, fte or "
            "hours; optionally id, step, region, unit, local."
        ),
    )
    proposals = ProposalChoice(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label="Proposals to cost",
        help_text="Only proposals with economic terms the costing can read are listed.",
    )
    name = forms.CharField(
        required=False, max_length=200, help_text="Leave empty to name it after the proposals."
    )
    status_quo_terms = forms.JSONField(
        required=False,
        label="Status quo terms (JSON, optional)",
        help_text=(
            "The current contract's scales and other terms in the costing format. Empty: the "
            "wage scale is read off the roster (the usual rate at each step)."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, user: Any, negotiation: Negotiation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unions = unions_with(user, "costing.run").filter(coalition=negotiation.coalition_id)
        _model_choice(self.fields["union"]).queryset = unions
        if not is_coalition_wide(user, "costing.run"):
            self.fields["union"].required = True
        self.fields["file"].widget.attrs["accept"] = ",".join(ACCEPTED_SUFFIXES)
        self.fields["file"].help_text += f" Up to {max_upload_bytes() // (1024 * 1024)} MB."
        candidates = list(
            Proposal.objects.filter(negotiation=negotiation, economic_terms__isnull=False)
            .select_related("article")
            .order_by("-passed_on", "-id")
        )
        problems = [(p, terms_problems(p)) for p in candidates]
        costable = [p for p, found in problems if not found]
        self.refused = [(p, found) for p, found in problems if found]
        _model_choice(self.fields["proposals"]).queryset = Proposal.objects.filter(
            pk__in=[p.pk for p in costable]
        ).order_by("-passed_on", "-id")

    def clean_file(self) -> Any:
        """The roster file, refused before anything reads it when it is larger than
        ``CAUCUS_MAX_UPLOAD_MB`` or (an XLSX) would unpack past ``CAUCUS_MAX_UNPACKED_MB``."""
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if Path(upload.name).suffix.lower() not in ACCEPTED_SUFFIXES:
            raise forms.ValidationError("Choose a CSV or Excel (.xlsx) file.")
        check_upload_size(upload)
        if Path(upload.name).suffix.lower() == ".xlsx":
            try:
                check_unpacked(upload.file, name=upload.name, inflate=True)
            except UnpackedTooLarge as error:
                raise forms.ValidationError(str(error)) from error
        return upload

    def clean_status_quo_terms(self) -> Any:
        value = self.cleaned_data.get("status_quo_terms")
        if value in (None, ""):
            return {}
        if not isinstance(value, dict):
            raise forms.ValidationError("The status quo terms must be a JSON object.")
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("source") == "file" and not data.get("file") and not self.has_error("file"):
            self.add_error("file", "Choose the roster file to upload.")
        return data

    def chosen(self) -> list[Proposal]:
        """The proposals picked, the union's first, then the employer's, then by date."""
        picked = self.cleaned_data["proposals"]
        return sorted(
            picked, key=lambda p: (p.side != "union", p.side != "employer", p.passed_on, p.pk)
        )

    def run_name(self) -> str:
        if self.cleaned_data.get("name"):
            return str(self.cleaned_data["name"])
        return " vs ".join(proposal_label(p) for p in self.chosen())[:200]


class PublishForm(forms.Form):
    member_intro = forms.CharField(
        required=False,
        label="A word to members (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown above each member's figures.",
    )


class WorkerForm(forms.Form):
    """What a member enters to see their own figures: no name, nothing stored."""

    classification = forms.ChoiceField(label=gettext_lazy("Your job (classification)"))
    step = forms.IntegerField(
        label=gettext_lazy("Your step on the wage scale"), min_value=1, initial=1
    )
    region = forms.ChoiceField(label=gettext_lazy("Your region"))
    local = forms.ChoiceField(label=gettext_lazy("Your local"), required=False)
    hours = forms.DecimalField(
        label=gettext_lazy("Hours you are paid in a usual week"),
        min_value=1,
        max_value=80,
        decimal_places=1,
        initial=40,
    )

    def __init__(
        self,
        *args: Any,
        scales: dict[str, list[float]],
        regions: list[str],
        locals_: list[str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.scales = scales
        _choice(self.fields["classification"]).choices = [("", gettext("Choose…"))] + [
            (c, c) for c in scales
        ]
        _choice(self.fields["region"]).choices = [("", gettext("Choose…"))] + [
            (r, r) for r in regions if r
        ]
        _choice(self.fields["local"]).choices = [("", gettext("Not sure / not listed"))] + [
            (n, n) for n in locals_ if n
        ]
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "input")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        rates = self.scales.get(str(data.get("classification") or ""))
        step = data.get("step")
        if rates and step and step > len(rates):
            message = gettext("The scale for this job has %(count)s steps.")
            self.add_error("step", message % {"count": len(rates)})
        return data
