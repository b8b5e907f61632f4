"""The one door the votes app sends e-mail through. Today it is Django's mail API with the
configured backend; the delivery issue will route it through its outbox. A failure raises, so
the mailing that called it records it against its recipient."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage


def send_vote_mail(to: str, subject: str, body: str) -> None:
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to]).send(fail_silently=False)
