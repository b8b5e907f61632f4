"""The form staff write an update in: text, audience and what it cites.

The form only offers what the writer may choose: unions they hold ``updates.publish`` for,
the whole coalition only to coalition-wide writers, and published proposals only.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.utils.text import slugify

from caucus.accounts.permissions import is_coalition_wide, unions_with
from caucus.sheets.models import Sheet
from caucus.table.models import Negotiation, Proposal, Session
from caucus.updates.audience import may_address
from caucus.updates.models import Update

AUDIENCE_WHOLE = "coalition"
AUDIENCE_UNIONS = "unions"


class ProposalChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        article = f"Art. {obj.article.number} · " if obj.article_id else ""
        return f"{obj.passed_on:%b %-d, %Y} · {article}{obj}"


class SessionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        place = f" · {obj.place}" if obj.place else ""
        return f"{obj.negotiation.name}: {obj.date:%b %-d, %Y}{place}"


class UpdateForm(forms.ModelForm):
    audience = forms.ChoiceField(
        label="Who is this update for?",
        widget=forms.RadioSelect,
        choices=[
            (AUDIENCE_WHOLE, "The whole coalition (public: anyone can read it)"),
            (AUDIENCE_UNIONS, "Members of some unions only (they sign in to read it)"),
        ],
    )
    cites_proposals = ProposalChoiceField(
        queryset=Proposal.objects.none(),
        required=False,
        label="Proposals this update reports on",
        help_text="Only proposals published on the member site can be cited.",
        widget=forms.CheckboxSelectMultiple,
    )
    cites_sessions = SessionChoiceField(
        queryset=Session.objects.none(),
        required=False,
        label="Sessions this update reports on",
        widget=forms.CheckboxSelectMultiple,
    )

    sheets = forms.ModelMultipleChoiceField(
        queryset=Sheet.objects.none(),
        required=False,
        label="Comparison sheets to link",
        help_text="Published sheets of this negotiation: the update's page links to them.",
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Update
        fields = [
            "negotiation",
            "title",
            "slug",
            "summary",
            "body",
            "language",
            "audience",
            "unions",
            "cites_proposals",
            "cites_sessions",
        ]
        widgets = {"unions": forms.CheckboxSelectMultiple}
        labels = {"unions": "Which unions", "slug": "Web address (leave empty to make one)"}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["slug"].required = False
        self.fields["unions"].queryset = unions_with(user, "updates.publish")
        self.fields["unions"].help_text = "Only unions you write updates for are listed."
        if not is_coalition_wide(user, "updates.publish"):
            # Offered choices match what the writer may do; clean() enforces it again.
            self.fields["audience"].choices = [
                c for c in self.fields["audience"].choices if c[0] != AUDIENCE_WHOLE
            ]
        self.fields["cites_proposals"].queryset = (
            Proposal.objects.filter(is_published=True)
            .select_related("article", "negotiation")
            .order_by("-passed_on", "-id")
        )
        self.fields["cites_sessions"].queryset = Session.objects.select_related(
            "negotiation"
        ).order_by("-date")
        self.fields["negotiation"].queryset = Negotiation.objects.all()
        # Published sheets, and any already linked (a draft the team attached stays linked).
        linked = self.instance.sheets.all() if self.instance.pk else Sheet.objects.none()
        self.fields["sheets"].queryset = Sheet.objects.filter(  # type: ignore[attr-defined]
            models.Q(status=Sheet.Status.PUBLISHED) | models.Q(pk__in=linked.values("pk"))
        ).order_by("-created_at")
        if self.instance.pk:
            self.fields["sheets"].initial = list(linked)
        if self.instance.pk:
            self.fields["audience"].initial = (
                AUDIENCE_WHOLE if self.instance.to_whole_coalition else AUDIENCE_UNIONS
            )
        else:
            self.fields["audience"].initial = AUDIENCE_UNIONS
            first = Negotiation.objects.filter(is_public=True).first()
            if first is not None:
                self.fields["negotiation"].initial = first.pk

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        negotiation = data.get("negotiation")
        whole = data.get("audience") == AUDIENCE_WHOLE
        unions = list(data.get("unions") or [])
        if whole:
            data["unions"] = []
            unions = []
        elif "audience" in data and not unions:
            self.add_error("unions", "Choose at least one union, or address the whole coalition.")
        if (
            "audience" in data
            and (whole or unions)
            and not may_address(
                self.user, to_whole_coalition=whole, union_ids=[u.pk for u in unions]
            )
        ):
            self.add_error(
                "audience",
                "You can only address updates to the unions you write for.",
            )
        if negotiation is not None:
            wrong = [
                p for p in data.get("cites_proposals") or [] if p.negotiation_id != negotiation.pk
            ]
            if wrong:
                self.add_error("cites_proposals", "Cite proposals from this negotiation only.")
            wrong_s = [
                s for s in data.get("cites_sessions") or [] if s.negotiation_id != negotiation.pk
            ]
            if wrong_s:
                self.add_error("cites_sessions", "Cite sessions from this negotiation only.")
            if any(sheet.negotiation_id != negotiation.pk for sheet in data.get("sheets") or []):
                self.add_error("sheets", "Link sheets of this negotiation only.")
            slug = data.get("slug") or slugify(data.get("title") or "")[:200] or "update"
            data["slug"] = self._free_slug(negotiation, slug)
        return data

    def _free_slug(self, negotiation: Negotiation, slug: str) -> str:
        taken = set(
            Update.objects.filter(negotiation=negotiation, slug__startswith=slug)
            .exclude(pk=self.instance.pk)
            .values_list("slug", flat=True)
        )
        candidate, n = slug, 2
        while candidate in taken:
            candidate, n = f"{slug}-{n}", n + 1
        return candidate

    def save(self, commit: bool = True) -> Update:
        self.instance.to_whole_coalition = self.cleaned_data["audience"] == AUDIENCE_WHOLE
        self.instance.slug = self.cleaned_data["slug"]
        update: Update = super().save(commit=commit)
        if commit:
            update.sheets.set(self.cleaned_data["sheets"])
        else:
            save_m2m = self.save_m2m

            def save_m2m_and_sheets() -> None:
                save_m2m()
                update.sheets.set(self.cleaned_data["sheets"])

            self.save_m2m = save_m2m_and_sheets  # type: ignore[method-assign]
        return update
