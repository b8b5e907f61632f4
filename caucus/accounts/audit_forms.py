"""The audit page's filters: what was done, by whom, to what kind of record, and when."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django import forms
from django.utils import timezone

from caucus.audit.models import AuditEventQuerySet


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label="What was done", required=False)
    actor = forms.CharField(
        label="Who", required=False, max_length=200, help_text='A user name, or "system"'
    )
    object_type = forms.ChoiceField(label="Kind of record", required=False)
    since = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, events: AuditEventQuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", "Any"), *_choices(events, "action")]  # type: ignore[attr-defined]
        self.fields["object_type"].choices = [("", "Any"), *_choices(events, "object_type")]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError("The first day comes after the last.")
        return data

    def apply(self, events: AuditEventQuerySet) -> AuditEventQuerySet:
        """The events matching the filters (an invalid filter narrows to nothing)."""
        if not self.is_bound:
            return events
        if not self.is_valid():
            return events.none()
        data = self.cleaned_data
        for name in ("action", "object_type"):
            if data.get(name):
                events = events.filter(**{name: data[name]})
        if data.get("actor"):
            events = events.filter(actor_label__iexact=data["actor"].strip())
        # Whole days in the site's time zone, as bounds on the indexed time (not at__date).
        if data.get("since"):
            events = events.filter(at__gte=_start_of(data["since"]))
        if data.get("until"):
            events = events.filter(at__lt=_start_of(data["until"] + timedelta(days=1)))
        return events

    def used(self) -> dict[str, str]:
        """The filters in force, for the export's own audit row."""
        if not (self.is_bound and self.is_valid()):
            return {}
        return {name: str(value) for name, value in self.cleaned_data.items() if value}


def _choices(events: AuditEventQuerySet, field: str) -> list[tuple[str, str]]:
    values = events.exclude(**{field: ""}).order_by(field).values_list(field, flat=True).distinct()
    return [(value, value) for value in values]


def _start_of(day: Any) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))
