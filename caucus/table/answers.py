"""What a new pass may answer: the other side's passes, those on the same article first.

The proposal forms offer them grouped (``The employer's passes on Article 14``, then the
employer's passes on other articles), newest first. The side and article are read from the
form as far as it knows them (posted, preselected or stored); when the side is not known yet,
both sides' passes are offered under their side's name, and the page's script
(``table/proposal_form.js``) narrows and reorders them as the side and article are picked,
using the side and article each option carries. The table's rule that a pass answers the
other side (``check_proposal``) is what refuses a wrong choice, with its own message.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.formats import date_format

from caucus.table.models import Negotiation, Proposal, Side

SIDE_NAMES: dict[str, str] = {Side.UNION: "The union's", Side.EMPLOYER: "The employer's"}


def other_side(side: str) -> str | None:
    if side == Side.UNION:
        return Side.EMPLOYER
    if side == Side.EMPLOYER:
        return Side.UNION
    return None


class AnswersSelect(forms.Select):
    """A select whose options carry their pass's side and article for the page's script."""

    def __init__(self, *args: Any, facts: dict[str, tuple[str, str]] | None = None, **kw: Any):
        super().__init__(*args, **kw)
        self.facts = facts or {}

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(name, value, *args, **kwargs)
        key = str(getattr(value, "value", value) or "")
        if key in self.facts:
            side, article = self.facts[key]
            option["attrs"].update({"data-side": side, "data-article": article})
        return option


def label(proposal: Proposal) -> str:
    article = f"Art. {proposal.article.number} · " if proposal.article else ""
    day = date_format(proposal.passed_on, "SHORT_DATE_FORMAT")
    return f"{article}{day} · {proposal}"


def answer_choices(
    proposals: list[Proposal], side: str | None, article_id: int | None
) -> list[tuple[str, Any]]:
    """The grouped choices: the other side's on the same article, then its others; both sides
    under their names when the side is not known."""
    choices: list[tuple[str, Any]] = [("", "---------")]
    other = other_side(side or "")
    if other is None:
        for each in (Side.EMPLOYER, Side.UNION):
            group = [(p.pk, label(p)) for p in proposals if p.side == each]
            if group:
                choices.append((f"{SIDE_NAMES[each]} passes", group))
        return choices
    theirs = [p for p in proposals if p.side == other]
    same = [(p.pk, label(p)) for p in theirs if article_id and p.article_id == article_id]
    rest = [(p.pk, label(p)) for p in theirs if not (article_id and p.article_id == article_id)]
    article = next((p.article for p in theirs if article_id and p.article_id == article_id), None)
    if same and article is not None:
        choices.append((f"{SIDE_NAMES[other]} passes on Article {article.number}", same))
    if rest:
        where = "on other articles" if same else ""
        choices.append((f"{SIDE_NAMES[other]} passes {where}".strip(), rest))
    return choices


def _known(form: forms.BaseForm, name: str) -> str:
    """The form's value for ``name``: posted, else preselected, else stored."""
    if form.is_bound:
        return str(form.data.get(form.add_prefix(name), "") or "")
    value = form.initial.get(name)
    instance = getattr(form, "instance", None)
    if value is None and instance is not None:
        value = getattr(instance, f"{name}_id" if name == "article" else name, None)
    return str(getattr(value, "pk", value) or "")


def offer_answers(form: forms.BaseForm, negotiation: Negotiation) -> None:
    """Set the form's ``answers`` field to the negotiation's passes, grouped as above."""
    field = form.fields.get("answers")
    if field is None:
        return
    proposals = list(
        Proposal.objects.filter(negotiation=negotiation)
        .select_related("article")
        .order_by("-passed_on", "-id")
    )
    instance = getattr(form, "instance", None)
    if instance is not None and instance.pk:
        proposals = [p for p in proposals if p.pk != instance.pk]
    side = _known(form, "side") or (instance.side if instance is not None else "")
    article = _known(form, "article")
    field.queryset = Proposal.objects.filter(negotiation=negotiation)  # type: ignore[attr-defined]
    facts = {str(p.pk): (p.side, str(p.article_id or "")) for p in proposals}
    field.widget = AnswersSelect(facts=facts, attrs={"data-answers": "1"})
    field.widget.is_required = field.required
    field.choices = answer_choices(  # type: ignore[attr-defined]
        proposals, side, int(article) if article.isdigit() else None
    )
