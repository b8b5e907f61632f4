"""Who may reach each caucus.commitments route: merged into tests/test_permission_matrix.py's MATRIX.

Same shape as MATRIX there: route -> (method, allowed people, kwargs). objects(cast, negotiation)
makes the records the kwargs name ("name" or "name=object") and returns them by name.

``commitments.view`` reads the tracker (admins, the bargaining team, local officers, observers,
communications); ``commitments.edit`` changes it (admins and the team). Members see what staff
published, on the public member page.
"""

from __future__ import annotations

from typing import Any

from tests.people import EVERYONE

VIEW: set[str | None] = {
    "admin",
    "team",
    "team_b",
    "officer_a",
    "officer_b",
    "observer",
    "comms",
    "comms_a",
}
EDIT: set[str | None] = {"admin", "team", "team_b"}
ONE = ("slug", "pk=commitment_pk")

RIGHTS: dict[str, tuple[str, set[str | None], tuple[str, ...]]] = {
    "commitments:list": ("GET", VIEW, ("slug",)),
    "commitments:new": ("GET", EDIT, ("slug",)),
    "commitments:commitment": ("GET", VIEW, ONE),
    "commitments:edit": ("GET", EDIT, ONE),
    "commitments:report_new": ("GET", EDIT, ONE),
    "commitments:report_import": ("GET", EDIT, ONE),
    "commitments:document": ("GET", VIEW, (*ONE, "document_pk=commitment_document_pk")),
    # Filing the information request is the table's too (table.edit): the same people.
    "commitments:request_figures": ("GET", EDIT, ONE),
    "commitments:publish": ("POST", EDIT, ONE),
    "api:list_commitments": ("GET", VIEW, ("slug",)),
    "api:get_commitment": ("GET", VIEW, ("slug", "commitment_id=commitment_pk")),
    "commitments_site:promises": ("GET", EVERYONE, ("slug",)),
    "commitments_site:promise": ("GET", EVERYONE, ONE),
}


def objects(cast: Any, negotiation: Any) -> dict[str, Any]:
    """At ``negotiation``: a published hiring commitment and one source document."""
    from datetime import date

    from django.core.files.base import ContentFile

    from caucus.commitments.models import Commitment, SourceDocument

    commitment = Commitment.objects.create(
        negotiation=negotiation,
        title="Hire 10,000",
        measure="new hires",
        unit="hires",
        target=10_000,
        starts_on=date(2022, 1, 1),
        due_on=date(2023, 12, 31),
        is_published=True,
    )
    document = SourceDocument.objects.create(
        commitment=commitment,
        title="Quarterly report",
        original_name="q.pdf",
        file=ContentFile(b"%PDF-1.7\n", name="q.pdf"),
    )
    return {"commitment_pk": commitment.pk, "commitment_document_pk": document.pk}
