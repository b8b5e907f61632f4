"""The send page as communications staff use it: the count before sending, sending to one
local, scheduling and cancelling, a test send to oneself, progress and the report by local;
the suppression list; the member's preference page."""

from __future__ import annotations

import re
from datetime import timedelta
from email import message_from_bytes, policy
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from caucus.delivery.links import member_token
from caucus.delivery.models import MemberPreference, OutboxMessage, Send, Suppression

pytestmark = pytest.mark.django_db


def _form(**fields: Any) -> dict[str, Any]:
    data = {"by_email": "on", "audience": "coalition", "when": "now", "attach_sheet": "on"}
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def test_staff_see_how_many_members_an_audience_reaches_before_sending(
    cast: Any, world: Any, roster: list[Any], update: Any
) -> None:
    world.member(member_id="A-60", email="boss@megacorp.example", email_is_employers=True)
    Suppression.objects.create(
        union=world.union_a, channel="email", address=roster[0].email, reason="bounce"
    )
    response = cast.client("comms").post(
        reverse("delivery:new", args=[update.pk]),
        _form(audience="some", unions=[world.union_a.pk], by_text="on"),
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    # Local A: 5 + Mara + the employer address = 7 chosen; e-mail to 5 (not the employer's
    # address, not the bounced one); texts to the 5 with phones.
    assert "<strong>5</strong> e-mails and <strong>5</strong> texts, to 7 members chosen" in page
    assert Send.objects.count() == 0


def test_sending_to_one_local_reaches_only_its_members(
    cast: Any,
    world: Any,
    roster: list[Any],
    update: Any,
    smtp: Any,
    texts: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = cast.client("comms").post(
            reverse("delivery:new", args=[update.pk]),
            _form(
                audience="some",
                unions=[world.union_b.pk],
                by_text="on",
                confirm="1",
                text_body="Strike vote Tuesday.",
            ),
        )
    send = Send.objects.get()
    assert response["Location"] == reverse("delivery:send", args=[send.pk])
    assert sorted(smtp.per_recipient()) == sorted(m.email for m in roster[5:])
    assert len(texts) == 3
    assert texts[0][1].startswith("Strike vote Tuesday. http://127.0.0.1:8000/n/national-2026/")
    assert texts[0][1].endswith("Reply STOP to opt out.")
    page = cast.client("comms").get(response["Location"]).content.decode()
    assert "Progress: Sent" in page
    assert '<th scope="row">Local B</th><td>E-mail</td><td>3</td><td>3</td>' in page


def test_staff_of_one_local_cannot_send_to_another(
    cast: Any, world: Any, roster: list[Any], update: Any
) -> None:
    response = cast.client("comms_a").post(
        reverse("delivery:new", args=[update.pk]),
        _form(audience="some", unions=[world.union_b.pk], confirm="1"),
    )
    assert response.status_code == 400
    assert Send.objects.count() == 0


def test_a_scheduled_send_waits_and_can_be_cancelled(
    cast: Any, roster: list[Any], update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    later = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    client = cast.client("comms")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("delivery:new", args=[update.pk]),
            _form(when="later", scheduled_for=later, confirm="1"),
        )
    send = Send.objects.get()
    assert send.status == Send.Status.SCHEDULED
    assert smtp.messages == []
    client.post(reverse("delivery:cancel", args=[send.pk]))
    send.refresh_from_db()
    assert send.status == Send.Status.CANCELLED
    from caucus.delivery.tasks import start_send

    start_send.call(send.pk)  # the worker's deferred start finds it cancelled
    assert OutboxMessage.objects.count() == 0


def test_an_embargoed_draft_goes_on_the_site_only_when_its_send_starts(
    cast: Any, roster: list[Any], update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from caucus.delivery.tasks import start_send
    from caucus.updates.actions import UpdateError, do_publish_update
    from caucus.updates.models import Update

    Update.objects.filter(pk=update.pk).update(status="draft", published_at=None)
    update.refresh_from_db()
    later = (timezone.localtime() + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    cast.client("comms").post(
        reverse("delivery:new", args=[update.pk]),
        _form(when="later", scheduled_for=later, embargo="on", confirm="1"),
    )
    update.refresh_from_db()
    assert update.embargoed
    with pytest.raises(UpdateError, match="embargoed"):
        do_publish_update(cast["comms"], update)
    assert cast.client(None).get(update.get_absolute_url()).status_code == 404

    send = Send.objects.get()
    Send.objects.filter(pk=send.pk).update(scheduled_for=timezone.now())  # the time has come
    with django_capture_on_commit_callbacks(execute=True):
        start_send.call(send.pk)
    assert cast.client(None).get(update.get_absolute_url()).status_code == 200
    assert len(smtp.messages) == 9


def test_a_test_send_goes_to_the_staff_members_own_address_only(
    cast: Any, roster: list[Any], update: Any, smtp: Any
) -> None:
    response = cast.client("comms").post(reverse("delivery:test_send", args=[update.pk]))
    assert response.status_code == 302
    assert list(smtp.per_recipient()) == ["comms@union.example"]
    assert OutboxMessage.objects.count() == 0


def test_the_links_in_a_test_send_say_they_came_in_a_test_and_unsubscribe_no_one(
    cast: Any, client: Any, roster: list[Any], update: Any, smtp: Any
) -> None:
    cast.client("comms").post(reverse("delivery:test_send", args=[update.pk]))
    (raw,) = smtp.raw
    message = message_from_bytes(raw, policy=policy.default)
    unsubscribe = message["List-Unsubscribe"].strip("<>").removeprefix(settings.SITE_URL)
    text = message.get_body(("plain",)).get_content()
    preferences = re.search(r"(https?://\S+?/p/[^/\s]+/)(?:\s|$)", text, re.M).group(1)
    for answer in (
        client.get(unsubscribe),
        client.post(unsubscribe, {"List-Unsubscribe": "One-Click"}),
        client.get(preferences.removeprefix(settings.SITE_URL)),
        client.post(preferences.removeprefix(settings.SITE_URL), {"language": "es"}),
    ):
        assert answer.status_code == 200
        page = answer.content.decode()
        assert "This link came in a test message, so it changes nothing." in page
    assert Suppression.objects.count() == 0
    assert MemberPreference.objects.count() == 0


def test_a_member_changes_language_and_channels_from_the_signed_link(
    cast: Any, client: Any
) -> None:
    url = reverse("delivery_site:preferences", args=[member_token(cast.member_record.pk)])
    page = client.get(url).content.decode()
    assert "Hello Mara" in page
    client.post(url, {"language": "es", "by_email": "on", "coalition_updates": "on"})
    preference = MemberPreference.objects.get(member=cast.member_record)
    assert (preference.language, preference.by_email, preference.by_text) == ("es", True, False)
    assert preference.local_updates is False


def test_a_forged_preference_link_finds_nothing(cast: Any, client: Any) -> None:
    token = member_token(cast.member_record.pk)
    forged = f"{cast.member_record.pk + 1}.{token.split('.', 1)[1]}"
    assert client.get(reverse("delivery_site:preferences", args=[forged])).status_code == 404


def test_an_unsubscribed_member_gets_nothing_next_time(
    cast: Any, roster: list[Any], update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from caucus.delivery.actions import do_create_send

    token = member_token(cast.member_record.pk)
    cast.client(None).post(reverse("delivery_site:unsubscribe", args=[token, "email"]))
    with django_capture_on_commit_callbacks(execute=True):
        do_create_send(cast["comms"], update, by_email=True, by_text=False, to_whole_coalition=True)
    assert cast.member_record.email not in smtp.per_recipient()
    assert len(smtp.messages) == 8


def test_staff_read_the_suppression_list_but_cannot_lift_an_unsubscribe(
    cast: Any, world: Any
) -> None:
    mine = Suppression.objects.create(
        union=world.union_a, channel="email", address="left@personal.example", reason="unsubscribed"
    )
    client = cast.client("comms")
    assert "left@personal.example" in client.get(reverse("delivery:suppressions")).content.decode()
    response = client.post(
        reverse("delivery:lift", args=[mine.pk]), {"reason": "Please send to her again."}
    )
    assert response.status_code == 400
    assert "Only the member can undo" in response.content.decode()
    mine.refresh_from_db()
    assert mine.is_in_force


def test_lifting_a_bounce_needs_a_reason_and_goes_on_the_record(cast: Any, world: Any) -> None:
    from caucus.audit.models import AuditEvent

    bounce = Suppression.objects.create(
        union=world.union_a, channel="email", address="fixed@personal.example", reason="bounce"
    )
    client = cast.client("comms")
    response = client.post(reverse("delivery:lift", args=[bounce.pk]), {"reason": "ok"})
    assert "Say why" in response.content.decode()
    client.post(reverse("delivery:lift", args=[bounce.pk]), {"reason": "She gave us a new inbox."})
    bounce.refresh_from_db()
    assert not bounce.is_in_force
    event = AuditEvent.objects.get(action="delivery.lift_suppression")
    assert event.detail["reason"] == "She gave us a new inbox."
