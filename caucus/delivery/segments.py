"""How many SMS segments a text takes, and so what it costs: GSM 03.38 text fits 160
characters in one segment (153 each when split, the extension table's characters counting
two); anything else goes as UCS-2, 70 in one segment (67 each when split, a character outside
the Basic Multilingual Plane counting two)."""

from __future__ import annotations

from decimal import Decimal

GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENDED = set("^{}\\[~]|€\f")


def is_gsm(text: str) -> bool:
    return all(c in GSM_BASIC or c in GSM_EXTENDED for c in text)


def segments(text: str) -> int:
    """The number of segments ``text`` is sent as (0 for no text)."""
    if not text:
        return 0
    if is_gsm(text):
        units, single, each = sum(2 if c in GSM_EXTENDED else 1 for c in text), 160, 153
    else:
        units, single, each = sum(2 if ord(c) > 0xFFFF else 1 for c in text), 70, 67
    return 1 if units <= single else -(-units // each)


def cost(text: str, recipients: int, price_per_segment: Decimal) -> Decimal:
    return (price_per_segment * segments(text) * recipients).quantize(Decimal("0.01"))
