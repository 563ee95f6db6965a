"""The kb_logic test suite, run inside real Pyodide (Python 3.14, WebAssembly) under Node."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest

from .conftest import REPO, unavailable

pytestmark = [pytest.mark.pyodide, pytest.mark.no_pyodide]

NODE_PYODIDE = REPO / "node_modules" / "pyodide" / "pyodide.mjs"
WHEELS = REPO / "build" / "pyodide-wheels"


def test_suite_passes_inside_pyodide() -> None:
    node = shutil.which("node")
    if node is None or not NODE_PYODIDE.is_file():
        unavailable("node or node_modules/pyodide missing (run `npm ci`)")
    built = subprocess.run(
        [sys.executable, str(REPO / "tools" / "build_wheels.py"), str(WHEELS), "--test-deps"],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    started = time.monotonic()
    done = subprocess.run(
        [node, str(REPO / "tools" / "pyodide_run_tests.mjs"), str(WHEELS), str(REPO / "tests" / "logic")],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    seconds = time.monotonic() - started
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-4000:]
    assert "on emscripten" in output, output[-4000:]
    summary = [line for line in output.splitlines() if " passed" in line]
    assert summary and "failed" not in summary[-1] and "error" not in summary[-1], output[-4000:]
    print(f"pyodide run: {seconds:.1f} s; {summary[-1].strip()}")
