"""Staff write, preview and publish updates; only communications staff and admins may, and
union-scoped communications staff only for their own unions."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from caucus.audit.models import AuditEvent
from caucus.updates.models import Update
from tests.site.factories import make_proposal, make_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def comms_a(cast: Any) -> Any:
    """Communications staff of union A only (the cast's), signed in with a second factor."""
    return cast.client("comms_a")


def _form(world: Any, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "negotiation": world.negotiation.pk,
        "title": "Employer moves on seniority",
        "slug": "",
        "summary": "A first step.",
        "body": "The employer **dropped** its seniority rollback.",
        "language": "en",
        "audience": "coalition",
    }
    data.update(overrides)
    return data


def test_comms_staff_write_a_draft_and_land_on_its_preview(cast: Any) -> None:
    response = cast.client("comms").post(reverse("updates:new"), _form(cast.world), follow=True)
    update = Update.objects.get()
    assert update.status == Update.Status.DRAFT
    assert update.slug == "employer-moves-on-seniority"
    assert update.author == cast["comms"]
    page = response.content.decode()
    assert "Preview" in page
    assert "<strong>dropped</strong>" in page
    assert "Draft — not published" in page


@pytest.mark.parametrize("name", ["outsider", "member_a", "officer_a", "organizer_a", "observer"])
def test_people_without_the_right_cannot_write_updates(cast: Any, name: str) -> None:
    client = cast.client(name)
    response = client.post(reverse("updates:new"), _form(cast.world))
    assert response.status_code in (302, 403)
    assert not Update.objects.exists()
    listing = client.get(reverse("updates:list"))
    assert listing.status_code in (302, 403)
    assert "Write an update" not in listing.content.decode()


@pytest.mark.parametrize("name", ["outsider", "member_a", "officer_a", "observer"])
def test_people_without_the_right_cannot_edit_an_existing_update(cast: Any, name: str) -> None:
    update = make_update(cast.world, published=False)
    response = cast.client(name).post(
        reverse("updates:edit", args=[update.pk]), _form(cast.world, title="Hijacked")
    )
    assert response.status_code in (302, 403)
    update.refresh_from_db()
    assert update.title != "Hijacked"


def test_anonymous_visitors_are_sent_to_sign_in(cast: Any) -> None:
    response = cast.client(None).get(reverse("updates:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_union_comms_can_address_their_own_union(cast: Any, comms_a: Any) -> None:
    response = comms_a.post(
        reverse("updates:new"),
        _form(cast.world, audience="unions", unions=[cast.world.union_a.pk]),
    )
    assert response.status_code == 302
    update = Update.objects.get()
    assert not update.to_whole_coalition
    assert list(update.unions.all()) == [cast.world.union_a]


def test_union_comms_of_a_cannot_target_union_b(cast: Any, comms_a: Any) -> None:
    response = comms_a.post(
        reverse("updates:new"),
        _form(cast.world, audience="unions", unions=[cast.world.union_b.pk]),
    )
    assert response.status_code == 200
    assert "is not one of the available choices" in response.content.decode()
    assert not Update.objects.exists()


def test_union_comms_cannot_address_the_whole_coalition(cast: Any, comms_a: Any) -> None:
    form_page = comms_a.get(reverse("updates:new")).content.decode()
    assert "The whole coalition" not in form_page
    response = comms_a.post(reverse("updates:new"), _form(cast.world, audience="coalition"))
    assert response.status_code == 200
    assert not Update.objects.exists()


def test_union_comms_do_not_see_or_open_coalition_wide_updates(cast: Any, comms_a: Any) -> None:
    coalition = make_update(cast.world, "For everyone", published=False)
    theirs = make_update(cast.world, "For Local A", unions=[cast.world.union_a], published=False)
    listing = comms_a.get(reverse("updates:list")).content.decode()
    assert "For Local A" in listing
    assert "For everyone" not in listing
    assert comms_a.get(reverse("updates:edit", args=[coalition.pk])).status_code == 404
    assert comms_a.get(reverse("updates:edit", args=[theirs.pk])).status_code == 200


def test_union_comms_cannot_open_an_update_that_also_goes_to_union_b(
    cast: Any, comms_a: Any
) -> None:
    shared = make_update(
        cast.world, "For A and B", unions=[cast.world.union_a, cast.world.union_b], published=False
    )
    assert comms_a.get(reverse("updates:preview", args=[shared.pk])).status_code == 404
    assert comms_a.post(reverse("updates:publish", args=[shared.pk])).status_code == 404
    shared.refresh_from_db()
    assert shared.status == Update.Status.DRAFT


def test_publishing_makes_the_update_public_and_is_audited(cast: Any) -> None:
    update = make_update(cast.world, "Big news", published=False)
    client = cast.client("comms")
    assert cast.client(None).get(update.get_absolute_url()).status_code == 404
    response = client.post(reverse("updates:publish", args=[update.pk]), follow=True)
    assert "Published: Big news" in response.content.decode()
    update.refresh_from_db()
    assert update.status == Update.Status.PUBLISHED
    assert update.published_at is not None
    event = AuditEvent.objects.get(action="update.publish")
    assert event.actor == cast["comms"]
    assert event.object_id == str(update.pk)
    assert cast.client(None).get(update.get_absolute_url()).status_code == 200


def test_publishing_needs_a_post(cast: Any) -> None:
    update = make_update(cast.world, published=False)
    assert cast.client("comms").get(reverse("updates:publish", args=[update.pk])).status_code == 405
    update.refresh_from_db()
    assert update.status == Update.Status.DRAFT


@pytest.mark.parametrize("name", ["officer_a", "observer", "outsider"])
def test_others_cannot_publish(cast: Any, name: str) -> None:
    update = make_update(cast.world, published=False)
    response = cast.client(name).post(reverse("updates:publish", args=[update.pk]))
    assert response.status_code in (302, 403)
    update.refresh_from_db()
    assert update.status == Update.Status.DRAFT
    assert not AuditEvent.objects.filter(action="update.publish").exists()


def test_only_published_proposals_can_be_cited(cast: Any) -> None:
    published = make_proposal(cast.world, "Published wage pass")
    hidden = make_proposal(cast.world, "Secret draft pass", is_published=False)
    client = cast.client("comms")
    page = client.get(reverse("updates:new")).content.decode()
    assert "Published wage pass" in page
    assert "Secret draft pass" not in page
    response = client.post(
        reverse("updates:new"), _form(cast.world, cites_proposals=[published.pk, hidden.pk])
    )
    assert response.status_code == 200
    assert not Update.objects.exists()


def test_preview_shows_what_members_will_see_with_citations(cast: Any) -> None:
    proposal = make_proposal(cast.world, "Wage pass three")
    update = make_update(cast.world, published=False, body="Read <script>x()</script>**this**")
    update.cites_proposals.add(proposal)
    page = cast.client("comms").get(reverse("updates:preview", args=[update.pk])).content.decode()
    assert "<strong>this</strong>" in page
    assert "<script>x()" not in page
    assert reverse("site:proposal", args=[cast.world.negotiation.slug, proposal.pk]) in page
    assert "Publish now" in page


def test_a_second_update_with_the_same_title_gets_its_own_address(cast: Any) -> None:
    client = cast.client("comms")
    client.post(reverse("updates:new"), _form(cast.world))
    client.post(reverse("updates:new"), _form(cast.world))
    assert sorted(Update.objects.values_list("slug", flat=True)) == [
        "employer-moves-on-seniority",
        "employer-moves-on-seniority-2",
    ]


def test_the_bargaining_team_can_publish_its_own_update(cast: Any) -> None:
    update = make_update(cast.world, published=False)
    response = cast.client("team").post(reverse("updates:publish", args=[update.pk]))
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.status == Update.Status.PUBLISHED
    assert AuditEvent.objects.filter(action="update.publish", actor=cast["team"]).exists()
