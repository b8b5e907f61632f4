"""The e-mail of an update, rendered once per language and personalized per recipient.

``compose(send, language)`` renders the Django templates once (the update's reviewed text in
that language, or the fallback chain ``es-MX`` → ``es`` → the original; the Markdown made
HTML; the sheet's PDF and the documents attached when small, linked when not) and returns a
``Letter`` with holes for the person. ``Letter.message(...)`` fills them and returns the
message's bytes: a plain-text part beside the HTML, ``List-Unsubscribe`` with
``List-Unsubscribe-Post: List-Unsubscribe=One-Click`` (RFC 8058), and a ``Message-ID`` made
from the outbox row, the same on every attempt so a receiver can fold a repeat. No tracking
pixel and no rewritten links.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass, field
from email.header import Header
from email.utils import formatdate
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from caucus.delivery.links import links_for
from caucus.lib.markdown import render_markdown

NAME = "@@caucus-name@@"
PREFERENCES = "@@caucus-preferences@@"
UNSUBSCRIBE = "@@caucus-unsubscribe@@"
CRLF = b"\r\n"


@dataclass(frozen=True)
class Attachment:
    name: str
    content: bytes
    mimetype: str


@dataclass
class Letter:
    """One language's message with holes for the person it goes to."""

    language: str
    subject: str
    text: str
    html: str
    attachments: list[Attachment] = field(default_factory=list)
    _subject_header: bytes = b""
    _attachment_parts: bytes = b""

    def __post_init__(self) -> None:
        subject = " ".join(self.subject.split())  # no line breaks in a header
        self._subject_header = (
            subject.encode("ascii")
            if subject.isascii()
            else Header(subject, "utf-8").encode().encode("ascii")
        )
        self._attachment_parts = b"".join(_attachment_part(a) for a in self.attachments)

    def message(self, *, to: str, name: str, member_id: int, message_id: str) -> bytes:
        """The message's bytes (CRLF line ends) for one member."""
        preferences, unsubscribe = links_for(member_id)
        text = (
            self.text.replace(NAME, name)
            .replace(PREFERENCES, preferences)
            .replace(UNSUBSCRIBE, unsubscribe)
        )
        html = (
            self.html.replace(NAME, escape(name))
            .replace(PREFERENCES, preferences)
            .replace(UNSUBSCRIBE, unsubscribe)
        )
        alternative = _multipart(
            b"alternative",
            message_id,
            _text_part(b"text/plain", text) + _text_part(b"text/html", html),
        )
        headers = [
            b"From: " + settings.CAUCUS_DELIVERY_FROM.encode(),
            b"To: " + to.encode(),
            b"Subject: " + self._subject_header,
            b"Date: " + formatdate().encode(),
            b"Message-ID: " + message_id.encode(),
            b"MIME-Version: 1.0",
            b"Content-Language: " + self.language.encode(),
            b"List-Unsubscribe: <" + unsubscribe.encode() + b">",
            b"List-Unsubscribe-Post: List-Unsubscribe=One-Click",
            b"Auto-Submitted: auto-generated",
        ]
        if self.attachments:
            parts = b"--@@boundary@@" + CRLF + alternative + self._attachment_parts
            body = _multipart(b"mixed", message_id, parts)
        else:
            body = alternative
        return CRLF.join(headers) + CRLF + body


def _boundary(seed: str) -> bytes:
    return b"=_caucus_" + hashlib.blake2b(seed.encode(), digest_size=12).hexdigest().encode()


def _multipart(kind: bytes, seed: str, parts: bytes) -> bytes:
    """``parts`` are each ``--BOUNDARY`` + part; returns the headers and body of the whole."""
    boundary = _boundary(seed + kind.decode())
    body = parts.replace(b"--@@boundary@@", b"--" + boundary)
    return (
        b'Content-Type: multipart/' + kind + b'; boundary="' + boundary + b'"' + CRLF + CRLF
        + body + b"--" + boundary + b"--" + CRLF
    )  # fmt: skip


def _wrapped_base64(data: bytes) -> bytes:
    return base64.encodebytes(data).replace(b"\n", CRLF)


