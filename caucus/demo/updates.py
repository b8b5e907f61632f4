"""The demo's bargaining updates: a handful published (one in Spanish too, one only for a
single local) and one draft waiting for review."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.utils import timezone

from caucus.demo.orgs import Orgs
from caucus.demo.table import Round
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


def _at(day: Any, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def build_updates(rnd: Round, orgs: Orgs, comms: Any) -> list[Update]:
    made = []
    for slug, title, summary, body, at, cites in UPDATES:
        session = rnd.sessions[at]
        update = Update.objects.create(
            negotiation=rnd.negotiation,
            title=title,
            slug=slug,
            summary=summary,
            body=body,
            status=Update.Status.PUBLISHED,
            published_at=_at(session.date + timedelta(days=1), 9),
            author=comms,
        )
        update.cites_sessions.set([session])
        update.cites_proposals.set([rnd.proposals[key] for key in cites])
        made.append(update)
    UpdateTranslation.objects.create(
        update=made[1],
        language="es",
        title="El dos por ciento es un insulto",
        summary="La empresa respondió a nuestra propuesta salarial con un 2% al año.",
        body="La contrapropuesta de Harborline es un 2% al año, menos que la inflación.",
    )
    local = orgs.unions[8]
    targeted = Update.objects.create(
        negotiation=rnd.negotiation,
        title=f"{local.short_name}: store meetings this week",
        slug="store-meetings-this-week",
        summary="Meet your bargaining team before the next session.",
        body="Your bargaining team will visit every store in the Northeast this week.",
        status=Update.Status.PUBLISHED,
        published_at=_at(rnd.sessions[9].date, 8),
        to_whole_coalition=False,
        author=comms,
    )
    targeted.unions.set([local])
    draft = Update.objects.create(
        negotiation=rnd.negotiation,
        title="Staffing: what the company floated",
        slug="staffing-what-the-company-floated",
        body="Draft: do not publish before the team has reviewed it.",
        author=comms,
    )
    return [*made, targeted, draft]
