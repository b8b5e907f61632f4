"""People who sign in: staff with roles (per union or coalition-wide), and members."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db import models
from django.utils import timezone


class User(AbstractUser):
    """A person who signs in. Staff hold role grants; members are linked to a roster row."""

    display_name = models.CharField(max_length=200, blank=True)
    preferred_language = models.CharField(max_length=10, default="en")

    def __str__(self) -> str:
        return self.display_name or self.get_username()

    @classmethod
    def for_sign_in(cls, name: str) -> User | None:
        """The account a sign-in with this user name or e-mail would try, or None.

        An e-mail (any case) names its account first; otherwise the exact user name.
        """
        name = name.strip()
        if "@" in name:
            by_email = cls.objects.filter(email__iexact=name).order_by("pk").first()
            if by_email is not None:
                return by_email
        return cls.objects.filter(username=name).first()


class Role(models.TextChoices):
    COALITION_ADMIN = "coalition_admin", "Coalition admin"
    BARGAINING_TEAM = "bargaining_team", "Bargaining team"
    COMMUNICATIONS = "communications", "Communications"
    ORGANIZER = "organizer", "Organizer"
    LOCAL_OFFICER = "local_officer", "Local officer"
    OBSERVER = "observer", "Observer"
    TRANSLATOR = "translator", "Translator"


class RoleGrant(models.Model):
    """A role held by a user, for one union or (union empty) for the whole coalition."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(max_length=30, choices=Role.choices)
    union = models.ForeignKey(
        "orgs.Union",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_grants",
        help_text="Empty means coalition-wide.",
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "union"], name="role_grant_unique"),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(union__isnull=True),
                name="role_grant_coalition_unique",
            ),
        ]

    def __str__(self) -> str:
        scope = self.union.short_name if self.union is not None else "coalition"
        return f"{self.user} – {self.get_role_display()} ({scope})"


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class LoginTokenQuerySet(models.QuerySet["LoginToken"]):
    def usable(self) -> LoginTokenQuerySet:
        return self.filter(used_at__isnull=True, expires_at__gt=timezone.now())


class LoginToken(models.Model):
    """A one-time sign-in link for a member. Only the hash is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="login_tokens")
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    objects = LoginTokenQuerySet.as_manager()

    def __str__(self) -> str:
        return f"login link for {self.user}"

    @classmethod
    def issue(cls, user: User, minutes: int) -> tuple[LoginToken, str]:
        raw = secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, digest=_digest(raw), expires_at=timezone.now() + timedelta(minutes=minutes)
        )
        return token, raw

    @classmethod
    def redeem(cls, raw: str) -> User | None:
        """The user the link signs in, once; None if unknown, used or expired."""
        claimed = cls.objects.usable().filter(digest=_digest(raw)).update(used_at=timezone.now())
        if not claimed:
            return None
        return cls.objects.select_related("user").get(digest=_digest(raw)).user


class ApiToken(models.Model):
    """A token for the JSON API; it acts with its user's permissions. Only the hash is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=8, help_text="First characters, to tell tokens apart.")
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, user: User, name: str) -> tuple[ApiToken, str]:
        raw = "cau_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, prefix=raw[:8], digest=_digest(raw))
        return token, raw

    @classmethod
    def user_for(cls, raw: str) -> User | None:
        token = cls.objects.select_related("user").filter(digest=_digest(raw)).first()
        if token is None or not token.user.is_active:
            return None
        cls.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user


# Who a request carries: a signed-in user, or nobody. Access helpers and permission checks take
# a Person; actions take an Actor (the user who acts, or None for the system: a command, the
# demo, a scheduled task).
Person = User | AnonymousUser
Actor = User | None
