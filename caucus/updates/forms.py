"""The form staff write an update in: text, audience and what it cites.

The form only offers what the writer may choose: unions they hold ``updates.publish`` for,
the whole coalition only to coalition-wide writers, and published proposals only.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms
from django.db import models
from django.forms.boundfield import BoundField, BoundWidget
from django.utils.formats import date_format
from django.utils.text import slugify

from caucus.accounts.permissions import is_coalition_wide, unions_with
from caucus.lib.uploads import DocumentField
from caucus.sheets.models import Sheet
from caucus.table.models import Correspondence, Negotiation, Proposal, Session
from caucus.updates.actions import UpdateError, check_update
from caucus.updates.models import Update, UpdateDocument, UpdateTranslation

# A list of boxes this long gets a filter box above it (and proposals are grouped by article).
FILTER_FROM = 8
CHOICE_LISTS = (
    "audience",
    "unions",
    "cites_proposals",
    "cites_sessions",
    "cites_letters",
    "sheets",
)

AUDIENCE_WHOLE = "coalition"
AUDIENCE_UNIONS = "unions"
AUDIENCE_LABELS = [
    (AUDIENCE_WHOLE, "The whole coalition (public: anyone can read it)"),
    (AUDIENCE_UNIONS, "Members of some unions only (they sign in to read it)"),
]


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


@dataclass
class ChoiceGroup:
    """Boxes under one heading ("" when the list has no groups)."""

    heading: str
    choices: list[BoundWidget] = dataclasses.field(default_factory=list)


@dataclass
class FormRow:
    """One field of the form as the template lays it out: a plain field, or a list of boxes
    in groups, with a filter box when it is long."""

    field: BoundField
    groups: list[ChoiceGroup] | None = None
    count: int = 0

    @property
    def is_choices(self) -> bool:
        return self.groups is not None

    @property
    def is_filterable(self) -> bool:
        return self.count >= FILTER_FROM


def _article_heading(proposal: Any) -> tuple[tuple[int, int, str], str]:
    """A proposal's group: its article, in the contract's order; those with none last."""
    article = proposal.article
    if article is None:
        return (1, 0, ""), "Not about one article"
    return (0, article.order, article.number), str(article)


def group_by_article(choices: list[BoundWidget]) -> list[ChoiceGroup]:
    """Proposal boxes under their article's heading; within one, the order they came in."""
    groups: dict[tuple[int, int, str], ChoiceGroup] = {}
    for choice in choices:
        key, heading = _article_heading(choice.data["value"].instance)
        groups.setdefault(key, ChoiceGroup(heading)).choices.append(choice)
    return [groups[key] for key in sorted(groups)]


def _short(day: date) -> str:
    """A day as a choice's label shows it: the short form of the staff pages' tables."""
    return date_format(day, "SHORT_DATE_FORMAT")


class ProposalChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        article = f"Art. {obj.article.number} · " if obj.article_id else ""
        return f"{_short(obj.passed_on)} · {article}{obj}"


class SessionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        place = f" · {obj.place}" if obj.place else ""
        return f"{obj.negotiation.name}: {_short(obj.date)}{place}"


class LetterChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{_short(obj.sent_on)} · {obj.sender} to {obj.recipient}: {obj.subject}"


