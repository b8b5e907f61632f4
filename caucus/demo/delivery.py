"""The demo's part of caucus.delivery (filled in with the app)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from caucus.demo.build import Demo


def build_delivery(demo: Demo) -> None:
    """Nothing yet: the app has no models."""
