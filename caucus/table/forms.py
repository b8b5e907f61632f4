"""Forms of the bargaining-table pages. Choices of related rows are always limited to the
negotiation at hand, so a crafted POST cannot attach another table's article or request."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils import timezone
from django.utils.formats import date_format

from caucus.engines.redline.amendments import (
    problems,
    read_changes,
    section_numbers,
    suggested_effect,
    unplaced_problem,
)
from caucus.lib.uploads import DocumentField, check_upload_size
from caucus.table.actions import TableError, check_request_dates
from caucus.table.answers import offer_answers
from caucus.table.docx_text import UnreadableDocx, docx_text
from caucus.table.models import (
    Charge,
    ChargeDocument,
    Correspondence,
    DirectDealingReport,
    InformationRequest,
    InformationRequestFollowUp,
    Negotiation,
    Proposal,
    Session,
)
from caucus.table.scheduling import same_day_sessions, time_zone_choices, zone_for_place

DATE = forms.DateInput(attrs={"type": "date"})
TIME = forms.TimeInput(attrs={"type": "time"})
MAX_DOCX_BYTES = 5 * 1024 * 1024


class SessionForm(forms.ModelForm):
    another_session = forms.BooleanField(
        label="This is another session held that day",
        required=False,
        help_text="Only when the table really met twice that day.",
    )

    class Meta:
        model = Session
        fields = [
            "date",
            "starts_at",
            "ends_at",
            "place",
            "time_zone",
            "attendees",
            "internal_notes",
            "public_summary",
        ]
        widgets = {"date": DATE, "starts_at": TIME, "ends_at": TIME}
        labels = {"time_zone": "Time zone"}

    def __init__(self, *args: Any, negotiation: Negotiation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.negotiation = negotiation
        self.same_day: list[Session] = []
        current = self.instance.time_zone if self.instance.pk else None
        self.fields["time_zone"].widget = forms.Select(choices=time_zone_choices(current))
        self.fields["place"].widget.attrs["list"] = "known-places"
        self.fields["time_zone"].required = False
        if self.instance.pk is None:
            place = str(self.data.get("place", "") if self.is_bound else "")
            self.initial.setdefault("time_zone", zone_for_place(negotiation, place))
        else:
            del self.fields["another_session"]

    def clean(self) -> dict[str, Any]:
        """A second session on a day and place that already has one is most likely the same
        session: it is recorded only when the team says it is another."""
        data = super().clean() or {}
        if not data.get("time_zone"):
            data["time_zone"] = self.instance.time_zone if self.instance.pk else ""
        day = data.get("date")
        if day is None or "another_session" not in self.fields:
            return data
        # Shown above the form; do_record_session refuses the same session twice.
        self.same_day = list(same_day_sessions(self.negotiation, day, data.get("place", "")))
        return data

    def session_fields(self) -> dict[str, Any]:
        """What :func:`do_record_session` (with ``another_session``) / :func:`do_edit_session`
        take."""
        return dict(self.cleaned_data)


# What a proposal does to its article, in words that do not name the article field.
EFFECT_CHOICES: list[tuple[str, str]] = [
    ("sections", "Changes only the sections it names"),
    ("replace", "Replaces the whole text with its own"),
]


class ProposalForm(forms.ModelForm):
    deletes = forms.CharField(
        label="Sections it deletes (optional)",
        required=False,
        max_length=500,
        help_text="Their numbers, such as 14.3, 14.4. When it changes only the sections it "
        "names, each section numbered in its text amends that section of the article, or adds "
        "it when the article has none.",
    )
    docx = forms.FileField(
        label="…or upload a Word document (.docx)",
        required=False,
        help_text="Its text replaces the box above. Formatting is not kept.",
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".docx,application/vnd.openxmlformats-officedocument"
                ".wordprocessingml.document"
            }
        ),
    )

    class Meta:
        model = Proposal
        fields = [
            "side",
            "kind",
            "article",
            "title",
            "text",
            "docx",
            "effect",
            "deletes",
            "summary",
            "session",
            "passed_on",
            "answers",
            "package",
            "is_published",
        ]
        labels = {
            "text": "Text (paste it here)",
            "answers": "Answers which proposal",
            "is_published": "Published to members",
            "effect": "What it does to the article",
        }
        widgets = {"passed_on": DATE, "effect": forms.RadioSelect}

    def __init__(self, *args: Any, negotiation: Negotiation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.negotiation = negotiation
        querysets = {
            "article": negotiation.articles.all(),
            "session": negotiation.sessions.all(),
            "package": negotiation.packages.all(),
        }
        for name, queryset in querysets.items():
            if name in self.fields:
                self.fields[name].queryset = queryset  # type: ignore[attr-defined]
        offer_answers(self, negotiation)
        # A new pass's effect is chosen, not assumed: unset until the person picks it (or
        # confirms the one read from its text, see _clean_effect).
        self.fields["effect"].required = False
        self.fields["effect"].choices = EFFECT_CHOICES  # type: ignore[attr-defined]
        if self.instance.pk is None:
            self.initial["effect"] = ""
        self.initial["deletes"] = ", ".join(
            c["section"] for c in self.instance.sections if c.get("action") == "delete"
        )

    def clean_docx(self) -> Any:
        upload = self.cleaned_data.get("docx")
        if upload:
            check_upload_size(upload, MAX_DOCX_BYTES)
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("docx")
        if upload and data.get("text", "").strip():
            raise ValidationError("Paste the text or upload a document, not both.")
        if upload:
            try:
                data["text"] = docx_text(upload, name=upload.name)
            except UnreadableDocx as exc:
                self.add_error("docx", str(exc))
                return data
            if not data["text"]:
                self.add_error("docx", "The document has no text.")
        self._clean_effect(data)
        return data

    def _clean_effect(self, data: dict[str, Any]) -> None:
        """``sections`` from the text's section numbers and the deletions named; with no
        effect chosen, the one read from the text is selected for the person to confirm."""
        article, text = data.get("article"), data.get("text") or ""
        current = article.current_text if article else ""
        effect = data.get("effect") or (self.instance.pk and self.instance.effect)
        suggestion = suggested_effect(current, text) if article else Proposal.Effect.REPLACE
        if not effect and suggestion == Proposal.Effect.REPLACE and not data.get("deletes"):
            effect = data["effect"] = suggestion  # no section numbers: nothing to confirm
        if not effect:
            chosen = {self.add_prefix("effect"): suggestion}
            if isinstance(self.data, QueryDict):
                copied = self.data.copy()
                copied.update(chosen)
                self.data = copied
            else:
                self.data = {**self.data, **chosen}
            numbers = section_numbers(text)
            read = f"Its text numbers section {', '.join(numbers)}. " if numbers else ""
            self.add_error(
                "effect",
                f"Say what the proposal does to the article. {read}"
                f"“{dict(EFFECT_CHOICES)[suggestion]}” is selected for you: check it, "
                "then enter the proposal again.",
            )
            return
        data["effect"], data["sections"] = effect, []
        if effect != Proposal.Effect.SECTIONS:
            return
        if article is None:
            self.add_error("article", "Choose the article whose sections it changes.")
            return
        deletes = [n for n in re.split(r"[\s,;]+", data.get("deletes") or "") if n]
        changes, unplaced = read_changes(current, text, deletes)
        wrong = problems(current, changes)
        if unplaced:
            self.add_error("text", unplaced_problem(unplaced))
        elif wrong:
            field = "deletes" if any(w.section in deletes for w in wrong) else "effect"
            self.add_error(field, f"Article {article.number}: {' '.join(map(str, wrong))}")
        data["sections"] = [c.as_data() for c in changes]

    def proposal_fields(self) -> dict[str, Any]:
        """What :func:`do_pass_proposal` needs, without the upload itself."""
        return {k: v for k, v in self.cleaned_data.items() if k not in ("docx", "deletes")}


def add_table_error(form: forms.BaseForm, error: TableError) -> None:
    """Show a rule the table's action refused at the field it names (or above the form)."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


