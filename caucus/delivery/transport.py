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
        try:
            self._smtp.quit()
        except (OSError, smtplib.SMTPException):
            self._smtp.close()
        self._smtp = None

    def send(self, sender: str, recipient: str, message: bytes) -> None:
        """Hand one message over; returns only once the server accepted it."""
        self.open()
        if self._smtp is None:  # open() connects or raises
            raise smtplib.SMTPServerDisconnected("no connection to the mail server")
        if self._smtp.does_esmtp and self._smtp.has_extn("pipelining"):
            self._send_pipelined(sender, recipient, message)
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

    def _send_pipelined(self, sender: str, recipient: str, message: bytes) -> None:
        """RFC 2920: MAIL, RCPT and DATA in one write, then the content: two round trips a
        message instead of four. The content goes only if all three were accepted."""
        smtp = self._smtp
        if smtp is None:
            raise smtplib.SMTPServerDisconnected("no connection to the mail server")
        try:
            envelope = f"MAIL FROM:<{parseaddr(sender)[1]}>\r\nRCPT TO:<{recipient}>\r\nDATA\r\n"
            smtp.send(envelope.encode())
            replies = [smtp.getreply() for _ in range(3)]
            for (code, text), wanted in zip(replies, (250, 250, 354), strict=True):
                if code != wanted:
                    if replies[2][0] == 354:  # the server waits for content: end it empty
                        smtp.send(b".\r\n")
                        smtp.getreply()
                    self._reset()
                    raise Refused(_answer(code, text), permanent=code >= 500)
            body = smtplib._quote_periods(message)  # type: ignore[attr-defined]
            smtp.send(body + (b"" if body.endswith(b"\r\n") else b"\r\n") + b".\r\n")
            code, text = smtp.getreply()
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

    def __enter__(self) -> SmtpConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
