"""Shared helpers of the kb_logic tests (they also run inside Pyodide, see test_pyodide.py).

Marker ``no_pyodide``: the test needs a subprocess, hypothesis or the repository layout;
it is skipped when running under Pyodide (``sys.platform == "emscripten"``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

EMSCRIPTEN = sys.platform == "emscripten"
HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
RULES_MD = Path(os.environ.get("KB_RULES_MD", REPO.parent / "shared" / "spec" / "rules.md"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "no_pyodide: cannot run inside Pyodide (subprocess, hypothesis)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not EMSCRIPTEN:
        return
    skip = pytest.mark.skip(reason="not runnable inside Pyodide")
    for item in items:
        if "no_pyodide" in item.keywords or "pyodide" in item.keywords:
            item.add_marker(skip)
