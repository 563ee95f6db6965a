"""Shared helpers of the kb_logic tests (they also run inside Pyodide, see test_pyodide.py).

Marker ``no_pyodide``: the test needs a subprocess, hypothesis or the repository layout;
it is skipped when running under Pyodide (``sys.platform == "emscripten"``).
``unavailable(reason)``: a missing tool or file (Node, the shared rules spec) skips the test on a
writer's machine and fails it when ``CI`` is set (under Pyodide ``CI`` is never set: it is a skip there).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

EMSCRIPTEN = sys.platform == "emscripten"
HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
RULES_MD = Path(os.environ.get("KB_RULES_MD", REPO.parent / "shared" / "spec" / "rules.md"))


def unavailable(reason: str) -> NoReturn:
    """Skip, or fail when ``CI`` is set: CI must not stay green because a tool or the spec is missing."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: a missing tool is a failure)", pytrace=False)
    pytest.skip(reason)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "no_pyodide: cannot run inside Pyodide (subprocess, hypothesis)")
    config.addinivalue_line("markers", "rule(*ids): the test checks these rule IDs with assert_rules()")


@pytest.fixture(autouse=True)
def _rule_marker_is_kept(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test marked ``@pytest.mark.rule(ID…)`` must call ``assert_rules(answer, ID)`` for each ID:
    the marker is what the "every rule is tested" meta-test counts, so it cannot be a mere label."""
    from ._logic_helpers import ASSERTED

    ASSERTED.clear()
    yield
    marked = {rule for marker in request.node.iter_markers("rule") for rule in marker.args}
    missing = sorted(marked - ASSERTED)
    assert not missing, f"marked @pytest.mark.rule but never checked with assert_rules(): {missing}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not EMSCRIPTEN:
        return
    skip = pytest.mark.skip(reason="not runnable inside Pyodide")
    for item in items:
        if "no_pyodide" in item.keywords or "pyodide" in item.keywords:
            item.add_marker(skip)
