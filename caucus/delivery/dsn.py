"""Bounces and complaints that come back by mail, for plain SMTP relays with no webhook: the
delivery status notifications of RFC 3464 (``multipart/report; report-type=delivery-status``)
and the abuse reports of RFC 5965 (ARF, ``report-type=feedback-report``).

``read_report(raw)`` returns what a message says, per recipient: the address, whether the
failure is permanent (``Action: failed`` with a 5.x.x status), whether it is a complaint, the
server's words, and the outbox row when the original message's Message-ID is one of ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import Message

from caucus.delivery.letters import outbox_id_of


@dataclass(frozen=True)
class Report:
    address: str
    permanent: bool
    complaint: bool
    detail: str
    outbox_id: int | None


def _address(field: str | None) -> str:
    """``rfc822; someone@example.org`` → ``someone@example.org``."""
    value = (field or "").split(";", 1)[-1].strip().strip("<>")
    return value.lower()


def _headers(part: Message) -> Message:
    """A part whose body is a block of header fields, parsed as one."""
    body = part.get_payload(decode=True)
    return message_from_bytes(body if isinstance(body, bytes) else b"")


def _original_message_id(report: Message) -> str:
    for part in report.walk():
        kind = part.get_content_type()
        if kind == "text/rfc822-headers":
            return str(_headers(part).get("Message-ID", ""))
        if kind == "message/rfc822":
            inner = part.get_payload()
            if isinstance(inner, list) and inner and isinstance(inner[0], Message):
                return str(inner[0].get("Message-ID", ""))
    return ""


def _status_blocks(report: Message) -> list[Message]:
    for part in report.walk():
        if part.get_content_type() == "message/delivery-status":
            blocks = part.get_payload()
            return [b for b in blocks if isinstance(b, Message)] if isinstance(blocks, list) else []
    return []


def _delivery_status(report: Message, outbox_id: int | None) -> list[Report]:
    found = []
    for block in _status_blocks(report)[1:]:  # the first block is about the reporting MTA
        action = str(block.get("Action", "")).strip().lower()
        if action not in ("failed", "delayed"):
            continue
        status = str(block.get("Status", "")).strip()
        address = _address(block.get("Final-Recipient") or block.get("Original-Recipient"))
        diagnostic = str(block.get("Diagnostic-Code", "")).split(";", 1)[-1].strip()
        found.append(
            Report(
                address=address,
                permanent=action == "failed" and status.startswith("5"),
                complaint=False,
                detail=f"{status} {diagnostic}".strip()[:500],
                outbox_id=outbox_id,
            )
        )
    return found


def _feedback(report: Message, outbox_id: int | None) -> list[Report]:
    for part in report.walk():
        if part.get_content_type() != "message/feedback-report":
            continue
        fields = part.get_payload()
        block = fields[0] if isinstance(fields, list) and fields else None
        if not isinstance(block, Message):
            block = _headers(part)
        address = _address(block.get("Original-Rcpt-To"))
        kind = str(block.get("Feedback-Type", "abuse")).strip()
        return [Report(address, False, True, f"complaint: {kind}", outbox_id)] if address else []
    return []


def read_report(raw: bytes) -> list[Report]:
    """What a bounce or complaint message says, one Report per recipient it is about."""
    message = message_from_bytes(raw, policy=policy.compat32)
    if message.get_content_type() != "multipart/report":
        return []
    outbox_id = outbox_id_of(_original_message_id(message))
    kind = str(message.get_param("report-type", "")).lower()
    if kind == "delivery-status":
        return _delivery_status(message, outbox_id)
    if kind == "feedback-report":
        return _feedback(message, outbox_id)
    return []
