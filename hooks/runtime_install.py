"""Installs the helpers' runtime into the site: assets/pyodide/ (Python) and assets/kb/ (the page scripts).

The page scripts get content-hashed names too (widgets/scripts.py); templates ask for them by their
source name with the `kb_script` filter: `{{ 'widgets.js' | kb_script | url }}`.

The runtime is built by runtime_build.py in a thread started with the build (`on_config`), so that the
pages are built meanwhile; it is installed once every language is written. A build that fails (an error,
or a warning under --strict) does not wait for it: the runtime build is cancelled and its daemon thread
does not hold the exit.

Files the fast boots fetch get content-hashed names (`pyodide.asm.<sha256:12>.wasm`): a host caches them
`immutable`, and a returning reader fetches none of them again. manifest.json (revalidated) maps each
name to its hashed one, and holds what the worker needs to choose its boot path (raw and brotli sizes)
and the Python it runs first (widgets/runtime/bridge.py). The fallback boot's files (full stdlib, lock
file, wheels) keep their names: Pyodide's package loader asks for the wheels by the names in the lock file.
Also writes the licence notices (Pyodide: MPL-2.0, python-stdnum: LGPL-2.1+).
"""

from __future__ import annotations

import hashlib
import importlib.metadata as md
import json
import logging
import os
import shutil
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

import build_phase
import jinja2
import runtime_build
from build_phase import PostBuild
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the page scripts live in widgets/
from widgets.scripts import hashed_scripts

ROOT = runtime_build.ROOT
HASHED = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", runtime_build.LIB, runtime_build.SNAPSHOT)
FALLBACK_STDLIB = "python_stdlib.zip"


class _Building:
    """The runtime build this `mkdocs build` (or serve rebuild) started, until its pages are done."""

    future: Future[Path] | None = None

    def take(self) -> Future[Path] | None:
        future, self.future = self.future, None
        return future


_building = _Building()