def _text_part(mimetype: bytes, text: str) -> bytes:
    return (
        b"--@@boundary@@" + CRLF
        + b"Content-Type: " + mimetype + b"; charset=utf-8" + CRLF
        + b"Content-Transfer-Encoding: base64" + CRLF + CRLF
        + _wrapped_base64(text.encode())
    )  # fmt: skip


def _attachment_part(attachment: Attachment) -> bytes:
    plain = attachment.name.replace('"', "")
    name = (
        plain.encode("ascii")
        if plain.isascii()
        else Header(plain, "utf-8").encode().encode("ascii")
    )
    return (
        b"--@@boundary@@" + CRLF
        + b"Content-Type: " + attachment.mimetype.encode() + b'; name="' + name + b'"' + CRLF
        + b'Content-Disposition: attachment; filename="' + name + b'"' + CRLF
        + b"Content-Transfer-Encoding: base64" + CRLF + CRLF
        + _wrapped_base64(attachment.content)
    )  # fmt: skip


def message_id(outbox_id: int, update_id: int) -> str:
    """The row's Message-ID: the same on every attempt; its tag lets a DSN name the row."""
    tag = hmac.new(
        settings.SECRET_KEY.encode(), f"{outbox_id}.{update_id}".encode(), hashlib.sha256
    ).hexdigest()[:10]
    return f"<caucus.{outbox_id}.{update_id}.{tag}@{settings.CAUCUS_DELIVERY_MESSAGE_ID_DOMAIN}>"


def outbox_id_of(message_id_header: str) -> int | None:
    """The outbox row a Message-ID of ours names (checked against its tag), or None."""
    value = message_id_header.strip().strip("<>").split("@")[0]
    parts = value.split(".")
    if len(parts) != 4 or parts[0] != "caucus" or not (parts[1].isdigit() and parts[2].isdigit()):
        return None
    outbox_id, update_id = int(parts[1]), int(parts[2])
    return (
        outbox_id if message_id(outbox_id, update_id).strip("<>").split("@")[0] == value else None
    )


def _documents(update: Any, attach: bool) -> tuple[list[Attachment], list[tuple[str, str]]]:
    """What goes with the e-mail: small files attached, the rest linked as (title, url)."""
    limit = settings.CAUCUS_DELIVERY_ATTACH_MAX_KB * 1024
    attached: list[Attachment] = []
    linked: list[tuple[str, str]] = []
    for sheet in update.sheets.filter(status="published").select_related("published_version"):
        version = sheet.published_version
        url = settings.SITE_URL + reverse(
            "sheets_site:pdf", args=[update.negotiation.slug, sheet.pk]
        )
        if attach and version.pdf and version.pdf.size <= limit:
            with version.pdf.open("rb") as handle:
                attached.append(Attachment(f"{sheet.title}.pdf", handle.read(), "application/pdf"))
        else:
            linked.append((sheet.title, url))
    for document in update.documents.all():
        url = settings.SITE_URL + document.get_public_url()
        if attach and document.size <= limit:
            with document.file.open("rb") as handle:
                suffix = Path(document.original_name).suffix.lower()
                mimetype = "application/pdf" if suffix == ".pdf" else "application/octet-stream"
                attached.append(Attachment(document.original_name, handle.read(), mimetype))
        else:
            linked.append((document.title, url))
    return attached, linked


def compose(update: Any, language: str, *, attach: bool = True) -> Letter:
    """The update's e-mail in ``language`` (or the nearest reviewed text), holes for the person."""
    text = update.text_in(language)
    shown_language = text.language
    page = settings.SITE_URL + update.get_absolute_url()
    if shown_language != update.language:
        page += f"?lang={shown_language}"
    attachments, links = _documents(update, attach)
    context = {
        "update": update,
        "text": text,
        "body_html": render_markdown(text.body),
        "page_url": page,
        "links": links,
        "attachments": attachments,
        "name": NAME,
        "preferences_url": PREFERENCES,
        "unsubscribe_url": UNSUBSCRIBE,
        "coalition": update.negotiation.coalition,
    }
    with translation.override(shown_language):
        return Letter(
            language=shown_language,
            subject=text.title,
            text=render_to_string("delivery/email/update.txt", context),
            html=render_to_string("delivery/email/update.html", context),
            attachments=attachments,
        )
