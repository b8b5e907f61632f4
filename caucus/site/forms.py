"""The form a member uses to report an employer message sent to them directly.

Attachments are limited by size and type; the type is checked both by the file's name and by
its first bytes, so a renamed program is refused with the same plain message.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from caucus.lib.uploads import ALLOWED_TYPES, attachment_help, check_attachment
from caucus.orgs.models import Worksite
from caucus.table.models import DirectDealingReport, Negotiation


def worksite_choices(worksites: Any) -> list[tuple[Any, Any]]:
    """The employer's worksites grouped by region, each named with its city."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for site in worksites.order_by("region__name", "name"):
        city = f" ({site.city})" if site.city and site.city not in site.name else ""
        groups.setdefault(site.region.name, []).append((site.pk, f"{site.name}{city}"))
    return [("", gettext("I'd rather not say")), *groups.items()]


class DirectDealingReportForm(forms.ModelForm):
    class Meta:
        model = DirectDealingReport
        fields = [
            "text",
            "attachment",
            "received_on",
            "channel",
            "subject",
            "sender",
            "worksite",
            "reporter_name",
            "reporter_contact",
        ]
        labels = {
            "text": gettext_lazy("What did the message say?"),
            "attachment": gettext_lazy("Attach the message (optional)"),
            "received_on": gettext_lazy("When did you get it?"),
            "channel": gettext_lazy("How did you get it?"),
            "subject": gettext_lazy("Subject or title (optional)"),
            "sender": gettext_lazy("Who sent it for the employer? (optional)"),
            "worksite": gettext_lazy("Where do you work? (optional)"),
            "reporter_name": gettext_lazy("Your name (optional)"),
            "reporter_contact": gettext_lazy("Your phone or personal e-mail (optional)"),
        }
        help_texts = {
            "text": gettext_lazy("Copy the text, or describe what was said or shown."),
            "sender": gettext_lazy("A name, a job title or “HR”."),
            "worksite": gettext_lazy(
                "Your store or worksite, so we know where the message went. "
                "It does not say who you are."
            ),
            "reporter_contact": gettext_lazy("So the union can follow up. Not your work e-mail."),
        }
        widgets = {"received_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, negotiation: Negotiation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        worksites = Worksite.objects.filter(employer_id=negotiation.employer_id).select_related(
            "region"
        )
        field = self.fields["worksite"]
        field.queryset = worksites  # type: ignore[attr-defined]
        field.choices = worksite_choices(worksites)  # type: ignore[attr-defined]
        self.fields["received_on"].initial = timezone.localdate()
        self.fields["received_on"].widget.attrs["max"] = timezone.localdate().isoformat()
        self.fields["attachment"].widget.attrs["accept"] = ",".join(ALLOWED_TYPES)
        self.fields["attachment"].help_text = attachment_help()

    def clean_received_on(self) -> Any:
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise forms.ValidationError(
                gettext("That date is in the future. When did the message arrive?")
            )
        return received_on

    def clean_attachment(self) -> Any:
        upload = self.cleaned_data.get("attachment")
        if upload:
            check_attachment(upload)
        return upload