class _Warnings(logging.Handler):
    """Counts the build's warnings, as mkdocs does for --strict (which it checks only after post_build)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


_warnings = _Warnings()


def _start(build: Callable[[], Path]) -> Future[Path]:
    """`build()` in a daemon thread (an executor's thread would be joined at exit, failed build or not)."""
    future: Future[Path] = Future()

    def run() -> None:
        if future.set_running_or_notify_cancel():
            try:
                future.set_result(build())
            except BaseException as error:
                future.set_exception(error)

    threading.Thread(target=run, name="kb-runtime", daemon=True).start()
    return future


def _skipped() -> bool:
    return os.environ.get("KB_SKIP_RUNTIME") == "1"


def hashed_name(path: Path) -> str:
    """`pyodide.asm.wasm` -> `pyodide.asm.0123456789ab.wasm` (the first 12 hex digits of its sha256)."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return f"{path.stem}.{digest}{path.suffix}"


def _notices(target: Path) -> None:
    def licence(dist: str) -> str:
        for f in md.files(dist) or []:  # dist-info/licenses/LICENSE, not a vendored one
            if f.name in ("LICENSE", "COPYING") and "vendor" not in str(f):
                return Path(str(f.locate())).read_text(encoding="utf-8")
        raise PluginError(f"licence text of {dist} not found")

    (target / "NOTICE.txt").write_text(
        "Third-party software shipped with this site\n\n"
        "Pyodide (npm package `pyodide`, version in manifest.json) - Mozilla Public License 2.0.\n"
        "Source: the `pyodide` package on the npm registry. Full licence text: LICENSE.pyodide.txt\n\n"
        "python-stdnum (wheel in this folder) - GNU Lesser General Public License 2.1 or later.\n"
        "Source: the `python-stdnum` package on PyPI (the wheel itself is the source, unmodified; kb-lib.*.zip\n"
        "holds some of its modules, unmodified). Full licence text: COPYING.python-stdnum.txt\n",
        encoding="utf-8",
    )
    # The MPL-2.0 text as shipped by pyodide-build (same licence as the runtime; npm ships none).
    (target / "LICENSE.pyodide.txt").write_text(licence("pyodide-build"), encoding="utf-8")
    (target / "COPYING.python-stdnum.txt").write_text(licence("python-stdnum"), encoding="utf-8")


def _size(path: Path) -> list[int]:
    """[raw, brotli] bytes (brotli as served by a host with precompressed files; raw when there is none)."""
    br = path.with_name(path.name + ".br")
    return [path.stat().st_size, br.stat().st_size if br.is_file() else path.stat().st_size]


def install(built: Path, site_dir: Path) -> dict[str, object]:
    target = site_dir / "assets" / "pyodide"
    shutil.rmtree(target, ignore_errors=True)  # no stale hashed file from an earlier build
    target.mkdir(parents=True)
    names: dict[str, str] = {}
    for name in HASHED:
        names[name] = hashed_name(built / name)
        for variant in ("", ".br", ".gz"):
            if (built / (name + variant)).is_file():
                shutil.copy2(built / (name + variant), target / (names[name] + variant))
    lock = json.loads((built / "pyodide-lock.json").read_text())
    fallback = [FALLBACK_STDLIB, "pyodide-lock.json", *(p["file_name"] for p in lock["packages"].values())]
    for name in fallback:
        for variant in ("", ".br", ".gz"):
            if (built / (name + variant)).is_file():
                shutil.copy2(built / (name + variant), target / (name + variant))
    _notices(target)
    version = json.loads((runtime_build.NPM_PYODIDE / "package.json").read_text())["version"]
    made = json.loads((built / "snapshot.json").read_text())
    manifest: dict[str, object] = {
        "pyodide": version,
        # the names Pyodide and the worker ask for -> the content-hashed files; `lib` is the lean zip
        "files": {**names, "lib": names[runtime_build.LIB], "snapshot": names[runtime_build.SNAPSHOT]},
        "sizes": {names[n]: _size(target / names[n]) for n in HASHED},
        "snapshot": {"file": names[runtime_build.SNAPSHOT], **made},
        "bridge": runtime_build.BRIDGE.read_text(encoding="utf-8"),
        "packages": runtime_build.PACKAGES,
        # the wheels boot: full stdlib, lock file and wheels by name
        "fallback": {"stdlib": FALLBACK_STDLIB, "lock": "pyodide-lock.json",
                     "files": {n: (target / n).stat().st_size for n in fallback}},
    }
    (target / "manifest.json").write_text(json.dumps(manifest, indent=1))
    widgets = site_dir / "assets" / "kb"
    shutil.rmtree(widgets, ignore_errors=True)
    widgets.mkdir(parents=True)
    for hashed, text in hashed_scripts().values():
        (widgets / hashed).write_text(text, encoding="utf-8")
    return manifest


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: object) -> jinja2.Environment:
    scripts = hashed_scripts()  # read again on every (re)build: `mkdocs serve` watches widgets/

    def kb_script(name: str) -> str:
        if name not in scripts:
            raise PluginError(f"kb_script: no widgets/runtime/{name}")
        return f"assets/kb/{scripts[name][0]}"

    env.filters["kb_script"] = kb_script
    return env


def on_config(config: MkDocsConfig) -> None:
    # Started with the build: the runtime builds (about a minute after a kb_logic change) while the pages do.
    _warnings.count = 0
    if _warnings not in logging.getLogger("mkdocs").handlers:
        logging.getLogger("mkdocs").addHandler(_warnings)
    running = _building.future
    if not _skipped() and (running is None or running.done()):
        runtime_build.reset()
        _building.future = _start(runtime_build.build_runtime)


@event_priority(PostBuild.RUNTIME)
def on_post_build(config: MkDocsConfig) -> None:
    if _skipped() or not build_phase.site_done(config):
        return  # once, after the last language (a parallel language build leaves it to the main build)
    if config.strict and _warnings.count:
        runtime_build.cancel()  # mkdocs aborts right after this event: do not make the writer wait
        _building.take()
        return
    future = _building.take() or _start(runtime_build.build_runtime)
    install(future.result(), Path(config.site_dir))


def on_build_error(error: Exception) -> None:
    runtime_build.cancel()
    _building.take()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    # Writers editing the rules or a helper see the change live: wheel and runtime are rebuilt.
    for folder in (ROOT / "src" / "kb_logic", ROOT / "widgets"):
        server.watch(str(folder))
    return server
