"""The staff forms of votes. Each only parses; the actions check the vote's rules and their
refusals (``VoteError``) are placed at the field they name (``place_error``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django import forms
from django.conf import settings
from django.utils import timezone

from caucus.accounts.models import User
from caucus.engines.ballots import RuleError
from caucus.orgs.models import BargainingUnit, Union
from caucus.sheets.models import Sheet
from caucus.table.models import Article, Negotiation
from caucus.votes import rules
from caucus.votes.errors import VoteError
from caucus.votes.models import ChallengedBallot, Kind, Vote, VoteRole

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _choices(form: forms.Form, name: str) -> forms.ModelChoiceField:
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{name} chooses no rows")
    return field


def place_error(form: forms.Form, error: VoteError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


class LocalDateTimeField(forms.DateTimeField):
    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class VoteForm(forms.Form):
    title = forms.CharField(max_length=200, label="Name of the vote (for staff)")
    kind = forms.ChoiceField(choices=Kind.choices)
    units = forms.ModelMultipleChoiceField(
        queryset=BargainingUnit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Bargaining units whose members vote",
    )
    cutoff = forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}),
        label="Eligibility cut-off",
        help_text="Members in good standing hired by this date are on the roll.",
    )
    opens_at = LocalDateTimeField(label="Opens (in the vote's time zone)")
    closes_at = LocalDateTimeField(label="Closes (in the vote's time zone)")
    time_zone = forms.CharField(max_length=64, initial=settings.TIME_ZONE)
    online = forms.BooleanField(required=False, initial=True, label="Online, by phone or computer")
    paper = forms.BooleanField(required=False, initial=True, label="On paper at worksite meetings")
    preset = forms.ChoiceField(choices=rules.preset_choices(), label="Rule")
    rule_text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
        required=False,
        label="Custom rule (TOML, as in docs/votes.md)",
        help_text="Used when the rule above is Custom. Locals are named by their web address (slug).",
    )
    articles = forms.ModelMultipleChoiceField(
        queryset=Article.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="The tentative agreement's articles (shown with the ballot)",
    )
    sheet = forms.ModelChoiceField(
        queryset=Sheet.objects.none(), required=False, label="Comparison sheet to link"
    )
    links_costing = forms.BooleanField(
        required=False, label="Link the published costing page (“what it means for me”)"
    )

    def __init__(self, *args: Any, negotiation: Negotiation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.negotiation = negotiation
        _choices(self, "units").queryset = negotiation.units.select_related("union")
        _choices(self, "articles").queryset = Article.objects.filter(
            negotiation=negotiation, tentative_agreements__isnull=False
        )
        _choices(self, "sheet").queryset = Sheet.objects.filter(
            negotiation=negotiation, status=Sheet.Status.PUBLISHED
        )

    @classmethod
    def initial_for(cls, vote: Vote) -> dict[str, Any]:
        zone = ZoneInfo(vote.time_zone)
        return {
            "title": vote.title,
            "kind": vote.kind,
            "units": list(vote.units.all()),
            "cutoff": vote.cutoff,
            "opens_at": timezone.localtime(vote.opens_at, zone) if vote.opens_at else None,
            "closes_at": timezone.localtime(vote.closes_at, zone) if vote.closes_at else None,
            "time_zone": vote.time_zone,
            "online": vote.online,
            "paper": vote.paper,
            "preset": rules.preset_for(vote.rule),
            "rule_text": rules.rule_toml(vote.rule),
            "articles": list(vote.articles.all()),
            "sheet": vote.sheet,
            "links_costing": vote.links_costing,
        }

    def clean_time_zone(self) -> str:
        zone: str = self.cleaned_data["time_zone"].strip()
        if zone not in available_timezones():
            raise forms.ValidationError("Choose a time zone such as America/Chicago.")
        return zone

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        try:
            data["rule"] = rules.rule_of(data.get("preset", ""), data.get("rule_text", ""))
        except RuleError as refused:
            self.add_error("rule_text", "; ".join(refused.messages))
        zone_name = data.get("time_zone")
        if zone_name:
            for name in ("opens_at", "closes_at"):
                data[name] = _in_zone(data.get(name), zone_name)
        return data

    def fields_for_action(self) -> dict[str, Any]:
        data = self.cleaned_data
        names = ("title", "kind", "rule", "opens_at", "closes_at", "time_zone", "online", "paper")
        fields = {name: data[name] for name in names}
        fields.update(
            cutoff=data["cutoff"], sheet=data["sheet"], links_costing=data["links_costing"]
        )
        return fields


def _in_zone(moment: datetime | None, zone_name: str) -> datetime | None:
    """A date and time typed in the vote's zone, as an aware moment."""
    if moment is None:
        return None
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        return moment
    return moment.replace(tzinfo=None).replace(tzinfo=zone)


