"""The sheets builders (tests/sheets/conftest.py) serve the trust tests too."""

from tests.sheets.conftest import sheets  # noqa: F401 - a fixture, found by name
