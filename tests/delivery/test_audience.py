"""Who a send reaches, as members see it in their inboxes (a real SMTP server on loopback):
units and worksites narrow the audience like unions do, an address on the employer's domain is
never written to even when the roster did not flag it, a member who turned off one kind of
update does not get it, and the count before sending leaves out a number that replied STOP."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from caucus.delivery.actions import do_create_send
from caucus.delivery.models import MemberPreference, Suppression
from caucus.delivery.sms import phone_key

pytestmark = pytest.mark.django_db


def _send(cast: Any, update: Any, capture: Any, **audience: Any) -> None:
    audience.setdefault("to_whole_coalition", False)
    with capture(execute=True):
        do_create_send(cast["comms"], update, by_email=True, by_text=False, **audience)


def test_a_send_to_one_worksite_reaches_only_the_members_who_work_there(
    cast: Any,
    world: Any,
    roster: list[Any],
    update: Any,
    smtp: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    south_a = world.member(member_id="A-70", worksite=world.worksite_south)
    south_b = world.member(world.union_b, member_id="B-70", worksite=world.worksite_south)
    _send(cast, update, django_capture_on_commit_callbacks, worksites=[world.worksite_south])
    assert sorted(smtp.per_recipient()) == sorted([south_a.email, south_b.email])


def test_a_unit_and_a_worksite_together_mean_that_units_members_at_that_worksite(
    cast: Any,
    world: Any,
    roster: list[Any],
    update: Any,
    smtp: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    world.member(member_id="A-70", worksite=world.worksite_south)
    south_b = world.member(world.union_b, member_id="B-70", worksite=world.worksite_south)
    _send(
        cast,
        update,
        django_capture_on_commit_callbacks,
        units=[world.unit_b],
        worksites=[world.worksite_south],
    )
    assert list(smtp.per_recipient()) == [south_b.email]


def test_an_address_on_the_employers_domain_is_never_written_to_even_unflagged(
    cast: Any, world: Any, update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    world.member(member_id="A-80", email="Boss@MegaCorp.Example")
    world.member(member_id="A-81", email="clerk@stores.megacorp.example")
    near = world.member(member_id="A-82", email="me@notmegacorp.example")
    _send(cast, update, django_capture_on_commit_callbacks, to_whole_coalition=True)
    assert sorted(smtp.per_recipient()) == sorted([cast.member_record.email, near.email])


def test_a_member_who_turned_off_local_news_still_gets_the_coalitions(
    cast: Any,
    world: Any,
    roster: list[Any],
    update: Any,
    smtp: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from caucus.updates.models import Update

    MemberPreference.objects.create(member=roster[0], local_updates=False)
    local = Update.objects.create(
        negotiation=world.negotiation,
        title="Local A meeting",
        slug="local-a-meeting",
        body="Thursday.",
        status=Update.Status.PUBLISHED,
        published_at=update.published_at,
        to_whole_coalition=False,
    )
    local.unions.set([world.union_a])
    _send(cast, local, django_capture_on_commit_callbacks, unions=[world.union_a])
    assert roster[0].email not in smtp.per_recipient()
    assert len(smtp.messages) == 5  # the rest of Local A

    _send(cast, update, django_capture_on_commit_callbacks, to_whole_coalition=True)
    assert len(smtp.to(roster[0].email)) == 1


def test_the_count_before_sending_leaves_out_a_number_that_replied_stop(
    cast: Any, world: Any, roster: list[Any], update: Any
) -> None:
    Suppression.objects.create(
        union=world.union_a, channel="sms", address=phone_key(roster[0].phone), reason="stop"
    )
    response = cast.client("comms").post(
        reverse("delivery:new", args=[update.pk]),
        {"by_text": "on", "audience": "some", "unions": [world.union_a.pk], "when": "now"},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert "<strong>0</strong> e-mails and <strong>4</strong> texts, to 6 members chosen" in page
    assert "The text is 1 segment long: about 0.03 USD for 4 texts." in page
