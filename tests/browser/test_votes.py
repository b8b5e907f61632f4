"""A vote in a real browser, as a new user would: a member votes on a 360 px phone in Spanish,
confirms and gets a receipt; a teller strikes a paper voter off on a phone; the trustee tallies
with their key file and the results show each local with its reason. axe finds nothing
serious or critical on any of these pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from caucus.votes import ballot_box, credentials, paper, states
from caucus.votes.models import Ballot, Voter
from tests.browser.conftest import axe_violations
from tests.votes.conftest import quick_trustee_files
from tests.votes.helpers import PASSPHRASE, members, open_vote

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def _sign_in(page: Any, base: str, cast: Any, name: str, then: str) -> None:
    device = TOTPDevice.objects.create(user=cast[name], name="phone", confirmed=True)
    page.goto(f"{base}/accounts/login/?next={then}")
    page.get_by_label("User name or e-mail").fill(name)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    code = f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"
    page.get_by_label("Six-digit code from your authenticator app").fill(code)
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url(f"{base}{then}")


def _fits(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"])


@pytest.fixture
def vote(cast: Any, monkeypatch: Any) -> tuple[Any, str, dict[str, str]]:
    """An open vote: local A has A-100 and A-1..A-12 (A-1 to A-12 read Spanish), local B
    B-1, B-2. Every voter has a code."""
    quick_trustee_files(monkeypatch)
    members(cast.world, a=12, b=2)
    vote, key_file = open_vote(cast)
    issued = credentials.issue_credentials(list(vote.voters.values_list("pk", flat=True)))
    keys = dict(Voter.objects.values_list("pk", "key"))
    return vote, key_file, {keys[pk]: code for pk, code in issued.items()}


def test_a_member_votes_in_spanish_on_a_phone_and_gets_a_receipt(
    live_server: Any, browser: Any, vote: Any
) -> None:
    the_vote, _, codes = vote
    phone = browser.new_context(viewport=PHONE, locale="es-US").new_page()
    phone.goto(f"{live_server.url}{the_vote.get_public_url()}?code={codes['local-a:A-1']}")
    assert phone.locator("html").get_attribute("lang") == "es"
    assert "¿Autoriza usted una huelga?" in phone.locator("h1").inner_text()
    assert axe_violations(phone) == []
    assert _fits(phone)

    phone.get_by_role("button", name="Revisar mi voto").click()  # nothing chosen yet
    assert phone.get_by_label("Sí, autorizo una huelga").is_visible()
    phone.get_by_label("Sí, autorizo una huelga").check()
    phone.keyboard.press("Tab")
    phone.get_by_role("button", name="Revisar mi voto").click()

    phone.get_by_text("Usted eligió:").wait_for()
    assert "Sí, autorizo una huelga" in phone.locator(".chosen").inner_text()
    assert not Ballot.objects.exists()  # the confirmation casts nothing
    assert axe_violations(phone) == []
    phone.get_by_role("button", name="Emitir mi voto").focus()
    phone.keyboard.press("Enter")

    phone.get_by_role("heading", name="Su voto ha sido emitido").wait_for()
    receipt = phone.locator("#receipt").inner_text()
    assert receipt == Ballot.objects.get().receipt
    assert axe_violations(phone) == []
    assert _fits(phone)

    phone.goto(f"{live_server.url}{the_vote.get_public_url()}?code={codes['local-a:A-1']}")
    assert "Ya ha votado" in phone.locator("h1").inner_text()
    assert Ballot.objects.count() == 1
    phone.context.close()


def test_a_teller_strikes_a_paper_voter_off_on_a_phone(
    live_server: Any, browser: Any, cast: Any, vote: Any
) -> None:
    the_vote, _, codes = vote
    ballot_box.cast_ballot(the_vote, codes["local-a:A-3"], "no")
    phone = browser.new_context(viewport=PHONE).new_page()
    strike = f"/staff/votes/{the_vote.pk}/strike/"
    _sign_in(phone, live_server.url, cast, "officer_a", strike)

    phone.get_by_label("Name or member number").fill("Ana1")  # A-2, as the teller types
    found = phone.locator("#found")
    found.get_by_role("button", name="Strike off Ana1 Parks").wait_for()
    assert axe_violations(phone) == []
    assert _fits(phone)
    found.get_by_role("button", name="Strike off Ana1 Parks").click()
    assert (
        "Ana1 Parks (A-2) is struck off: hand them a ballot." in phone.locator("main").inner_text()
    )
    assert Voter.objects.get(key="local-a:A-2").channel == "paper"

    phone.get_by_label("Name or member number").fill("Ana2")  # A-3 voted online
    phone.get_by_text("already voted online: no paper ballot").wait_for()
    assert not found.get_by_role("button").count()
    phone.context.close()


def test_the_trustee_tallies_and_the_results_show_each_local_with_its_reason(
    live_server: Any, page: Any, cast: Any, vote: Any, tmp_path: Path
) -> None:
    the_vote, key_file, codes = vote
    for n in range(1, 12):
        ballot_box.cast_ballot(the_vote, codes[f"local-a:A-{n}"], "yes" if n <= 8 else "no")
    ballot_box.cast_ballot(the_vote, codes["local-b:B-1"], "yes")
    paper.do_strike_off(cast["officer_a"], Voter.objects.get(key="local-a:A-12"))
    for teller in ("officer_a", "team"):
        paper.do_enter_paper_count(cast[teller], the_vote, cast.world.union_a, (1, 0, 0))
    states.do_close_vote(cast["team"], the_vote)
    saved = tmp_path / "observer.json"
    saved.write_text(key_file)

    tally = f"/staff/votes/{the_vote.pk}/tally/"
    _sign_in(page, live_server.url, cast, "observer", tally)
    assert axe_violations(page) == []
    page.get_by_label("Trustee key file (.json)").set_input_files(str(saved))
    page.get_by_label("Passphrase").fill(PASSPHRASE)
    page.get_by_role("button", name="Open the ballots and count").click()

    page.get_by_text("Counted. The results are below.").wait_for()
    table = page.locator("#results-table")
    local_a = table.get_by_role("row", name="Local A")
    assert "✓ passes" in local_a.inner_text()
    reasons = page.locator(".reasons").inner_text()
    assert "Fewer than 10 members voted here, so the counts are not shown." in reasons
    # Local A's 9 yes beside the total's 10 would give Local B's one vote away.
    assert "9 yes of 12" not in page.locator("main").inner_text()
    assert (
        "Not shown, so that the counts of a local where fewer than 10 members voted cannot be "
        "worked out by subtraction."
    ) in reasons
    together = table.get_by_role("row", name="All locals together").locator("td")
    assert together.all_inner_texts()[1:3] == ["10", "3"]  # yes and no, after the eligible
    assert axe_violations(page) == []
