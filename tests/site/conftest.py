"""Fixtures of the site tests (helpers shared by the test modules are in site_helpers.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page


@pytest.fixture(scope="module")
def shared_context(browser: Browser, site_server: str) -> Iterator[BrowserContext]:
    """One browser context for a whole test module (page loads are local: no need for fresh contexts)."""
    context = browser.new_context(base_url=site_server, viewport={"width": 1280, "height": 800})
    yield context
    context.close()


@pytest.fixture(scope="module")
def shared_page(shared_context: BrowserContext) -> Page:
    return shared_context.new_page()
