"""Fixtures of the site tests (helpers shared by the test modules are in site_helpers.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="module")
def shared_context(browser: Any, site_server: str) -> Iterator[Any]:
    """One browser context for a whole test module (page loads are local: no need for fresh contexts)."""
    context = browser.new_context(base_url=site_server, viewport={"width": 1280, "height": 800})
    yield context
    context.close()


@pytest.fixture(scope="module")
def shared_page(shared_context: Any) -> Any:
    return shared_context.new_page()
