"""Debian's Chromium for Playwright, with the project's flags (Playwright cannot download its own here).

    from kbdev.browser import launch, persistent, launch_options

    with sync_playwright() as pw, launch(pw) as browser: ...          # fresh contexts
    with sync_playwright() as pw, persistent(pw, profile) as context: ...  # a profile kept on disk
    launch_options()   # the keywords of pw.chromium.launch (pytest-playwright's browser_type_launch_args)

`KB_CHROMIUM` names another binary. `chromium_path()` is None when there is none: callers decide
whether that is a skip or (with `CI` set) a failure.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Playwright

__all__ = ["CHROMIUM_ARGS", "chromium_path", "launch", "launch_options", "persistent"]

# No sandbox (containers, root), no GPU, no QUIC, no background traffic that would blur byte counts.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str | None:
    """The Chromium binary: $KB_CHROMIUM, else Debian's `chromium` on PATH, else None."""
    return os.environ.get("KB_CHROMIUM") or shutil.which("chromium")


def launch_options() -> dict[str, Any]:
    """Keywords for `pw.chromium.launch` / `launch_persistent_context`; raises when there is no Chromium."""
    path = chromium_path()
    if path is None:
        raise FileNotFoundError("Debian's chromium is not installed (make setup installs it)")
    return {"executable_path": path, "headless": True, "args": list(CHROMIUM_ARGS)}


@contextlib.contextmanager
def launch(pw: Playwright, **options: Any) -> Iterator[Browser]:
    """A Chromium browser (closed at the end of the block)."""
    browser = pw.chromium.launch(**{**launch_options(), **options})
    try:
        yield browser
    finally:
        browser.close()


@contextlib.contextmanager
def persistent(pw: Playwright, profile: Path, **context: Any) -> Iterator[BrowserContext]:
    """A browser with its profile (disk cache included) in `profile`: a reader's browser between visits."""
    ctx = pw.chromium.launch_persistent_context(str(profile), **{**launch_options(), **context})
    try:
        yield ctx
    finally:
        ctx.close()