class SessionProposalForm(ProposalForm):
    """A proposal passed at a session being recorded: the session and date come from it."""

    class Meta(ProposalForm.Meta):
        fields = [f for f in ProposalForm.Meta.fields if f not in ("session", "passed_on")]


class ProposalEditForm(ProposalForm):
    """Correcting a proposal after it was entered. The side, the session it was passed at and
    its status are not edited here: the side and session are facts of the pass, and the status
    has its own form (which writes the tentative agreement)."""

    class Meta(ProposalForm.Meta):
        fields = [f for f in ProposalForm.Meta.fields if f not in ("side", "session")]


class ProposalStatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (Proposal.Status.WITHDRAWN, "Withdrawn"),
            (Proposal.Status.REJECTED, "Rejected"),
            (Proposal.Status.TENTATIVELY_AGREED, "Tentatively agreed (creates the TA)"),
            (Proposal.Status.OPEN, "Back on the table"),
        ]
    )
    signed_on = forms.DateField(
        required=False, widget=DATE, label="TA signed on", help_text="For a tentative agreement."
    )
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))


class InformationRequestForm(forms.ModelForm):
    class Meta:
        model = InformationRequest
        fields = [
            "number",
            "title",
            "items",
            "asked_on",
            "acknowledged_on",
            "due_on",
            "answered_on",
            "status",
            "answer",
        ]
        widgets = {
            "asked_on": DATE,
            "acknowledged_on": DATE,
            "due_on": DATE,
            "answered_on": DATE,
        }

    def __init__(self, *args: Any, negotiation: Negotiation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.negotiation = negotiation

    def clean(self) -> dict[str, Any]:
        # The action's own rule, asked here too so its message shows at the field before the
        # database constraint's generic one would.
        data = super().clean() or {}
        try:
            check_request_dates(data)
        except TableError as error:
            add_table_error(self, error)
        return data


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = InformationRequestFollowUp
        fields = ["on", "kind", "note"]
        widgets = {"on": DATE, "note": forms.Textarea(attrs={"rows": 3})}
        labels = {"on": "Date"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate


class TurnIntoChargeForm(forms.Form):
    requests = forms.ModelMultipleChoiceField(
        queryset=InformationRequest.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Requests to cite as evidence",
    )
    title = forms.CharField(max_length=200, required=False, help_text="Leave empty for a default.")

    def __init__(self, *args: Any, negotiation: Negotiation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["requests"].queryset = negotiation.information_requests.all()  # type: ignore[attr-defined]


class LetterChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        day = date_format(obj.sent_on, "SHORT_DATE_FORMAT")
        return f"{day} {obj.sender} to {obj.recipient}: {obj.subject}"


class ReportChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        day = date_format(obj.received_on, "SHORT_DATE_FORMAT")
        return f"{obj.get_channel_display()} {day}: {obj.subject or obj.text[:40]}"


class ChargeForm(forms.ModelForm):
    # Letters point at the charges they concern (Correspondence.charges): the form sets the
    # other end, through do_file_charge / do_edit_charge.
    evidence_letters = LetterChoices(
        queryset=Correspondence.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Letters",
    )
    evidence_reports = ReportChoices(
        queryset=DirectDealingReport.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Evidence reports",
    )

    class Meta:
        model = Charge
        fields = [
            "title",
            "agency",
            "case_number",
            "status",
            "filed_on",
            "allegations",
            "evidence_requests",
            "evidence_reports",
        ]
        widgets = {
            "filed_on": DATE,
            "evidence_requests": forms.CheckboxSelectMultiple,
            "evidence_reports": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, negotiation: Negotiation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.negotiation = negotiation
        self.fields["evidence_requests"].queryset = negotiation.information_requests.all()  # type: ignore[attr-defined]
        self.fields["evidence_reports"].queryset = negotiation.direct_dealing.all()  # type: ignore[attr-defined]
        letters = self.fields["evidence_letters"]
        letters.queryset = Correspondence.objects.filter(negotiation=negotiation)  # type: ignore[attr-defined]
        if self.instance.pk:
            letters.initial = list(self.instance.letters.values_list("pk", flat=True))


class ChargeDocumentForm(forms.ModelForm):
    file = DocumentField(label="Document")

    class Meta:
        model = ChargeDocument
        fields = ["title", "file"]


class ReportReviewForm(forms.Form):
    """A plain form, so the report keeps its old status until the review action runs."""

    status = forms.ChoiceField(choices=DirectDealingReport.Status.choices)
    staff_notes = forms.CharField(required=False, widget=forms.Textarea)


class ReportLogForm(forms.ModelForm):
    """Staff logging an employer message themselves."""

    attachment = DocumentField(label="Attachment (optional)", required=False)

    class Meta:
        model = DirectDealingReport
        fields = ["received_on", "channel", "sender", "subject", "text", "attachment", "worksite"]
        widgets = {"received_on": DATE}
        labels = {"text": "The message, as received"}


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        required=False,
        choices=[("", "Every status"), *DirectDealingReport.Status.choices],
    )


class SearchForm(forms.Form):
    q = forms.CharField(label="Search proposals and sessions", max_length=200, required=False)
