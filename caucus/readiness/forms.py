"""Forms of the readiness pages. Each parses a request; the rules live in ``actions``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms

from caucus.lib.uploads import (
    UnpackedTooLarge,
    check_unpacked,
    check_upload_size,
    max_upload_bytes,
)
from caucus.members.models import Member
from caucus.members.roster_files import RosterFileError, is_spreadsheet, read_headers
from caucus.orgs.models import BargainingUnit, Union, Worksite
from caucus.readiness.actions import ReadinessError
from caucus.readiness.importing import find_columns
from caucus.readiness.models import CampaignAction, Level, Shift, Threshold

DAYS_CHOICES = [(7, "7 days"), (14, "14 days"), (30, "30 days"), (60, "60 days"), (90, "90 days")]


def add_readiness_error(form: forms.BaseForm, error: ReadinessError) -> None:
    """Show a rule an action refused at the field it names (or above the form)."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


class FindForm(forms.Form):
    """The phone flow's first screen: the worksite the organizer is at, and a name to find."""

    worksite = forms.ModelChoiceField(
        queryset=Worksite.objects.none(), required=False, empty_label="Any worksite"
    )
    q = forms.CharField(
        label="Find a member",
        required=False,
        max_length=100,
        help_text="First or last name, or member ID",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, worksites: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worksite"].queryset = worksites  # type: ignore[attr-defined]


class AssessForm(forms.Form):
    """One tap: the level (the button pressed), with the shift and a note if there is time."""

    level = forms.TypedChoiceField(
        choices=Level.choices,
        coerce=int,
        error_messages={"required": "Tap a level from 1 to 5."},
    )
    shift = forms.ChoiceField(choices=Shift.choices, required=False)
    note = forms.CharField(
        required=False,
        max_length=500,
        label="Note (optional)",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text="What they care about; never shown to the member.",
    )


class LeaderForm(forms.Form):
    is_leader = forms.BooleanField(required=False, label="Designated worksite leader")


class WallChartForm(forms.Form):
    """The wall chart's filters: which group, and who has not been talked to lately."""

    worksite = forms.ModelChoiceField(
        queryset=Worksite.objects.none(), required=False, empty_label="Every worksite"
    )
    unit = forms.ModelChoiceField(
        queryset=BargainingUnit.objects.none(), required=False, empty_label="Every unit"
    )
    days = forms.TypedChoiceField(
        choices=[(0, "Everyone"), *DAYS_CHOICES],
        coerce=int,
        required=False,
        empty_value=None,
        label="Show",
        help_text="Only members not talked to in this many days",
    )

    def __init__(self, *args: Any, worksites: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worksite"].queryset = worksites  # type: ignore[attr-defined]
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["days"].choices = [  # type: ignore[attr-defined]
            (0, "Everyone"),
            *((n, f"Not talked to in {label}") for n, label in DAYS_CHOICES),
        ]


def _datetime_widget() -> forms.DateTimeInput:
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ActionForm(forms.ModelForm[CampaignAction]):
    """A campaign action: what, for whom, its window and its goal."""

    class Meta:
        model = CampaignAction
        fields = [
            "kind",
            "title",
            "text",
            "union",
            "opens_at",
            "closes_at",
            "goal_percent",
            "is_online",
        ]
        labels = {
            "union": "Local",
            "opens_at": "Opens",
            "closes_at": "Closes",
            "goal_percent": "Goal (percent of members)",
            "is_online": "Members may take part online",
            "text": "What members sign or commit to",
        }
        widgets = {"opens_at": _datetime_widget(), "closes_at": _datetime_widget()}

    def __init__(self, *args: Any, unions: Any, every_local: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["union"]
        field.queryset = unions  # type: ignore[attr-defined]
        field.required = not every_local
        field.empty_label = "Every local at the table" if every_local else None  # type: ignore[attr-defined]
        field.help_text = "" if every_local else "You run actions for your own local."


class CardForm(forms.Form):
    """A paper card: whose (member ID from the card), its number, and the day it was signed."""

    member_id = forms.CharField(label="Member ID on the card", max_length=40)
    union = forms.ModelChoiceField(
        queryset=Union.objects.none(), required=False, label="Local", empty_label="Any local"
    )
    card_number = forms.CharField(label="Card number (optional)", max_length=40, required=False)
    signed_on = forms.DateField(
        label="Signed on", widget=forms.DateInput(attrs={"type": "date"}), required=False
    )

    def __init__(self, *args: Any, members: Any, unions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members = members
        self.fields["union"].queryset = unions  # type: ignore[attr-defined]
        if unions.count() < 2:
            del self.fields["union"]
        self.member: Member | None = None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        member_id = (data.get("member_id") or "").strip()
        if not member_id:
            return data
        found = self.members.filter(member_id__iexact=member_id)
        if data.get("union"):
            found = found.filter(union=data["union"])
        matches = list(found.select_related("union")[:2])
        if not matches:
            self.add_error("member_id", f"No member {member_id} this action is for.")
        elif len(matches) > 1:
            self.add_error("union", f"Member ID {member_id} is in more than one local: choose it.")
        else:
            self.member = matches[0]
        return data


ACCEPTED_SUFFIXES = (".csv", ".xlsx", ".xlsm")


class ImportForm(forms.Form):
    """A sign-in sheet for one local. The file is checked here before anything is stored: its
    type, its size, what it would unpack to, and that its header names the needed columns."""

    union = forms.ModelChoiceField(queryset=Union.objects.none(), label="Local", empty_label=None)
    file = forms.FileField(label="Sign-in sheet")

    def __init__(self, *args: Any, unions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = unions  # type: ignore[attr-defined]
        self.fields["file"].widget.attrs["accept"] = ",".join(ACCEPTED_SUFFIXES)
        self.fields["file"].help_text = (
            "CSV (UTF-8) or Excel (.xlsx), column names on the first row: Member ID and Level "
            "(1–5); Date, Shift and Note if you have them. Up to "
            f"{max_upload_bytes() // (1024 * 1024)} MB."
        )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in ACCEPTED_SUFFIXES:
            raise forms.ValidationError("Choose a CSV or Excel (.xlsx) file.")
        check_upload_size(upload)
        try:
            if is_spreadsheet(upload.name):
                check_unpacked(upload.file, name=upload.name, inflate=True)
            headers = read_headers(upload.file, name=upload.name)
        except (UnpackedTooLarge, RosterFileError) as error:
            raise forms.ValidationError(str(error)) from error
        _, missing = find_columns(headers)
        if missing:
            raise forms.ValidationError(
                f"“{upload.name}” has {'; '.join(missing)}. Its columns: {', '.join(headers)}."
            )
        return upload


class ThresholdForm(forms.ModelForm[Threshold]):
    class Meta:
        model = Threshold
        fields = ["percent", "measure", "scope", "action"]
        labels = {
            "percent": "Share of members (percent)",
            "measure": "Who count",
            "scope": "Where",
            "action": "The pledge that counts",
        }

    def __init__(self, *args: Any, pledges: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = pledges  # type: ignore[attr-defined]
        self.fields["action"].empty_label = "The latest strike pledge"  # type: ignore[attr-defined]


class NoticeForm(forms.Form):
    """What a strike notice is drafted from: the units, the start (date and time), the end of a
    strike of set length, and the rule that applies."""

    units = forms.ModelMultipleChoiceField(
        queryset=BargainingUnit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Bargaining units that will strike",
    )
    starts_at = forms.DateTimeField(label="The strike begins", widget=_datetime_widget())
    ends_at = forms.DateTimeField(
        label="The strike ends (optional)", required=False, widget=_datetime_widget()
    )
    is_health_care = forms.BooleanField(
        required=False,
        initial=True,
        label="The employer is a health care institution (NLRA §8(g) applies)",
    )
    notice_days = forms.IntegerField(
        min_value=1,
        max_value=90,
        initial=10,
        label="Days of notice",
        help_text="At least 10 under §8(g).",
    )

    def __init__(self, *args: Any, negotiation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = negotiation.units.select_related("union").order_by("union__name", "name")
        self.fields["units"].queryset = units  # type: ignore[attr-defined]
        self.fields["units"].initial = list(units)


class NoticeTextForm(forms.Form):
    text = forms.CharField(
        label="The notice as it will be served", widget=forms.Textarea(attrs={"rows": 18})
    )


HOW_CHOICES = [
    ("hand", "By hand"),
    ("email", "By e-mail"),
    ("certified", "Certified mail"),
    ("courier", "Courier"),
]


class ServeForm(forms.Form):
    served_at = forms.DateTimeField(label="Served on the employer", widget=_datetime_widget())
    served_how = forms.ChoiceField(choices=HOW_CHOICES, label="How")
    fmcs_notified_at = forms.DateTimeField(label="Sent to the FMCS", widget=_datetime_widget())
    fmcs_how = forms.ChoiceField(choices=HOW_CHOICES, label="How", initial="email")
