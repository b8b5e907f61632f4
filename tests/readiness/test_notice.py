"""The strike notice: drafted from the negotiation (parties, units, date and time), its ten-day
deadline counted down, its service recorded with the date it was served."""

from __future__ import annotations

import html
from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.utils import timezone

from caucus.readiness.actions import (
    ReadinessError,
    do_draft_notice,
    do_edit_notice,
    do_serve_notice,
)
from caucus.readiness.models import StrikeNotice
from caucus.readiness.notice import countdown

pytestmark = pytest.mark.django_db

URL = "/staff/readiness/national-2026/notices/"


def _start(days: int = 20) -> datetime:
    """6:00 in the morning, ``days`` days from today, in the site's time zone."""
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(6, 0), tzinfo=timezone.get_current_timezone())


def _notice(cast: Any, **fields: Any) -> StrikeNotice:
    defaults: dict[str, Any] = {
        "units": [cast.world.unit_a, cast.world.unit_b],
        "starts_at": _start(),
    }
    return do_draft_notice(cast["team"], cast.world.negotiation, **{**defaults, **fields})


def test_the_team_drafts_a_ten_day_notice_from_the_negotiation(cast: Any) -> None:
    starts = _start()
    response = cast.client("team").post(
        f"{URL}new/",
        {
            "units": [cast.world.unit_a.pk],
            "starts_at": f"{timezone.localtime(starts):%Y-%m-%dT%H:%M}",
            "is_health_care": "on",
            "notice_days": "10",
        },
    )
    notice = StrikeNotice.objects.get()
    assert response["Location"] == f"{URL}{notice.pk}/"
    text = notice.text
    assert "Under Section 8(g) of the National Labor Relations Act, 29 U.S.C. § 158(g)" in text
    assert "To: MegaCorp\nAnd to: Federal Mediation and Conciliation Service\nFrom: Local A" in text
    assert (
        f"to begin at 6:00 AM {timezone.localtime(starts):%Z} on {timezone.localtime(starts):%A, %B} {starts.day}, {starts.year}"
        in text
    )
    assert "- Stores (Local A)" in text
    assert "Local B" not in text
    assert "at least 10 days before the strike begins, as Section 8(g) of the Act requires" in text


def test_the_deadline_is_ten_whole_days_before_the_strike_begins(cast: Any) -> None:
    notice = _notice(cast)
    assert notice.deadline == notice.starts_at - timedelta(days=10)


def test_the_page_counts_down_to_the_deadline(cast: Any) -> None:
    notice = _notice(cast)
    now = notice.deadline - timedelta(days=3, hours=4, minutes=10)
    assert countdown(notice, now).words.startswith("3 days 4 hours left to serve both notices (by ")
    page = html.unescape(cast.client("team").get(f"{URL}{notice.pk}/").content.decode())
    assert 'id="countdown"' in page
    assert "left to serve both notices" in page


def test_serving_on_time_is_recorded_with_the_date_it_was_served(cast: Any) -> None:
    notice = _notice(cast, starts_at=timezone.now() + timedelta(days=12))
    served = timezone.localtime() - timedelta(hours=1)
    response = cast.client("team").post(
        f"{URL}{notice.pk}/",
        {
            "what": "serve",
            "served_at": f"{served:%Y-%m-%dT%H:%M}",
            "served_how": "hand",
            "fmcs_notified_at": f"{served:%Y-%m-%dT%H:%M}",
            "fmcs_how": "email",
        },
    )
    assert response.status_code == 302
    notice.refresh_from_db()
    assert (notice.status, notice.served_how, notice.served_by) == ("served", "hand", cast["team"])
    assert notice.is_timely
    page = cast.client("team").get(f"{URL}{notice.pk}/").content.decode()
    assert "before the strike begins: on time." in page


def test_serving_late_says_when_a_strike_may_lawfully_begin(cast: Any) -> None:
    notice = _notice(cast, starts_at=timezone.now() + timedelta(days=12))
    StrikeNotice.objects.filter(pk=notice.pk).update(starts_at=timezone.now() + timedelta(days=5))
    notice.refresh_from_db()
    served = timezone.now() - timedelta(minutes=5)
    do_serve_notice(
        cast["team"],
        notice,
        served_at=served,
        served_how="hand",
        fmcs_notified_at=served,
        fmcs_how="email",
    )
    assert not notice.is_timely
    assert notice.earliest_lawful_start == served + timedelta(days=10)
    assert countdown(notice).words.startswith(
        "Served after the deadline: the strike may not begin before "
    )


def test_a_start_in_the_past_or_too_soon_for_a_health_care_employer_is_refused(cast: Any) -> None:
    with pytest.raises(ReadinessError, match="must be in the future"):
        _notice(cast, starts_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(ReadinessError, match="at least ten days' notice"):
        _notice(cast, notice_days=5)


def test_an_employer_outside_health_care_may_be_given_other_notice(cast: Any) -> None:
    notice = _notice(cast, is_health_care=False, notice_days=3)
    assert "Section 8(g)" not in notice.text
    assert "at least 3 days before the strike begins." in notice.text


def test_a_notice_once_served_is_not_changed(cast: Any) -> None:
    notice = _notice(cast)
    now = timezone.now()
    do_serve_notice(
        cast["team"],
        notice,
        served_at=now,
        served_how="hand",
        fmcs_notified_at=now,
        fmcs_how="email",
    )
    with pytest.raises(ReadinessError, match="not changed"):
        do_edit_notice(cast["team"], notice, text="Other words")
    assert cast.client("team").get(f"{URL}{notice.pk}/edit/").status_code == 404


def test_the_team_changes_a_drafts_wording(cast: Any) -> None:
    notice = _notice(cast)
    response = cast.client("team").post(
        f"{URL}{notice.pk}/edit/", {"text": "NOTICE OF STRIKE\nOur words."}
    )
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.text == "NOTICE OF STRIKE\nOur words."


def test_organizers_and_officers_never_see_the_notice(cast: Any) -> None:
    notice = _notice(cast)
    for who in ("organizer_a", "officer_a"):
        assert cast.client(who).get(f"{URL}{notice.pk}/").status_code == 403