class TextForm(forms.Form):
    """The ballot in one language (the form's prefix is the language)."""

    question = forms.CharField(max_length=300, required=False)
    explanation = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Markdown: what a yes and a no mean.",
    )
    yes_label = forms.CharField(max_length=100, required=False, label="The yes answer")
    no_label = forms.CharField(max_length=100, required=False, label="The no answer")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("question") and not (data.get("yes_label") and data.get("no_label")):
            raise forms.ValidationError("Write both answers as the ballot shows them.")
        return data


def text_forms(vote: Vote, data: Any = None) -> list[tuple[str, str, TextForm]]:
    """(code, name, form) for each language: English and Spanish first, then the others."""
    texts = {t.language: t for t in vote.texts.all()}
    codes = ["en", "es"] + [code for code in LANGUAGE_NAMES if code not in ("en", "es")]
    out = []
    for code in codes:
        text = texts.get(code)
        initial = (
            {k: getattr(text, k) for k in ("question", "explanation", "yes_label", "no_label")}
            if text
            else {}
        )
        form = TextForm(data, prefix=code, initial=initial)
        out.append((code, LANGUAGE_NAMES.get(code, code), form))
    return out


class KeyForm(forms.Form):
    """One passphrase for each trustee, typed by the trustee at the key ceremony."""

    def __init__(self, *args: Any, trustees: list[VoteRole], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for role in trustees:
            self.fields[f"passphrase_{role.user_id}"] = forms.CharField(
                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                label=f"Passphrase of {role.user} (typed by them; at least 12 characters)",
                strip=False,
            )

    def passphrases(self) -> dict[int, str]:
        return {
            int(name.removeprefix("passphrase_")): value
            for name, value in self.cleaned_data.items()
        }


class KeyFileForm(forms.Form):
    key_file = forms.FileField(label="Trustee key file (.json)")
    passphrase = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}), strip=False
    )

    def text(self) -> bytes:
        upload = self.cleaned_data["key_file"]
        if upload.size > 64 * 1024:
            return b""
        data: bytes = upload.read()
        return data


class RoleForm(forms.Form):
    user = forms.ModelChoiceField(queryset=User.objects.none(), label="Person")
    role = forms.ChoiceField(choices=VoteRole.Role.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "user").queryset = (
            User.objects.filter(role_grants__isnull=False).distinct().order_by("username")
        )


class CountsForm(forms.Form):
    union = forms.ModelChoiceField(queryset=Union.objects.none(), label="Local")
    yes = forms.IntegerField(min_value=0, widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
    no = forms.IntegerField(min_value=0, widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
    void = forms.IntegerField(
        min_value=0,
        initial=0,
        label="Blank or spoiled",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, vote: Vote, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "union").queryset = Union.objects.filter(pk__in=list(vote.local_keys()))

    def counts(self) -> tuple[int, int, int]:
        data = self.cleaned_data
        return (data["yes"], data["no"], data["void"])


class ChallengedForm(forms.Form):
    union = forms.ModelChoiceField(queryset=Union.objects.none(), label="Local where it is cast")
    name = forms.CharField(max_length=200, label="Name, as the member gives it")
    member_number = forms.CharField(max_length=40, required=False, label="Member number, if known")
    reason = forms.ChoiceField(choices=ChallengedBallot.Reason.choices)
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    choice = forms.ChoiceField(
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
        label="The member's choice (hand them the phone: they choose, out of your sight)",
    )

    def __init__(self, *args: Any, vote: Vote, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "union").queryset = Union.objects.filter(pk__in=list(vote.local_keys()))


class DecideForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", "Accept: count it"), ("reject", "Reject")])
    note = forms.CharField(required=False, label="Why")


class SearchForm(forms.Form):
    q = forms.CharField(required=False, label="Name or member number", max_length=100)
