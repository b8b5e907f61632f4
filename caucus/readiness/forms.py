"""Forms of the readiness pages. Each parses a request; the rules live in ``actions``."""

from __future__ import annotations

from typing import Any

from django import forms

from caucus.orgs.models import BargainingUnit, Worksite
from caucus.readiness.actions import ReadinessError
from caucus.readiness.models import Level, Shift

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
