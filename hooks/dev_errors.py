"""Under `mkdocs serve`, the writer sees what broke the build in the browser, not only in the terminal.

Every warning and error the build logs (an unknown shortcode, a link to a missing page or anchor, a page
missing in one language, any other hook's check) is collected, and each page built is read by the
project's typography check (hooks/typography_check.py, the one the test suite runs on every built page):
a problem there is listed, never fatal, as in `mkdocs build`, where only the test suite fails on it.
After each build, good or failed, the hook keeps the status: the problems, each with file, line, the
problem as the build said it and a fix, and the banner's strings in each language. Pages built by
`mkdocs serve` load `assets/kb-dev.js`, which polls `/kb-dev-status.json` and shows a banner while
there are problems; the next good build clears it.
A failed build leaves the browser on the last good page (livereload does not reload it), which is where
the banner shows. The dev server holds every file request while the last build is failed ("the server
will appear stuck"), so the status is answered from memory by a small WSGI wrapper, never from disk.

`mkdocs build` is untouched: no script, no status, and it fails as before (this hook never
catches an error). Strict mode fails at the first warning, so under `make serve` the banner reads
"the build failed"; under `make write` (not strict) the site is built and the banner lists the warnings.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import build_phase
import typography_check  # a sibling module: an import error fails the hook's loading, loudly
from build_phase import PostBuild, PostPage
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

__all__ = ["STATUS_FILE", "problem"]

STATUS_FILE = "kb-dev-status.json"
SCRIPT = "assets/kb-dev.js"
# "fr/x.md", "docs/en/x.md:12", "Doc file 'fr/x.md' …": the first Markdown path the message names
FILE = re.compile(r"(?P<file>(?:docs/)?[\w./-]+\.md)(?::(?P<line>\d+))?")
QUOTED = re.compile(r"'(?P<text>[^']{3,})'")
# An anchor problem is only INFO for MkDocs (validation.links.anchors), yet it is a broken link.
INFO_PROBLEMS = ("does not contain an anchor",)
# (what the message says, the key of the fix sentence in extra.ui); the first match wins
FIXES = (
    ("shortcode", "dev_fix_shortcode"),
    ("does not contain an anchor", "dev_fix_anchor"),
    ("which is not found", "dev_fix_link"),
    ("missing: the page exists", "dev_fix_missing"),
    ("typograph", "dev_fix_typography"),
)
BANNER_KEYS = ("dev_title", "dev_failed", "dev_warned", "dev_line", "dev_fix", "dev_close")


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []
        self.checks: list[str] = []  # the typography check's findings (not log records: never fatal)

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith("Error reading page") and message.endswith(":"):
            return  # MkDocs' preamble to the error that follows, which names the same file
        if record.levelno >= logging.WARNING or any(text in message for text in INFO_PROBLEMS):
            self.records.append(record)


class _State:
    config: MkDocsConfig | None = None
    builds = 0
    ui: dict[str, dict[str, str]] = {}  # noqa: RUF012  # each language's strings, as its build saw them
    status = b'{"build": 0, "ok": true, "problems": [], "ui": {}}'


_state = _State()
_collector = _Collector()


def _find_line(docs: Path, file: str, message: str) -> int | None:
    """The line of the file that holds a quoted part of the message (the shortcode, the link)."""
    try:
        lines = (docs / file).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for quoted in QUOTED.finditer(message):
        for number, line in enumerate(lines, 1):
            if quoted["text"] in line:
                return number
    return None


def problem(message: str, docs: Path) -> dict[str, Any]:
    """One banner entry: file (as under the project), line (or None), the message, the fix's key."""
    found = FILE.search(message)
    file = line = None
    if found:
        relative = found["file"].removeprefix("docs/")
        file = f"docs/{relative}"
        line = int(found["line"]) if found["line"] else _find_line(docs, relative, message)
    fix = next((key for text, key in FIXES if text in message.lower() or text in message), "dev_fix_other")
    return {"file": file, "line": line, "problem": message.strip(), "fix": fix}


def _write_status(error: BaseException | None) -> None:
    config = _state.config
    if config is None:
        return
    docs = Path(config.docs_dir)
    messages = [record.getMessage() for record in _collector.records] + _collector.checks
    if error is not None and str(error) and not str(error).startswith("Aborted with"):
        messages.append(str(error))  # the exception itself ("Aborted with N warnings" repeats the above)
    seen: set[str] = set()
    problems = []
    for message in messages:
        if message not in seen:
            seen.add(message)
            problems.append(problem(message, docs))
    _state.builds += 1
    keys = (*BANNER_KEYS, *(key for _, key in FIXES), "dev_fix_other")
    # extra.ui is already typeset (hooks/typography.py's on_env runs before ours)
    ui = {lang: {key: strings[key] for key in keys if key in strings} for lang, strings in _state.ui.items()}
    status = {"build": _state.builds, "at": time.time(), "ok": error is None, "problems": problems, "ui": ui}
    _state.status = json.dumps(status, ensure_ascii=False).encode()


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":  # build_phase (the first hook) has recorded the command
        logging.getLogger("mkdocs").addHandler(_collector)


def on_shutdown() -> None:
    logging.getLogger("mkdocs").removeHandler(_collector)


def on_config(config: MkDocsConfig) -> None:
    if build_phase.serving() and not build_phase.nested(config):  # a new build, not a nested language
        _state.config = config
        _collector.records.clear()
        _collector.checks.clear()


def on_env(env: Any, config: MkDocsConfig, files: Any) -> Any:
    if build_phase.serving():
        _state.ui[build_phase.language(config)] = dict(config.extra["ui"])
    return env


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    app: Callable[..., Iterable[bytes]] = server.get_app()

    def with_status(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO", "").endswith("/" + STATUS_FILE):
            start_response("200 OK", [("Content-Type", "application/json; charset=utf-8"),
                                      ("Cache-Control", "no-store"), ("Content-Length", str(len(_state.status)))])
            return [_state.status]
        return app(environ, start_response)

    server.set_app(with_status)  # wsgiref's public API: the dev server's app, wrapped
    return server


@event_priority(PostPage.DEV_BANNER)  # the page as written: after typography, csp, compaction
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not build_phase.serving():
        return output
    for found in typography_check.check_html(output):
        _collector.checks.append(f"{page.file.src_uri}: typography check {found}")
    tag = f'<script src="{get_relative_url(SCRIPT, page.url)}" defer></script>'
    return output.replace("</body>", tag + "</body>", 1)


@event_priority(PostBuild.DEV_STATUS)  # after static-i18n built the other languages and every site-wide hook
def on_post_build(config: MkDocsConfig) -> None:
    if build_phase.serving() and build_phase.site_done(config):
        _write_status(None)


def on_build_error(error: Exception) -> None:
    if build_phase.serving():
        _write_status(error)
