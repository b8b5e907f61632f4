"""The browser fixtures of tests/browser, shared with the member site's own browser tests."""

from tests.browser.conftest import browser, page  # noqa: F401 - fixtures
