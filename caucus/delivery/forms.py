"""Delivery's forms: the send (channels, audience, schedule, text), a member's preferences,
lifting a suppression. They offer only what the person may choose; the actions check again."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from caucus.accounts.permissions import is_coalition_wide, unions_with
from caucus.delivery.actions import MAX_TEXT
from caucus.orgs.models import BargainingUnit, Union, Worksite

AUDIENCE_WHOLE = "coalition"
AUDIENCE_SOME = "some"


class SendForm(forms.Form):
    by_email = forms.BooleanField(required=False, initial=True, label="E-mail")
    by_text = forms.BooleanField(required=False, label="Text message")
    audience = forms.ChoiceField(
        label="Who gets it?",
        widget=forms.RadioSelect,
        choices=[
            (AUDIENCE_WHOLE, "Every member of the coalition the update is for"),
            (AUDIENCE_SOME, "Some unions, units or worksites"),
        ],
    )
    unions = forms.ModelMultipleChoiceField(
        queryset=Union.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Unions",
    )
    units = forms.ModelMultipleChoiceField(
        queryset=BargainingUnit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Units",
    )
    worksites = forms.ModelMultipleChoiceField(
        queryset=Worksite.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        label="Worksites",
        help_text="Each kind you choose narrows the audience: a union and a worksite means "
        "that union's members at that worksite.",
    )
    text_body = forms.CharField(
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="The text message",
        help_text="Short. Empty: the update's summary. The link and “Reply STOP to opt out.” "
        "are added.",
    )
    attach_sheet = forms.BooleanField(
        required=False,
        initial=True,
        label="Attach the comparison sheet's PDF (when small enough; otherwise it is linked)",
    )
    when = forms.ChoiceField(
        label="When",
        widget=forms.RadioSelect,
        choices=[("now", "Now"), ("later", "At a time I choose")],
        initial="now",
    )
    scheduled_for = forms.DateTimeField(
        required=False,
        label=f"Date and time ({settings.TIME_ZONE})",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    embargo = forms.BooleanField(
        required=False,
        label="Keep the web page unpublished until the send starts (embargo)",
    )

    def __init__(self, *args: Any, user: Any, update: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unions = unions_with(user, "delivery.send").filter(
            coalition=update.negotiation.coalition_id
        )
        if not update.to_whole_coalition:
            unions = unions.filter(pk__in=update.unions.values("pk"))
        self.fields["unions"].queryset = unions  # type: ignore[attr-defined]
        self.fields["units"].queryset = BargainingUnit.objects.filter(  # type: ignore[attr-defined]
            union__in=unions
        ).select_related("union")
        self.fields["worksites"].queryset = Worksite.objects.filter(  # type: ignore[attr-defined]
            employer=update.negotiation.employer_id
        )
        whole = is_coalition_wide(user, "delivery.send")
        if not whole:
            self.fields["audience"].choices = [(AUDIENCE_SOME, "Members of your unions")]  # type: ignore[attr-defined]
        self.fields["audience"].initial = AUDIENCE_WHOLE if whole else AUDIENCE_SOME
        if update.is_published:
            del self.fields["embargo"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("when") == "later" and not data.get("scheduled_for"):
            self.add_error("scheduled_for", "Choose the date and time to send it.")
        return data

    def send_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        whole = data["audience"] == AUDIENCE_WHOLE
        return {
            "by_email": data["by_email"],
            "by_text": data["by_text"],
            "to_whole_coalition": whole,
            "unions": [] if whole else list(data["unions"]),
            "units": [] if whole else list(data["units"]),
            "worksites": [] if whole else list(data["worksites"]),
            "text_body": data["text_body"],
            "attach_sheet": data["attach_sheet"],
            "scheduled_for": data["scheduled_for"] if data["when"] == "later" else None,
            "embargo": data.get("embargo", False),
        }


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the updates you get"), required=False)
    by_email = forms.BooleanField(required=False, label=_("By e-mail"))
    by_text = forms.BooleanField(required=False, label=_("By text message"))
    coalition_updates = forms.BooleanField(required=False, label=_("News for the whole coalition"))
    local_updates = forms.BooleanField(required=False, label=_("News for my local only"))

    def __init__(self, *args: Any, member: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        roster_language = dict(settings.LANGUAGES).get(member.language, member.language)
        self.fields["language"].choices = [  # type: ignore[attr-defined]
            ("", _("As my union has it (%(language)s)") % {"language": roster_language}),
            *settings.LANGUAGES,
        ]


class LiftForm(forms.Form):
    reason = forms.CharField(
        label="Why lift it?",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example: the member gave a new address. It stays on the record.",
    )
