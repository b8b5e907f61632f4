from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from caucus.audit.models import AuditEvent
from caucus.table.actions import TableError, do_pass_proposal, do_set_proposal_status
from caucus.table.models import Proposal, ProposalEvent, TentativeAgreement
from tests.table.builders import assert_refused

pytestmark = pytest.mark.django_db

NEW = reverse("table:proposal_new", args=["national-2026"])


def form_data(cast: Any, **fields: Any) -> dict[str, Any]:
    data = {
        "side": "union",
        "kind": "formal",
        "article": cast.world.article_wages.pk,
        "title": "Wages: 6% a year",
        "text": "Employees shall receive a raise of 6% on April 1 of each year.",
        "summary": "Six percent each year.",
        "passed_on": "2026-03-02",
    }
    data.update(fields)
    return data


def a_docx(*paragraphs: str) -> SimpleUploadedFile:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile(
        "proposal.docx",
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


def test_the_team_enters_a_proposal_with_pasted_text(cast: Any) -> None:
    response = cast.client("team").post(NEW, form_data(cast), follow=True)
    proposal = Proposal.objects.get()
    assert proposal.text.startswith("Employees shall receive a raise of 6%")
    assert proposal.created_by == cast["team"]
    assert "Wages: 6% a year" in response.content.decode()


def test_a_proposal_can_be_read_from_an_uploaded_word_document(cast: Any) -> None:
    upload = a_docx("Article 12. Wages", "Employees shall receive 5% on April 1.")
    response = cast.client("team").post(NEW, {**form_data(cast, text=""), "docx": upload})
    assert response.status_code == 302
    assert Proposal.objects.get().text == (
        "Article 12. Wages\nEmployees shall receive 5% on April 1."
    )


def test_a_file_that_is_not_a_word_document_is_refused_with_a_message(cast: Any) -> None:
    upload = SimpleUploadedFile("proposal.docx", b"not a zip at all")
    response = cast.client("team").post(NEW, {**form_data(cast, text=""), "docx": upload})
    assert response.status_code == 400
    assert "not a readable Word (.docx) document" in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_proposal_needs_text_or_a_document(cast: Any) -> None:
    response = cast.client("team").post(NEW, form_data(cast, text=""))
    assert response.status_code == 400
    assert "Paste the proposal" in response.content.decode()


def test_economic_terms_must_be_valid_json(cast: Any) -> None:
    response = cast.client("team").post(NEW, form_data(cast, economic_terms="{raise: 6"))
    assert response.status_code == 400
    assert not Proposal.objects.exists()


def test_economic_terms_are_checked_against_the_costing_schema_field_by_field(cast: Any) -> None:
    terms = '{"raise_pct": [6], "raises": [{"percent": 6}], "term": {"start": "2026-04-01"}}'
    response = cast.client("team").post(NEW, form_data(cast, economic_terms=terms))
    assert response.status_code == 400
    page = response.content.decode()
    assert "raise_pct: unknown field" in page
    assert "raises[0].effective: is required" in page
    assert not Proposal.objects.exists()


def test_costable_economic_terms_are_stored(cast: Any) -> None:
    terms = (
        '{"term": {"start": "2026-04-01", "years": 3},'
        ' "raises": [{"effective": "2026-04-01", "percent": 6}]}'
    )
    cast.client("team").post(NEW, form_data(cast, economic_terms=terms))
    stored = Proposal.objects.get().economic_terms
    assert stored["raises"] == [{"effective": "2026-04-01", "percent": 6}]


def test_a_proposal_answers_only_the_other_sides_proposal(cast: Any, table: Any) -> None:
    ours = table.proposal("union")
    response = cast.client("team").post(NEW, form_data(cast, answers=ours.pk))
    assert response.status_code == 400
    assert "answers one of the other side" in response.content.decode()


@pytest.mark.parametrize("who", ["comms", "observer", "officer_a", "outsider", "member_a"])
def test_only_the_team_may_enter_a_proposal(cast: Any, who: str) -> None:
    assert_refused(cast.client(who).post(NEW, form_data(cast)))
    assert not Proposal.objects.exists()


def test_a_new_pass_supersedes_the_same_sides_open_proposal_on_the_article(
    cast: Any, table: Any
) -> None:
    first = table.proposal("union", title="6%")
    theirs = table.proposal("employer", title="1%")
    other_article = table.proposal("union", article=cast.world.article_seniority)
    cast.client("team").post(NEW, form_data(cast, title="5%", answers=theirs.pk))
    first.refresh_from_db()
    theirs.refresh_from_db()
    other_article.refresh_from_db()
    assert first.status == Proposal.Status.SUPERSEDED
    assert theirs.status == Proposal.Status.OPEN
    assert other_article.status == Proposal.Status.OPEN
    event = ProposalEvent.objects.get(proposal=first)
    assert (event.what, event.from_status, event.to_status) == ("superseded", "open", "superseded")
    audit = AuditEvent.objects.get(action="table.proposal_pass")
    assert audit.detail["superseded"] == [first.pk]


def test_passing_a_proposal_is_all_or_nothing(cast: Any, table: Any, monkeypatch: Any) -> None:
    first = table.proposal("union")

    def audit_fails(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr("caucus.table.actions.record", audit_fails)
    with pytest.raises(RuntimeError):
        do_pass_proposal(
            cast["team"],
            table.negotiation,
            side="union",
            article=cast.world.article_wages,
            title="Second pass",
            text="5% a year.",
        )
    first.refresh_from_db()
    assert first.status == Proposal.Status.OPEN
    assert list(Proposal.objects.all()) == [first]
    assert not ProposalEvent.objects.exists()


def test_the_proposal_page_shows_its_text_and_history_to_the_team(cast: Any, table: Any) -> None:
    proposal = do_pass_proposal(
        cast["team"],
        table.negotiation,
        side="union",
        article=cast.world.article_wages,
        title="Wages 6%",
        text="Six percent.",
    )
    page = cast.client("team").get(proposal.get_absolute_url()).content.decode()
    assert "Six percent." in page
    assert "passed" in page
    assert "Change the status" in page


def test_an_unpublished_proposal_is_not_found_by_staff_outside_the_team(
    cast: Any, table: Any
) -> None:
    draft = table.proposal(is_published=False)
    assert cast.client("observer").get(draft.get_absolute_url()).status_code == 404
    assert cast.client("officer_a").get(draft.get_absolute_url()).status_code == 404
    assert_refused(cast.client("outsider").get(draft.get_absolute_url()))


def test_a_published_proposal_shows_to_observers_without_the_status_form(
    cast: Any, table: Any
) -> None:
    shown = table.proposal(title="Shown to all", is_published=True)
    page = cast.client("observer").get(shown.get_absolute_url()).content.decode()
    assert "Shown to all" in page
    assert "Change the status" not in page


def test_tentatively_agreeing_a_proposal_creates_the_articles_ta(cast: Any, table: Any) -> None:
    session = table.session(on=date(2026, 3, 9))
    theirs = table.proposal("employer", text="Raise of 4%.", session=session)
    response = cast.client("team").post(
        theirs.get_absolute_url(), {"status": "ta", "signed_on": "2026-03-10", "note": "Signed"}
    )
    assert response.status_code == 302
    ta = TentativeAgreement.objects.get()
    assert (ta.article, ta.proposal, ta.session) == (cast.world.article_wages, theirs, session)
    assert ta.text == "Raise of 4%."
    assert ta.signed_on == date(2026, 3, 10)
    theirs.refresh_from_db()
    assert theirs.status == Proposal.Status.TENTATIVELY_AGREED
    assert AuditEvent.objects.filter(action="table.proposal_status").exists()


def test_an_article_cannot_be_agreed_twice(cast: Any, table: Any) -> None:
    do_set_proposal_status(cast["team"], table.proposal("employer"), "ta")
    second = table.proposal("union", article=cast.world.article_wages)
    response = cast.client("team").post(second.get_absolute_url(), {"status": "ta"})
    assert response.status_code == 400
    assert "already has a tentative agreement" in response.content.decode()


def test_withdrawing_and_rejecting_are_recorded_as_events(cast: Any, table: Any) -> None:
    ours, theirs = table.proposal("union"), table.proposal("employer")
    do_set_proposal_status(cast["team"], ours, "withdrawn")
    do_set_proposal_status(cast["team"], theirs, "rejected", note="Too low")
    assert list(ProposalEvent.objects.values_list("to_status", "note")) == [
        ("withdrawn", ""),
        ("rejected", "Too low"),
    ]


def test_a_proposal_cannot_go_back_on_the_table_over_a_newer_one(cast: Any, table: Any) -> None:
    old = table.proposal("union", status=Proposal.Status.WITHDRAWN)
    table.proposal("union")
    with pytest.raises(TableError):
        do_set_proposal_status(cast["team"], old, "open")


@pytest.mark.parametrize("who", ["comms", "observer"])
def test_staff_outside_the_team_cannot_change_a_status(cast: Any, table: Any, who: str) -> None:
    shown = table.proposal(is_published=True)
    response = cast.client(who).post(shown.get_absolute_url(), {"status": "withdrawn"})
    assert response.status_code == 404
    shown.refresh_from_db()
    assert shown.status == Proposal.Status.OPEN


WAGES_SECTIONS = (
    "12.1 Employees shall be paid according to the scales in Appendix B.\n\n"
    "12.2 Effective ratification, all rates shall increase by two percent (2%).\n\n"
    "12.3 Employees who train new hires receive a premium of $1.00 per hour."
)


def _numbered_wages(cast: Any) -> Any:
    article = cast.world.article_wages
    article.current_text = WAGES_SECTIONS
    article.save(update_fields=["current_text"])
    return article


def test_a_counter_that_amends_one_section_is_entered_as_that_amendment(cast: Any) -> None:
    _numbered_wages(cast)
    text = "12.2 All rates shall increase by three percent (3%) each year."
    client = cast.client("team")
    response = client.post(NEW, form_data(cast, text=text, effect="sections"), follow=True)
    proposal = Proposal.objects.get()
    assert proposal.effect == "sections"
    assert proposal.sections == [{"section": "12.2", "action": "amend", "text": text}]
    page = response.content.decode()
    assert "Changes only the sections it names: amends 12.2." in page
    assert "The rest of the article stays as it is." in page


def test_the_form_reads_the_section_numbers_and_asks_the_team_to_confirm(cast: Any) -> None:
    _numbered_wages(cast)
    data = form_data(cast, text="12.2 Three percent.\n\n12.4 Steps are frozen.")
    response = cast.client("team").post(NEW, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Its text numbers section 12.2, 12.4." in page
    assert "“Changes only the sections it names” is selected for you" in page
    assert re.search(r'value="sections"[^>]*checked', page)
    assert not Proposal.objects.exists()
    cast.client("team").post(NEW, {**data, "effect": "sections"})
    assert [(c["section"], c["action"]) for c in Proposal.objects.get().sections] == [
        ("12.2", "amend"),
        ("12.4", "add"),
    ]


def test_a_text_without_section_numbers_replaces_the_article_with_no_question(cast: Any) -> None:
    _numbered_wages(cast)
    assert cast.client("team").post(NEW, form_data(cast)).status_code == 302
    assert Proposal.objects.get().effect == "replace"


def test_deleting_a_section_the_article_does_not_have_is_refused_at_the_field(
    cast: Any,
) -> None:
    _numbered_wages(cast)
    data = form_data(cast, text="12.2 Three percent.", effect="sections", deletes="12.3, 12.9")
    response = cast.client("team").post(NEW, data)
    assert response.status_code == 400
    assert "Article 12: The article has no section 12.9 to delete." in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_pass_entered_without_an_effect_reads_it_from_its_text(cast: Any) -> None:
    article = _numbered_wages(cast)
    proposal = do_pass_proposal(
        cast["team"],
        cast.world.negotiation,
        side="employer",
        article=article,
        title="Wages",
        text="12.2 One percent.",
    )
    assert proposal.effect == "sections"
    assert proposal.sections == [
        {"section": "12.2", "action": "amend", "text": "12.2 One percent."}
    ]


def test_text_before_the_first_section_number_is_refused_when_it_changes_sections(
    cast: Any,
) -> None:
    article = _numbered_wages(cast)
    with pytest.raises(TableError, match="belongs to no section") as caught:
        do_pass_proposal(
            cast["team"],
            cast.world.negotiation,
            side="union",
            article=article,
            title="Wages",
            text="Amend as follows:\n12.2 Three percent.",
            effect="sections",
        )
    assert caught.value.field == "text"


def test_correcting_the_text_of_a_section_amendment_reads_its_sections_again(cast: Any) -> None:
    from caucus.table.actions import do_edit_proposal

    article = _numbered_wages(cast)
    proposal = do_pass_proposal(
        cast["team"],
        cast.world.negotiation,
        side="union",
        article=article,
        title="Wages",
        text="12.2 Three percent.",
        effect="sections",
        sections=[
            {"section": "12.2", "action": "amend", "text": "12.2 Three percent."},
            {"section": "12.3", "action": "delete", "text": ""},
        ],
    )
    changed = do_edit_proposal(cast["team"], proposal, text="12.1 New scales.")
    assert "sections" in changed
    assert [(c["section"], c["action"]) for c in proposal.sections] == [
        ("12.1", "amend"),
        ("12.3", "delete"),
    ]


def test_at_a_session_a_numbered_counter_asks_to_confirm_in_the_pass_form(
    cast: Any, table: Any
) -> None:
    article = _numbered_wages(cast)
    session = table.session()
    url = reverse("table:session", args=["national-2026", session.pk])
    data = {
        "side": "employer",
        "kind": "counter",
        "article": article.pk,
        "title": "Wages: 3%",
        "text": "12.2 Three percent.",
    }
    client = cast.client("team")
    response = client.post(url, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="passes"')
    assert "Its text numbers section 12.2." in page
    assert not Proposal.objects.exists()
    client.post(url, {**data, "effect": "sections"}, HTTP_HX_REQUEST="true")
    assert Proposal.objects.get().sections[0]["section"] == "12.2"
