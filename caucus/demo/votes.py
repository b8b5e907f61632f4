"""The demo's part of caucus.votes (filled in with the app)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from caucus.demo.build import Demo


def build_votes(demo: Demo) -> None:
    """Nothing yet: the app has no models."""
