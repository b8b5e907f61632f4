"""The correspondence log's forms: a letter, e-mail or other message with its document and what
it concerns (choices limited to the negotiation at hand), and the list's filter."""

from __future__ import annotations

from typing import Any

from django import forms

from caucus.lib.uploads import DocumentField
from caucus.table.models import Correspondence, Negotiation

DATE = forms.DateInput(attrs={"type": "date"})
TIME = forms.TimeInput(attrs={"type": "time"})
CONCERNS = ("proposals", "requests", "charges")


class LetterForm(forms.ModelForm):
    document = DocumentField(label="The document (optional)", required=False)

    class Meta:
        model = Correspondence
        fields = [
            "sent_on",
            "sent_at",
            "direction",
            "sender",
            "recipient",
            "channel",
            "subject",
            "summary",
            "document",
            "proposals",
            "requests",
            "charges",
            "is_published",
        ]
        widgets = {
            "sent_on": DATE,
            "sent_at": TIME,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "proposals": forms.CheckboxSelectMultiple,
            "requests": forms.CheckboxSelectMultiple,
            "charges": forms.CheckboxSelectMultiple,
        }
        labels = {
            "direction": "Sent by",
            "proposals": "The proposals it concerns",
            "requests": "The information requests it concerns",
            "charges": "The charges it concerns",
            "is_published": "Published (members may be shown it)",
        }
        help_texts = {
            "sender": "A person and their role: “J. Rivera, coalition chief negotiator”.",
            "recipient": "“Harborline labor relations”, “the coalition bargaining team”.",
            "summary": "What it says or asks, in a few lines.",
        }

    def __init__(self, *args: Any, negotiation: Negotiation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.negotiation = negotiation
        querysets = {
            "proposals": negotiation.proposals.select_related("article").order_by(
                "-passed_on", "-id"
            ),
            "requests": negotiation.information_requests.all(),
            "charges": negotiation.charges.all(),
        }
        for name, queryset in querysets.items():
            self.fields[name].queryset = queryset  # type: ignore[attr-defined]

    def letter_fields(self) -> dict[str, Any]:
        """What :func:`do_log_letter` / :func:`do_edit_letter` take."""
        data = dict(self.cleaned_data)
        for name in CONCERNS:
            data[name] = list(data[name])
        return data


class LetterFilterForm(forms.Form):
    direction = forms.ChoiceField(
        required=False, choices=[("", "Everyone's"), *Correspondence.Direction.choices]
    )
    q = forms.CharField(label="Subject, sender or text", required=False, max_length=200)