class UpdateForm(forms.ModelForm):
    audience = forms.ChoiceField(
        label="Who is this update for?",
        widget=forms.RadioSelect,
        choices=AUDIENCE_LABELS,
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
    cites_letters = LetterChoiceField(
        queryset=Correspondence.objects.none(),
        required=False,
        label="Letters and e-mails this update cites",
        help_text="Only correspondence marked published in the table's log can be cited.",
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
            "cites_letters",
        ]
        widgets = {"unions": forms.CheckboxSelectMultiple}
        labels = {"unions": "Which unions", "slug": "Web address (leave empty to make one)"}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["slug"].required = False
        _model_choice(self.fields["unions"]).queryset = unions_with(user, "updates.publish")
        self.fields["unions"].help_text = "Only unions you write updates for are listed."
        if not is_coalition_wide(user, "updates.publish"):
            # Offered choices match what the writer may do; clean() enforces it again.
            _choice(self.fields["audience"]).choices = [(AUDIENCE_UNIONS, AUDIENCE_LABELS[1][1])]
        negotiations = Negotiation.objects.visible_to(user, "updates.edit")
        _model_choice(self.fields["cites_proposals"]).queryset = (
            Proposal.objects.filter(is_published=True, negotiation__in=negotiations)
            .select_related("article", "negotiation")
            .order_by("-passed_on", "-id")
        )
        _model_choice(self.fields["cites_sessions"]).queryset = (
            Session.objects.filter(negotiation__in=negotiations)
            .select_related("negotiation")
            .order_by("-date")
        )
        _model_choice(self.fields["cites_letters"]).queryset = Correspondence.objects.filter(
            is_published=True, negotiation__in=negotiations
        ).order_by("-sent_on", "-id")
        _model_choice(self.fields["negotiation"]).queryset = negotiations
        # Published sheets, and any already linked (a draft the team attached stays linked).
        linked = self.instance.sheets.all() if self.instance.pk else Sheet.objects.none()
        _model_choice(self.fields["sheets"]).queryset = Sheet.objects.filter(
            models.Q(status=Sheet.Status.PUBLISHED) | models.Q(pk__in=linked.values("pk"))
        ).order_by("-created_at")
        if self.instance.pk:
            self.fields["sheets"].initial = list(linked)
        if self.instance.pk:
            self.fields["audience"].initial = (
                AUDIENCE_WHOLE if self.instance.to_whole_coalition else AUDIENCE_UNIONS
            )
        else:
            # Most updates go to everyone: the whole coalition, for those who may address it.
            whole = is_coalition_wide(user, "updates.publish")
            self.fields["audience"].initial = AUDIENCE_WHOLE if whole else AUDIENCE_UNIONS
            first = (
                Negotiation.objects.visible_to(user, "updates.edit").filter(is_public=True).first()
            )
            if first is not None:
                self.fields["negotiation"].initial = first.pk

    def rows(self) -> list[FormRow]:
        """The fields in order; lists of boxes grouped (proposals by article)."""
        laid_out = []
        for bound in self:
            if bound.name not in CHOICE_LISTS:
                laid_out.append(FormRow(bound))
                continue
            choices = list(bound.subwidgets)
            long = bound.name == "cites_proposals" and len(choices) >= FILTER_FROM
            groups = group_by_article(choices) if long else [ChoiceGroup("", choices)]
            laid_out.append(FormRow(bound, groups, len(choices)))
        return laid_out

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        negotiation = data.get("negotiation")
        whole = data.get("audience") == AUDIENCE_WHOLE
        if whole:
            data["unions"] = []
        if negotiation is not None and "audience" in data:
            # The action's own rules, asked here too so each message shows at its field.
            try:
                check_update(
                    self.user,
                    negotiation,
                    to_whole_coalition=whole,
                    unions=list(data.get("unions") or []),
                    cites_proposals=list(data.get("cites_proposals") or []),
                    cites_sessions=list(data.get("cites_sessions") or []),
                    cites_letters=list(data.get("cites_letters") or []),
                    sheets=list(data.get("sheets") or []),
                )
            except UpdateError as error:
                self.add_error(error.field if error.field in self.fields else None, error.message)
        if negotiation is not None:
            slug = data.get("slug") or slugify(data.get("title") or "")[:200] or "update"
            data["slug"] = self._free_slug(negotiation, slug)
        return data

    def update_fields(self) -> dict[str, Any]:
        """What :func:`do_save_update` takes."""
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in ("negotiation", "title", "slug", "summary", "body", "language")
        }
        return {
            **fields,
            "to_whole_coalition": data["audience"] == AUDIENCE_WHOLE,
            "unions": list(data["unions"]),
            "cites_proposals": list(data["cites_proposals"]),
            "cites_sessions": list(data["cites_sessions"]),
            "cites_letters": list(data["cites_letters"]),
            "sheets": list(data["sheets"]),
        }

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


class LinkSheetForm(forms.Form):
    """Which of the updates the writer may edit should link to this sheet."""

    update = forms.ModelChoiceField(
        queryset=Update.objects.none(),
        label="Update",
        help_text="The update shows a link to the published sheet.",
    )

    def __init__(self, *args: Any, user: Any, sheet: Sheet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _model_choice(self.fields["update"]).queryset = (
            Update.objects.editable_by(user)
            .filter(negotiation_id=sheet.negotiation_id)
            .exclude(pk__in=sheet.updates.values("pk"))
            .order_by("-created_at")
        )


class TranslationForm(forms.ModelForm):
    """A person's translation of an update; saving a change to its text asks for a new review."""

    class Meta:
        model = UpdateTranslation
        fields = ["language", "title", "summary", "body"]
        labels = {"language": "Language code (es, es-mx, zh-hans, vi, tl…)"}
        widgets = {"body": forms.Textarea(attrs={"rows": 14})}


class DocumentForm(forms.Form):
    """A document the update carries: checked for type and size before it is kept."""

    title = forms.CharField(max_length=200, label="Title members see")
    kind = forms.ChoiceField(choices=UpdateDocument.Kind.choices, label="What it is")
    file = DocumentField(label="File")
