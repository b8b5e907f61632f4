"""Fixtures of the votes tests."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import pytest


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Callable[[], AbstractContextManager]:
    """``with committed():`` runs what an action left for after its commit (its tasks) at the
    end of the block, as a real commit would."""

    @contextmanager
    def block() -> Iterator[None]:
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return block


@pytest.fixture(autouse=True)
def _quick_trustee_files(monkeypatch: Any) -> None:
    """Trustee files made with Argon2's smallest limits: the key's protection is the engine's,
    tested in tests/engines/ballots/test_keys.py; here each file would otherwise cost a second
    and 64 MB."""
    quick_trustee_files(monkeypatch)


def quick_trustee_files(monkeypatch: Any) -> None:
    import nacl.pwhash

    from caucus.engines.ballots import keys
    from caucus.votes import actions

    kdf = nacl.pwhash.argon2id
    monkeypatch.setattr(
        actions,
        "trustee_file",
        functools.partial(keys.trustee_file, opslimit=kdf.OPSLIMIT_MIN, memlimit=kdf.MEMLIMIT_MIN),
    )
