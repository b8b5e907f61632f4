"""A counted vote's result as a bargaining update, in one step: a draft for communications to
finish and publish (``caucus.updates``), with each local's result and reason, and the same
rule as the results page: no counts of a local of fewer than ``SMALL_GROUP`` voters, nor any
that would give them away (caucus.votes.results)."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils import translation

from caucus.accounts.models import Actor
from caucus.audit.log import record
from caucus.updates.actions import UpdateError, do_save_update
from caucus.updates.models import Update
from caucus.votes.errors import VoteError, require
from caucus.votes.models import Vote
from caucus.votes.results import shown_result


def result_markdown(vote: Vote) -> str:
    with translation.override("en"):
        shown = shown_result(vote)
        text = vote.text_in("en")
    if shown is None:
        raise VoteError("The vote has not been counted yet.")
    verdict = "passes" if shown["passes"] else "does not pass"
    lines = [
        f"The vote on **{text.question if text else vote.title}** {verdict}: {shown['reason']}.",
        "",
        "| Local | Yes | No | Turnout | Result |",
        "|---|---|---|---|---|",
    ]
    for row in [*shown["locals"], shown["coalition"]]:
        yes, no = ("–", "–") if row["withheld"] else (f"{row['yes']:,}", f"{row['no']:,}")
        result = {True: "passes", False: "fails", None: "counted together"}[row["passes"]]
        lines.append(f"| {row['name']} | {yes} | {no} | {row['turnout_percent']:.1f}% | {result} |")
    lines += ["", "Why, local by local:", ""]
    lines += [f"- **{row['name']}**: {row['reason']}" for row in shown["locals"]]
    path = reverse("votes_site:results", args=[vote.negotiation.slug, vote.pk])
    lines += ["", f"[The full results]({path})"]
    return "\n".join(lines) + "\n"


@transaction.atomic
def do_draft_update(actor: Actor, vote: Vote) -> Update:
    require(actor, vote, "manage")
    body = result_markdown(vote)
    slug = f"vote-{vote.pk}-results"
    existing = Update.objects.filter(negotiation=vote.negotiation, slug=slug).first()
    if existing is not None:
        raise VoteError("The draft update of this result exists already.")
    try:
        update = do_save_update(
            actor,
            None,
            negotiation=vote.negotiation,
            title=f"Results: {vote.title}",
            slug=slug,
            summary="The results of the vote, local by local.",
            body=body,
            language="en",
            to_whole_coalition=True,
        )
    except UpdateError as refused:
        raise VoteError(refused.message) from refused
    record(actor, "vote.update_draft", vote, update=update.pk)
    return update
