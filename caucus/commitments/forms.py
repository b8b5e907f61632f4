"""Forms of the commitments pages. Each parses a request; the rules live in ``actions``."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django import forms
from django.utils.formats import date_format

from caucus.commitments.actions import CommitmentError
from caucus.commitments.models import Commitment, Report
from caucus.commitments.progress import period_ends
from caucus.lib.uploads import (
    DocumentField,
    UnpackedTooLarge,
    check_unpacked,
    check_upload_size,
    max_upload_bytes,
)
from caucus.members.roster_files import RosterFileError, is_spreadsheet, read_headers
from caucus.orgs.models import Region
from caucus.table.models import TentativeAgreement

TARGET_LINE = re.compile(r"^\s*(?P<region>[^:=]+?)\s*[:=]\s*(?P<target>[\d,]+(\.\d+)?)\s*$")


def add_commitment_error(form: forms.BaseForm, error: CommitmentError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CommitmentForm(forms.ModelForm[Commitment]):
    """A promise: what, how much, by when; and, when it is split by region, each region's part
    ("California: 3000", one region a line)."""

    region_targets = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        label="Targets by region (optional)",
        help_text="One region a line, its name or code and its part: “California: 3000”.",
    )

    class Meta:
        model = Commitment
        fields = [
            "tentative_agreement",
            "title",
            "measure",
            "unit",
            "kind",
            "baseline",
            "target",
            "starts_on",
            "due_on",
            "period",
            "sharing_formula",
            "grace_days",
            "member_summary",
        ]
        labels = {
            "tentative_agreement": "From the tentative agreement",
            "target": "Target",
            "starts_on": "Counted from",
            "due_on": "Due on",
            "period": "Reported",
            "member_summary": "In plain words, for members",
        }
        widgets = {"starts_on": _date_widget(), "due_on": _date_widget()}

    def __init__(self, *args: Any, negotiation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.regions = list(Region.objects.filter(employer=negotiation.employer))
        tas = TentativeAgreement.objects.filter(negotiation=negotiation).select_related("article")
        self.fields["tentative_agreement"].queryset = tas  # type: ignore[attr-defined]
        if self.instance.pk:
            self.initial["region_targets"] = "\n".join(
                f"{t.region.name}: {t.target.normalize():f}"
                for t in self.instance.region_targets.select_related("region")
            )

    def clean_region_targets(self) -> list[tuple[Region, Decimal, Decimal]]:
        by_name = {r.name.lower(): r for r in self.regions} | {
            r.code.lower(): r for r in self.regions
        }
        out = []
        for number, line in enumerate(
            (self.cleaned_data.get("region_targets") or "").splitlines(), 1
        ):
            if not line.strip():
                continue
            match = TARGET_LINE.match(line)
            region = by_name.get(match["region"].strip().lower()) if match else None
            if match is None or region is None:
                raise forms.ValidationError(
                    f"Line {number}: “{line.strip()}” is not “Region: target” for one of the employer's regions."
                )
            try:
                target = Decimal(match["target"].replace(",", ""))
            except InvalidOperation:
                raise forms.ValidationError(f"Line {number}: the target is not a number.") from None
            out.append((region, target, Decimal(0)))
        return out


class ReportForm(forms.Form):
    """One figure, for a period and a region, with the document it came in."""

    source = forms.ChoiceField(choices=Report.Source.choices, initial=Report.Source.EMPLOYER)
    region = forms.ModelChoiceField(
        queryset=Region.objects.none(), required=False, empty_label="Every region"
    )
    period_end = forms.TypedChoiceField(label="Period", coerce=date.fromisoformat)
    value = forms.DecimalField(max_digits=14, decimal_places=2, min_value=0, label="Figure")
    note = forms.CharField(required=False, max_length=300)
    document = DocumentField(required=False, label="Source document (optional)")
    document_title = forms.CharField(required=False, max_length=200, label="Document title")

    def __init__(self, *args: Any, commitment: Commitment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        regions = Region.objects.filter(employer=commitment.negotiation.employer)
        self.fields["region"].queryset = regions  # type: ignore[attr-defined]
        ends = period_ends(commitment.period, commitment.starts_on, commitment.due_on)
        periods = [(e.isoformat(), _period_label(e, commitment.period)) for e in ends]
        self.fields["period_end"].choices = periods  # type: ignore[attr-defined]
        if commitment.is_profit_sharing:
            self.fields["value"].label = "The year's pool (dollars)"


def _period_label(end: date, period: str) -> str:
    if period == Commitment.Period.QUARTER:
        return f"{end.year} Q{(end.month - 1) // 3 + 1} (to {date_format(end, 'MONTH_DAY_FORMAT')})"
    if period == Commitment.Period.YEAR:
        return f"{end.year}"
    return date_format(end, "YEAR_MONTH_FORMAT")


ACCEPTED_SUFFIXES = (".csv", ".xlsx", ".xlsm")


class ReportImportForm(forms.Form):
    """The employer's report file (CSV or Excel). Checked before it is read: its type, size and
    what it would unpack to."""

    source = forms.ChoiceField(choices=Report.Source.choices, initial=Report.Source.EMPLOYER)
    file = forms.FileField(label="Report file")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ",".join(ACCEPTED_SUFFIXES)
        self.fields["file"].help_text = (
            "CSV (UTF-8) or Excel (.xlsx), column names on the first row: the period (a date, "
            "“2024-Q3” or a year), the figure, and the region if it gives one. Up to "
            f"{max_upload_bytes() // (1024 * 1024)} MB. The file is kept as the figures' source."
        )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in ACCEPTED_SUFFIXES:
            raise forms.ValidationError("Choose a CSV or Excel (.xlsx) file.")
        check_upload_size(upload)
        try:
            if is_spreadsheet(upload.name):
                check_unpacked(upload.file, name=upload.name, inflate=True)
            read_headers(upload.file, name=upload.name)
        except (UnpackedTooLarge, RosterFileError) as error:
            raise forms.ValidationError(str(error)) from error
        return upload
