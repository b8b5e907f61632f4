"""Printed letters for members without a personal e-mail: one PDF, a page per voter, sorted
by worksite and name (so a steward hands out a worksite's letters in one pile), each in the
member's language with their voting code, its link and a QR code of the link."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import qrcode
import qrcode.image.svg
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from caucus.votes.credentials import ballot_link, grouped, in_zone, vote_address
from caucus.votes.models import Vote, Voter


def qr_svg(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg: bytes = image.to_string()
    return svg.decode("utf-8").split("?>", 1)[-1]  # inline: without the XML declaration


def letter_page(vote: Vote, voter: Voter, credential: str) -> dict[str, Any]:
    member = voter.member
    language = member.language if member else "en"
    with translation.override(language):
        text = vote.text_in(language)
        link = ballot_link(vote, credential)
        return {
            "language": language,
            "name": member.full_name if member else voter.key,
            "member_id": member.member_id if member else "",
            "worksite": voter.worksite.name,
            "local": voter.union.short_name,
            "heading": _("Your ballot: %(question)s")
            % {"question": text.question if text else vote.title},
            "window": _("Voting is open from %(opens)s until %(closes)s.")
            % {"opens": in_zone(vote, vote.opens_at), "closes": in_zone(vote, vote.closes_at)},
            "how": _(
                "Scan the code with your phone's camera, or type the address below and then "
                "your voting code. It lets you vote once: keep it to yourself."
            ),
            "code_label": _("Your voting code"),
            "secret": _(
                "Your vote is secret: no one, not even the union's staff, can see how you voted."
            ),
            "address": vote_address(vote),
            "code": grouped(credential),
            "qr": qr_svg(link),
        }


def letters_pdf(vote: Vote, printed: Sequence[tuple[Voter, str]]) -> bytes:
    """The letters of ``printed`` (voter, credential) as one PDF."""
    from weasyprint import HTML  # half a second to import: only where letters are printed

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    ordered = sorted(
        printed,
        key=lambda vc: (
            vc[0].worksite.name,
            vc[0].member.last_name if vc[0].member else "",
            vc[0].member.first_name if vc[0].member else "",
            vc[0].key,
        ),
    )
    pages = [letter_page(vote, voter, credential) for voter, credential in ordered]
    html = render_to_string("votes/letters.html", {"vote": vote, "pages": pages})
    pdf = HTML(string=html).write_pdf()
    if not isinstance(pdf, bytes):
        raise TypeError("WeasyPrint returned no bytes")
    return pdf
