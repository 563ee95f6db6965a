"""Puts the self-hosted Python runtime and the widget runtime into the site (build and `mkdocs serve`).

- the Pyodide runtime from the npm `pyodide` package pinned in package-lock.json (never a CDN);
- the kb_logic and python-stdnum wheels (tools/build_wheels.py; rebuilt when src/kb_logic changes),
  registered with their sha256 by `pyodide lockfile add-wheels`, so the worker loads them by name with
  integrity checks; the lock file is trimmed to what we ship (119 KB -> about 1 KB);
- a memory snapshot (tools/make_snapshot.mjs: kb_logic imported and warmed) and the reduced stdlib it
  boots with; the worker falls back to the wheels when the snapshot cannot be used;
- .gz and .br copies of everything compressible (runtime at brotli 11, once; pages at 5, every build);
- widgets/runtime/*.js (the page runtime and the worker that is the bridge to Python);
- the licence notices (Pyodide: MPL-2.0, python-stdnum: LGPL-2.1+).
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata as md
import json
import os
import shutil
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import fcntl

import brotli
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger("kb.assets")
ROOT = Path(__file__).resolve().parent.parent
NPM_PYODIDE = ROOT / "node_modules" / "pyodide"
BUILD = ROOT / "build"
WHEELS = BUILD / "site-wheels"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# The lock file's (normalised) name; python-stdnum comes in as its dependency.
PACKAGES = ["kb-logic"]
SNAPSHOT = "kb-snapshot.bin"
SNAPSHOT_STDLIB = "python_stdlib.snapshot.zip"
# Written next to each file as .gz and .br for a static host that serves precompressed files
# (nginx gzip_static/brotli_static); mkdocs serve does not use them.
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".wasm", ".zip", ".bin", ".whl"}
BROTLI_QUALITY = int(os.environ.get("KB_BROTLI_QUALITY", "11"))  # the runtime: built once, cached
# Pages change at every build: quality 5 is ~70x faster than 11 for ~12 % more bytes (1000 x 2 guides:
# 153 s of build at 11, 32 s at 5).
PAGE_BROTLI_QUALITY = int(os.environ.get("KB_PAGE_BROTLI_QUALITY", "5"))


def precompress(path: Path, quality: int = BROTLI_QUALITY) -> None:
    data = path.read_bytes()
    if len(data) < 1024:
        return
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, 9, mtime=0))
    path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=quality, lgwin=24))


def _reduced_stdlib(full: Path, reduced: Path, used: list[str]) -> None:
    """The stdlib files the snapshot's interpreter imported; anything else means a fallback boot."""
    wanted = set(used)
    with zipfile.ZipFile(full) as source, zipfile.ZipFile(reduced, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in wanted:
                target.writestr(info, source.read(info))
    log.info(f"snapshot stdlib: {len(wanted)} files, {reduced.stat().st_size / 1e3:.0f} KB")


def _source_digest() -> str:
    digest = hashlib.sha256()
    inputs = [ROOT / "pyproject.toml", ROOT / "package-lock.json", ROOT / "tools" / "make_snapshot.mjs",
              ROOT / "tools" / "build_wheels.py", Path(__file__)]
    for path in sorted([*(ROOT / "src" / "kb_logic").rglob("*.py"), *inputs]):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _run(*cmd: str) -> str:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        raise PluginError(f"{' '.join(cmd)} failed: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


def build_runtime() -> Path:
    """Builds wheels, lock file, snapshot and compressed copies into build/site-runtime/ when any input
    changed (kb_logic, the pinned Pyodide, this hook, the snapshot and wheel tools); returns that folder."""
    if not (NPM_PYODIDE / "pyodide.asm.wasm").is_file():
        raise PluginError("node_modules/pyodide is missing: run `npm ci` (make setup does it)")
    BUILD.mkdir(exist_ok=True)
    # Two builds at once (a test session and `mkdocs serve`) must not write the same folder.
    with (BUILD / ".runtime.lock").open("w") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        return _build_runtime_locked()


def _build_runtime_locked() -> Path:
    out = BUILD / "site-runtime"
    stamp = out / ".source-digest"
    digest = _source_digest()
    if stamp.is_file() and stamp.read_text() == digest:
        return out
    log.info("runtime inputs changed: building wheels, lock file, memory snapshot (about a minute)")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    wheels = [Path(p) for p in _run(sys.executable, "tools/build_wheels.py", str(WHEELS)).split()]
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    full_lock = out / "pyodide-lock.full.json"
    _run(str(pyodide_cli), "lockfile", "add-wheels", "--input", str(NPM_PYODIDE / "pyodide-lock.json"),
         "--output", str(full_lock), "--base-path", str(WHEELS), *map(str, wheels))
    lock = json.loads(full_lock.read_text())
    keep, todo = set(), list(PACKAGES)
    while todo:  # the closure of our packages' dependencies
        name = todo.pop()
        if name not in keep:
            keep.add(name)
            todo += lock["packages"][name]["depends"]
    lock["packages"] = {name: spec for name, spec in lock["packages"].items() if name in keep}
    (out / "pyodide-lock.json").write_text(json.dumps(lock, separators=(",", ":")))
    full_lock.unlink()
    for name in keep:
        shutil.copy2(WHEELS / lock["packages"][name]["file_name"], out)
    for name in RUNTIME_FILES:
        shutil.copy2(NPM_PYODIDE / name, out / name)
    # Python already started, kb_logic imported and warmed: the helpers boot from this (same Pyodide).
    made = json.loads(_run("node", "tools/make_snapshot.mjs", str(out), str(out / SNAPSHOT)))
    log.info(f"memory snapshot: {made['bytes'] / 1e6:.1f} MB in {made['ms'] / 1000:.1f} s")
    _reduced_stdlib(out / "python_stdlib.zip", out / SNAPSHOT_STDLIB, made.pop("stdlib_files"))
    (out / "snapshot.json").write_text(json.dumps({**made, "stdlib": SNAPSHOT_STDLIB}))
    # brotli releases the GIL: the big files (wasm, snapshot) compress in parallel
    with ThreadPoolExecutor() as pool:
        list(pool.map(precompress, [p for p in sorted(out.iterdir()) if p.suffix in COMPRESSIBLE]))
    stamp.write_text(digest)
    return out


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
        "Source: the `python-stdnum` package on PyPI (the wheel itself is the source, unmodified).\n"
        "Full licence text: COPYING.python-stdnum.txt\n",
        encoding="utf-8",
    )
    # The MPL-2.0 text as shipped by pyodide-build (same licence as the runtime; npm ships none).
    (target / "LICENSE.pyodide.txt").write_text(licence("pyodide-build"), encoding="utf-8")
    (target / "COPYING.python-stdnum.txt").write_text(licence("python-stdnum"), encoding="utf-8")


def install(site_dir: Path) -> dict[str, object]:
    built = build_runtime()
    target = site_dir / "assets" / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for path in built.iterdir():
        if not path.name.startswith(".") and path.name != "snapshot.json":
            shutil.copy2(path, target / path.name)
    _notices(target)
    lock = json.loads((built / "pyodide-lock.json").read_text())
    # What the worker fetches (pyodide.asm.mjs comes by import(), which no fetch wrapper can count).
    downloads = ["pyodide.asm.wasm", SNAPSHOT_STDLIB, SNAPSHOT]
    manifest = {
        "pyodide": json.loads((NPM_PYODIDE / "package.json").read_text())["version"],
        "stdlib": "python_stdlib.zip",
        "packages": PACKAGES,
        "snapshot": {"file": SNAPSHOT, **json.loads((built / "snapshot.json").read_text())},
        "files": {name: (target / name).stat().st_size for name in downloads},
        # without the snapshot (fallback boot), the worker also fetches the lock file and the wheels
        "fallback_files": {
            name: (target / name).stat().st_size
            for name in ["python_stdlib.zip", "pyodide-lock.json", *(p["file_name"] for p in lock["packages"].values())]
        },
    }
    manifest["total_bytes"] = sum(manifest["files"].values())  # type: ignore[arg-type]
    (target / "manifest.json").write_text(json.dumps(manifest, indent=1))
    widgets = site_dir / "assets" / "kb"
    widgets.mkdir(parents=True, exist_ok=True)
    for js in (ROOT / "widgets" / "runtime").glob("*.js"):
        shutil.copy2(js, widgets / js.name)
    return manifest


_command = {"name": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _command["name"] = command


def precompress_site(site_dir: Path) -> int:
    """Every compressible file of the site gets its .gz and .br (those already made are kept)."""
    todo = [p for p in site_dir.rglob("*") if p.suffix in COMPRESSIBLE and p.is_file()
            and not p.with_name(p.name + ".br").exists()]
    with ThreadPoolExecutor() as pool:  # zlib and brotli release the GIL
        list(pool.map(partial(precompress, quality=PAGE_BROTLI_QUALITY), todo))
    return len(todo)


@event_priority(-250)  # after search (-200): Pagefind's files are compressed too
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False) or os.environ.get("KB_SKIP_RUNTIME") == "1":
        return  # once, after the last language (a parallel language build leaves it to the main build)
    site = Path(config.site_dir)
    install(site)
    if _command["name"] != "serve":
        log.info(f"precompressed {precompress_site(site)} files (.gz, .br)")


def on_serve(server, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
    # Writers editing the rules or a helper see the change live: wheel and runtime are rebuilt.
    for folder in (ROOT / "src" / "kb_logic", ROOT / "widgets"):
        server.watch(str(folder))
    return server
