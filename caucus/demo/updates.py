"""The demo's bargaining updates: a handful published (one in Spanish too, one only for a
single local) and one draft waiting for review, written and published through the updates'
actions by the communications user."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from caucus.demo.orgs import Orgs
from caucus.demo.past import backdate, moment
from caucus.demo.table import Round
from caucus.updates.actions import do_publish_update, do_save_update
from caucus.updates.models import Update, UpdateTranslation

# slug, title, summary, body, session index it reports on, cited passes
UPDATES = [
    (
        "we-are-at-the-table",
        "We are at the table",
        "Bargaining opened with our wage proposal.",
        "Ten locals sat down together with Harborline for the first time. We passed our proposals "
        "on **wages**, **recognition** and **grievances**.",
        0,
        ["u_wages", "u_rec"],
    ),
    (
        "two-percent-is-an-insult",
        "Two percent is an insult",
        "The company answered our wage proposal with 2% a year.",
        "Harborline's counter on wages is 2% a year, less than inflation. Our answer: wear your "
        "button on shift this week.",
        2,
        ["e_wages"],
    ),
    (
        "first-tentative-agreements",
        "Our first tentative agreements",
        "Recognition and grievances are settled.",
        "We signed tentative agreements on recognition (every store and plant in our regions) "
        "and on expedited arbitration for discharges.",
        6,
        ["u_rec", "e_griev"],
    ),
    (
        "the-company-package",
        "The company's package: read the fine print",
        "Wages, profit sharing and benefits, all or nothing.",
        "The company put wages, profit sharing **without a guaranteed minimum** and benefits into "
        "one package. Here is what it would mean for you.",
        8,
        ["e_wages2", "e_ps", "e_ben"],
    ),
]


def build_updates(rnd: Round, orgs: Orgs, comms: Any) -> list[Update]:
    made = []
    for slug, title, summary, body, at, cites in UPDATES:
        session = rnd.sessions[at]
        update = _write(
            rnd,
            comms,
            title=title,
            slug=slug,
            summary=summary,
            body=body,
            cites_sessions=[session],
            cites_proposals=[rnd.proposals[key] for key in cites],
        )
        _publish(comms, update, moment(session.date + timedelta(days=1), 9))
        made.append(update)
    _translate(made[1])
    local = orgs.unions[8]
    targeted = _write(
        rnd,
        comms,
        title=f"{local.short_name}: store meetings this week",
        slug="store-meetings-this-week",
        summary="Meet your bargaining team before the next session.",
        body="Your bargaining team will visit every store in the Northeast this week.",
        to_whole_coalition=False,
        unions=[local],
    )
    _publish(comms, targeted, moment(rnd.sessions[9].date, 8))
    draft = _write(
        rnd,
        comms,
        title="Staffing: what the company floated",
        slug="staffing-what-the-company-floated",
        body="Draft: do not publish before the team has reviewed it.",
    )
    return [*made, targeted, draft]


def _write(rnd: Round, comms: Any, *, to_whole_coalition: bool = True, **fields: Any) -> Update:
    return do_save_update(
        comms, None, negotiation=rnd.negotiation, to_whole_coalition=to_whole_coalition, **fields
    )


def _publish(comms: Any, update: Update, when: datetime) -> None:
    """Publish ``update`` as it was, at ``when``: written and published then."""
    do_publish_update(comms, update)
    backdate(update, when, "published_at", "created_at", "updated_at")


def _translate(update: Update) -> None:
    # Translations have no action yet: they are written here.
    UpdateTranslation.objects.create(
        update=update,
        language="es",
        title="El dos por ciento es un insulto",
        summary="La empresa respondió a nuestra propuesta salarial con un 2% al año.",
        body="La contrapropuesta de Harborline es un 2% al año, menos que la inflación.",
    )
