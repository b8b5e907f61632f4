"""What the table tells the apps above it, which it may not import (the app layers in
pyproject.toml): a proposal members could read no longer may, so the sheets and costing pages
that show it to them come down in the same transaction."""

from __future__ import annotations

from django.dispatch import Signal

# Sent by do_edit_proposal with ``proposal`` and ``actor``, inside its transaction.
proposal_unpublished = Signal()
