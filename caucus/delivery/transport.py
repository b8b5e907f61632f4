"""How a worker hands messages over: one SMTP connection per batch (EMAIL_HOST, EMAIL_PORT,
TLS and login from the settings), each message's outcome told apart as accepted, refused for
good (5xx: the server's words are kept) or refused for now (4xx, a dropped connection: retried).
"""

from __future__ import annotations

import smtplib
import ssl
from email.utils import parseaddr

from django.conf import settings


class Refused(Exception):
    """The server would not take the message. ``permanent``: do not try again."""

    def __init__(self, answer: str, permanent: bool) -> None:
        super().__init__(answer)
        self.answer = answer
        self.permanent = permanent


def _answer(code: int, text: bytes | str) -> str:
    words = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return f"{code} {words}".strip()[:500]


class SmtpConnection:
    """One open SMTP session, reused for every message of a batch."""

    def __init__(self) -> None:
        self._smtp: smtplib.SMTP | None = None
        self._senders: dict[str, str] = {}
        # The next message's envelope, sent ahead: its recipient and the server's refusal of
        # it (None: accepted, the server waits for its content, in DATA).
        self._ahead: tuple[str, Refused | None] | None = None
        self._in_data = False

    def open(self) -> None:
        if self._smtp is not None:
            return
        try:
            smtp = smtplib.SMTP(
                settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=settings.EMAIL_TIMEOUT
            )
            smtp.ehlo()
            if settings.EMAIL_USE_TLS:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if settings.EMAIL_HOST_USER:
                smtp.login(settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD)
        except smtplib.SMTPResponseException as error:
            raise Refused(_answer(error.smtp_code, error.smtp_error), permanent=False) from error
        except (OSError, smtplib.SMTPException) as error:
            raise Refused(f"could not reach the mail server: {error}", permanent=False) from error
        self._smtp = smtp

    def close(self) -> None:
        if self._smtp is None:
            return
        if self._in_data:  # an envelope sent ahead waits for content: hang up, it is dropped
            self._drop()
            return
        try:
            self._smtp.quit()
        except (OSError, smtplib.SMTPException):
            self._smtp.close()
        self._smtp = None

    def send(self, sender: str, recipient: str, message: bytes, *, then: str | None = None) -> None:
        """Hand one message over; returns only once the server accepted it. ``then``: the
        next message's recipient (same sender), whose envelope goes with this message's end
        when the server pipelines, so that a message costs one round trip, not two."""
        self.open()
        if self._smtp is None:  # open() connects or raises
            raise smtplib.SMTPServerDisconnected("no connection to the mail server")
        if self._smtp.does_esmtp and self._smtp.has_extn("pipelining"):
            self._send_pipelined(sender, recipient, message, then)
            return
        try:
            refused = self._smtp.sendmail(sender, [recipient], message)
        except smtplib.SMTPRecipientsRefused as error:
            code, text = error.recipients.get(recipient, (550, b"recipient refused"))
            self._reset()
            raise Refused(_answer(code, text), permanent=code >= 500) from error
        except smtplib.SMTPResponseException as error:
            self._reset()
            raise Refused(
                _answer(error.smtp_code, error.smtp_error), error.smtp_code >= 500
            ) from error
        except (TimeoutError, smtplib.SMTPServerDisconnected, OSError) as error:
            self._drop()
            raise Refused(f"connection lost: {error}", permanent=False) from error
        if refused:
            code, text = refused[recipient]
            raise Refused(_answer(code, text), permanent=code >= 500)

    def _envelope(self, sender: str, recipient: str) -> bytes:
        if sender not in self._senders:
            self._senders[sender] = parseaddr(sender)[1]
        return f"MAIL FROM:<{self._senders[sender]}>\r\nRCPT TO:<{recipient}>\r\nDATA\r\n".encode()

    def _envelope_answer(self) -> Refused | None:
        """Read the three replies to MAIL, RCPT and DATA; None if the server waits for the
        content, else the refusal (the transaction ended and reset)."""
        smtp = self._smtp
        if smtp is None:
            raise smtplib.SMTPServerDisconnected("no connection to the mail server")
        replies = [smtp.getreply() for _ in range(3)]
        for (code, text), wanted in zip(replies, (250, 250, 354), strict=True):
            if code != wanted:
                if replies[2][0] == 354:  # the server waits for content: end it empty
                    smtp.send(b".\r\n")
                    smtp.getreply()
                self._reset()
                return Refused(_answer(code, text), permanent=code >= 500)
        return None

    def _send_pipelined(
        self, sender: str, recipient: str, message: bytes, then: str | None
    ) -> None:
        """RFC 2920: MAIL, RCPT and DATA in one write; the content goes only once all three
        were accepted, and with it the next message's MAIL, RCPT and DATA."""
        smtp = self._smtp
        if smtp is None:
            raise smtplib.SMTPServerDisconnected("no connection to the mail server")
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead[0] != recipient and self._in_data:
            self._drop()  # the server waits for another message's content: start afresh
            self.open()
            smtp = self._smtp
            if smtp is None:
                raise smtplib.SMTPServerDisconnected("no connection to the mail server")
        try:
            if ahead is None or ahead[0] != recipient:
                smtp.send(self._envelope(sender, recipient))
                refused = self._envelope_answer()
            else:
                refused = ahead[1]
            if refused is not None:
                raise refused
            body = smtplib._quote_periods(message)  # type: ignore[attr-defined]
            end = b"" if body.endswith(b"\r\n") else b"\r\n"
            follow = self._envelope(sender, then) if then else b""
            smtp.send(body + end + b".\r\n" + follow)
            self._in_data = bool(then)
            code, text = smtp.getreply()
            if then:
                self._ahead = (then, self._envelope_answer())
                self._in_data = self._ahead[1] is None
        except (smtplib.SMTPServerDisconnected, TimeoutError, OSError) as error:
            self._drop()
            raise Refused(f"connection lost: {error}", permanent=False) from error
        if code != 250:
            raise Refused(_answer(code, text), permanent=code >= 500)

    def _reset(self) -> None:
        try:
            if self._smtp is not None:
                self._smtp.rset()
        except (OSError, smtplib.SMTPException):
            self._drop()

    def _drop(self) -> None:
        if self._smtp is not None:
            self._smtp.close()
        self._smtp = None
        self._ahead, self._in_data = None, False

    def __enter__(self) -> SmtpConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
