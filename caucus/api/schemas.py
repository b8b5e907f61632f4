"""What the API sends and accepts, field by field: never a model dumped whole.

Fields marked *internal* are present only for callers who hold the permission named in their
description (``table.view_internal`` for the table, ``updates.edit`` for updates); for everyone
else the key is absent, not null. Inputs refuse what a database would choke on (NUL characters,
unpaired surrogates, non-finite numbers, times with a zone) with a 422 instead of an error.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import AfterValidator, model_validator

# Row ids are 64-bit; anything larger cannot exist and must not reach the database driver.
MAX_ID = 2**63 - 1
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
ARTICLE_NUMBER_PATTERN = r"^[A-Za-z0-9.\-]+$"


def _storable_text(value: str) -> str:
    if "\x00" in value:
        raise ValueError("Text may not contain NUL characters.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("Text must be valid Unicode.") from None
    return value


def _storable_json(value: Any) -> Any:
    def walk(item: Any) -> None:
        if isinstance(item, str):
            _storable_text(item)
        elif isinstance(item, float) and not math.isfinite(item):
            raise ValueError("Numbers must be finite.")
        elif isinstance(item, dict):
            for key, inner in item.items():
                _storable_text(key)
                walk(inner)
        elif isinstance(item, list):
            for inner in item:
                walk(inner)

    walk(value)
    return value


def _naive_time(value: time | None) -> time | None:
    if value is not None and value.tzinfo is not None:
        raise ValueError("Give a local time without a time zone.")
    return value


Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Title = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_storable_text)]
Place = Annotated[str, Field(max_length=200), AfterValidator(_storable_text)]
LongText = Annotated[str, Field(max_length=200_000), AfterValidator(_storable_text)]
ArticleNumber = Annotated[str, Field(min_length=1, max_length=20, pattern=ARTICLE_NUMBER_PATTERN)]
LocalTime = Annotated[time | None, AfterValidator(_naive_time)]
SideName = Literal["union", "employer"]
KindName = Literal["formal", "counter", "option", "supposal"]
StatusName = Literal["open", "withdrawn", "rejected", "superseded", "ta"]


class Message(Schema):
    detail: str | list[dict[str, Any]] = Field(
        description="What went wrong; for a 422, the list of fields refused and why."
    )


class UnitOut(Schema):
    code: str
    name: str
    union: str = Field(description="The local's short name.")


class NegotiationOut(Schema):
    id: int
    slug: str
    name: str
    status: str
    employer: str
    contract_expires: date | None
    units: list[UnitOut]


class ArticleOut(Schema):
    id: int
    number: str
    title: str
    current_text: str
    order: int
    is_economic: bool


class SessionOut(Schema):
    id: int
    date: date
    starts_at: time | None
    ends_at: time | None
    place: str
    public_summary: str
    is_upcoming: bool
    attendees: str | None = Field(None, description="Internal: table.view_internal only.")
    internal_notes: str | None = Field(None, description="Internal: table.view_internal only.")


SectionNumber = Annotated[
    str, Field(min_length=3, max_length=20, pattern=r"^[0-9]+[A-Za-z]?(\.[0-9]+[A-Za-z]?)+$")
]
EffectName = Literal["replace", "sections"]


class SectionChange(Schema):
    section: SectionNumber = Field(description="The section's number, such as 14.2.")
    action: Literal["amend", "add", "delete"]
    text: LongText = Field("", description="The section's new text (none for a deletion).")


class ProposalOut(Schema):
    id: int
    article: str | None = Field(description="The article's number, if the proposal has one.")
    side: str
    kind: str
    title: str
    text: str
    summary: str
    session_id: int | None
    passed_on: date
    answers_id: int | None = Field(
        description="The proposal this one answers, when the caller may see it."
    )
    package_id: int | None
    status: str
    is_published: bool
    economic_terms: dict[str, Any] | list[Any] | None
    effect: EffectName = Field(
        description="What it does to its article: replace it whole (its text is the article), "
        "or change the sections listed in `sections`, applied to the current text."
    )
    sections: list[SectionChange]
    created_by: str | None = Field(None, description="Internal: table.view_internal only.")
    created_at: datetime | None = Field(None, description="Internal: table.view_internal only.")


class TranslationOut(Schema):
    language: str
    title: str
    summary: str
    body: str


class UpdateOut(Schema):
    id: int
    slug: str
    title: str
    summary: str
    body: str
    language: str
    status: str
    published_at: datetime | None
    to_whole_coalition: bool
    unions: list[str] = Field(description="Short names of the locals it is addressed to.")
    translations: list[TranslationOut]
    author: str | None = Field(None, description="Internal: updates.edit only.")
    created_at: datetime | None = Field(None, description="Internal: updates.edit only.")


class SessionIn(Schema):
    date: date
    starts_at: LocalTime = None
    ends_at: LocalTime = None
    place: Place = ""
    attendees: LongText = ""
    internal_notes: LongText = ""
    public_summary: LongText = ""
    another_session: bool = Field(
        False,
        description="A session on a day and place that already has one is refused as a "
        "duplicate unless this says the table really met twice that day.",
    )

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> SessionIn:
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValueError("ends_at must not be before starts_at.")
        return self


class ProposalIn(Schema):
    article: ArticleNumber | None = Field(None, description="The article's number.")
    side: SideName
    kind: KindName = "formal"
    title: Title
    text: LongText = ""
    summary: LongText = ""
    session_id: Id | None = None
    passed_on: date | None = Field(None, description="Defaults to today.")
    answers_id: Id | None = None
    economic_terms: Annotated[dict[str, Any] | None, AfterValidator(_storable_json)] = Field(
        None, description="Costing terms; their shape is defined in docs/costing.md."
    )
    is_published: bool = False
    effect: EffectName | None = Field(
        None,
        description="Replace the article whole, or change sections. Omitted: read from the "
        "text, as the pages suggest it (sections when the text is numbered sections only).",
    )
    sections: list[SectionChange] | None = Field(
        None,
        description="With effect `sections`: the changes. Omitted: read from the text's "
        "section numbers (each amends the article's section of that number, or adds one).",
    )


class _Page(Schema):
    count: int = Field(description="Rows in the whole list, not just this page.")
    limit: int
    offset: int


class NegotiationPage(_Page):
    items: list[NegotiationOut]


class ArticlePage(_Page):
    items: list[ArticleOut]


class SessionPage(_Page):
    items: list[SessionOut]


class ProposalPage(_Page):
    items: list[ProposalOut]


class UpdatePage(_Page):
    items: list[UpdateOut]
