"""caucus.readiness in the JSON API: the same access helpers and actions as its pages."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["readiness"])
