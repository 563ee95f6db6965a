"""A site build that fails does not wait for the helpers' runtime build (hooks/runtime_build.py `cancel`,
called by hooks/runtime_install.py on a build error or a warning under --strict)."""

from __future__ import annotations

import logging
import sys
import threading
from concurrent.futures import Future
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

import build_phase  # noqa: E402
import runtime_build  # noqa: E402
import runtime_install  # noqa: E402


def test_cancel_kills_the_running_tool_and_raises_cancelled() -> None:
    runtime_build.reset()
    outcome: Future[str] = Future()

    def run() -> None:
        try:
            outcome.set_result(runtime_build._run(sys.executable, "-c", "import time; time.sleep(60)"))
        except BaseException as error:
            outcome.set_exception(error)

    threading.Thread(target=run, daemon=True).start()
    while not runtime_build._children:  # the tool has started
        threading.Event().wait(0.01)
    runtime_build.cancel()
    with pytest.raises(runtime_build.Cancelled):
        outcome.result(timeout=30)  # a tool left running would sleep its 60 s and return normally
    with pytest.raises(runtime_build.Cancelled):  # nothing else starts
        runtime_build._run(sys.executable, "-c", "pass")
    runtime_build.reset()
    assert runtime_build._run(sys.executable, "-c", "print('next build')") == "next build\n"


def test_a_strict_build_with_a_warning_cancels_instead_of_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    never: Future[Path] = Future()  # a runtime build that would never finish
    cancelled: list[bool] = []
    monkeypatch.setattr(runtime_install, "_skipped", lambda: False)
    monkeypatch.setattr(build_phase, "site_done", lambda config: True)
    monkeypatch.setattr(runtime_build, "cancel", lambda: cancelled.append(True))
    monkeypatch.setattr(runtime_install._building, "future", never)
    monkeypatch.setattr(runtime_install._warnings, "count", 0)
    logging.getLogger("mkdocs").addHandler(runtime_install._warnings)
    try:
        logging.getLogger("mkdocs.plugins.test").warning("a broken link")
    finally:
        logging.getLogger("mkdocs").removeHandler(runtime_install._warnings)
    runtime_install.on_post_build(SimpleNamespace(strict=True))  # type: ignore[arg-type]  # reads .strict only
    assert cancelled == [True]
    assert runtime_install._building.future is None
