"""Who may reach each costing route: merged into tests/test_permission_matrix.py's MATRIX.

Same shape as MATRIX there: route -> (method, allowed people, kwargs). objects(cast) makes the
records the kwargs name ("name" or "name=object") and returns them by name.

Costing is bargaining strategy: the staff pages are the bargaining team's and the admins'. The
member page is public once a run is published (before that it is a 404: see test_member_page).
"""

from __future__ import annotations

from typing import Any

from tests.people import EVERYONE, TEAM, TEAM_COALITION_WIDE

# A run of every union's members: union-scoped team members see only runs of their union.
RUN = TEAM_COALITION_WIDE

RIGHTS: dict[str, tuple[str, set[str | None], tuple[str, ...]]] = {
    "costing:list": ("GET", TEAM, ()),
    "costing:new": ("GET", TEAM, ("slug",)),
    "costing:run": ("GET", RUN, ("pk=costing_run_pk",)),
    "costing:progress": ("GET", RUN, ("pk=costing_run_pk",)),
    "costing:export": ("GET", RUN, ("pk=costing_run_pk",)),
    "costing:publish": ("POST", RUN, ("pk=costing_run_pk",)),
    "costing:unpublish": ("POST", RUN, ("pk=costing_run_pk",)),
    "costing_site:what_it_means": ("GET", EVERYONE, ("slug",)),
    # the employer's money: figures of the negotiation, for whoever may cost proposals there
    "costing:facts": ("GET", TEAM, ("slug",)),
    "costing:fact_edit": ("GET", TEAM, ("slug", "pk=employer_fact_pk")),
    "costing:fact_remove": ("POST", TEAM, ("slug", "pk=employer_fact_pk")),
    "costing:fact_document": ("GET", TEAM, ("slug", "pk=employer_fact_pk")),
}


def objects(cast: Any, negotiation: Any) -> dict[str, Any]:
    """At ``negotiation``: a finished, published run of the world's members on one costable
    proposal, and one of the employer's figures with its document."""
    from django.core.files.base import ContentFile

    from caucus.costing.actions import do_create_run, do_publish
    from caucus.costing.models import EmployerFact
    from caucus.costing.tasks import run_costing
    from tests.costing.helpers import make_proposals

    union, _ = make_proposals(cast.world, negotiation)
    run = do_create_run(cast["team"], negotiation, name="Matrix run", proposals=[union])
    run_costing(run.pk)
    run.refresh_from_db()
    do_publish(cast["team"], run, "")
    fact = EmployerFact.objects.create(
        negotiation=negotiation,
        kind="operating_income",
        year=2025,
        amount=45_000_000,
        source_title="Annual report 2025",
        document=ContentFile(b"%PDF-1.7\n", name="annual-report.pdf"),
    )
    return {"costing_run_pk": run.pk, "employer_fact_pk": fact.pk}
