from typing import Any

from django.http import HttpRequest

from caucus.accounts.permissions import PERMISSIONS, has_perm


class _Perms:
    """``{{ perms_caucus.table_edit }}`` in templates: the user's permissions by name."""

    def __init__(self, user: Any) -> None:
        self._user = user

    def __getattr__(self, name: str) -> bool:
        perm = name.replace("_", ".", 1)
        if perm not in PERMISSIONS:
            raise AttributeError(name)
        return has_perm(self._user, perm)


def roles(request: HttpRequest) -> dict[str, Any]:
    # No user when a request fails before the authentication middleware (a 400 for a bad Host).
    return {"perms_caucus": _Perms(getattr(request, "user", None))}
