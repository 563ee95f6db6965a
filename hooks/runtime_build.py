"""Builds the helpers' Python runtime into build/site-runtime/<digest>/, once per change of its inputs.

- the Pyodide runtime from the npm `pyodide` package pinned in package-lock.json (never a CDN);
- the kb_logic and python-stdnum wheels (tools/build_wheels.py), registered with their sha256 by
  `pyodide lockfile add-wheels`, so the fallback boot loads them by name with integrity checks; the lock
  file is trimmed to what we ship (119 KB -> about 1 KB);
- the lean library (tools/make_snapshot.mjs `lib`): one uncompressed zip of the files the warmed
  interpreter imported (stdlib, kb_logic, the python-stdnum modules the answers reach);
- the memory snapshot made from that zip (tools/make_snapshot.mjs `snapshot`: kb_logic imported and warmed);
- .gz and .br copies of all of it, brotli at quality 11 (built once, cached by readers).

Not a hook of its own: runtime_install.py starts `build_runtime()` in a thread when the build starts (the
pages are built meanwhile) and waits for it after them. Two builds at once (a test session and
`mkdocs serve`) wait for each other on a lock in build/. A site build that fails calls `cancel()`: the
tools running are killed and nothing else starts, so a writer's failing build exits at once.
"""

from __future__ import annotations

import fcntl
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import brotli  # type: ignore[import-untyped]  # brotli ships no type hints
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("kb.runtime")
ROOT = Path(__file__).resolve().parent.parent
NPM_PYODIDE = ROOT / "node_modules" / "pyodide"
BUILD = ROOT / "build"
OUT = BUILD / "site-runtime"
WHEELS = BUILD / "site-wheels"
BRIDGE = ROOT / "widgets" / "runtime" / "bridge.py"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PACKAGES = ["kb-logic"]  # the lock file's (normalised) name; python-stdnum comes in as its dependency
LIB = "kb-lib.zip"
SNAPSHOT = "kb-snapshot.bin"
# Written next to each file as .gz and .br for a static host that serves precompressed files.
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".wasm", ".zip", ".bin", ".whl"}
BROTLI_QUALITY = int(os.environ.get("KB_BROTLI_QUALITY", "11"))
_cancelled = threading.Event()
_children: set[subprocess.Popen[str]] = set()


class Cancelled(PluginError):
    """The site build that asked for the runtime failed: the runtime build stopped early."""


def cancel() -> None:
    """Stops the runtime build in progress: kills the tool it runs; the next step raises `Cancelled`."""
    _cancelled.set()
    for child in list(_children):
        child.kill()


def reset() -> None:
    """A new site build starts: an earlier one's `cancel()` is over."""
    _cancelled.clear()


def _check() -> None:
    if _cancelled.is_set():
        raise Cancelled("runtime build cancelled: the site build failed")


def precompress(path: Path, quality: int = BROTLI_QUALITY, cache: Path | None = None) -> None:
    """`path`.gz and `path`.br; with `cache`, compressed copies of the same bytes are reused from there
    (the wasm and the stdlib do not change when kb_logic does: 30 s of brotli 11 saved per rebuild)."""
    data = path.read_bytes()
    if len(data) < 1024:
        return
    key = cache / f"{hashlib.sha256(data).hexdigest()}-{quality}" if cache else None
    for suffix, compress in ((".gz", lambda: gzip.compress(data, 9, mtime=0)),
                             (".br", lambda: brotli.compress(data, quality=quality, lgwin=24))):
        if key and key.with_suffix(suffix).is_file():
            shutil.copyfile(key.with_suffix(suffix), path.with_name(path.name + suffix))
            continue
        packed = compress()
        path.with_name(path.name + suffix).write_bytes(packed)
        if key:
            key.with_suffix(suffix).write_bytes(packed)


def _source_digest() -> str:
    digest = hashlib.sha256()
    inputs = [ROOT / "pyproject.toml", ROOT / "tools" / "make_snapshot.mjs",
              ROOT / "tools" / "build_wheels.py", BRIDGE, Path(__file__)]
    for path in sorted([*(ROOT / "src" / "kb_logic").rglob("*.py"), *inputs]):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    # the pinned Pyodide only: a new devDependency (lighthouse, axe-core) must not rebuild the runtime
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    digest.update(json.dumps(lock["packages"].get("node_modules/pyodide"), sort_keys=True).encode())
    digest.update(f"brotli {BROTLI_QUALITY}".encode())
    return digest.hexdigest()


def _run(*cmd: str) -> str:
    _check()
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT) as child:
        _children.add(child)  # cancel() kills it
        try:
            out, err = child.communicate()
        finally:
            _children.discard(child)
    _check()
    if child.returncode != 0:
        raise PluginError(f"{' '.join(cmd)} failed: {err.strip() or out.strip()}")
    return out


def _parallel(work: Callable[[Path], None], items: Iterable[Path]) -> None:
    """`work` on every item at once, in daemon threads: a cancelled build's exit does not wait for them
    (an executor's threads are joined at exit, and brotli 11 of the snapshot takes about a minute)."""
    errors: list[BaseException] = []

    def one(item: Path) -> None:
        try:
            _check()
            work(item)
        except BaseException as error:  # re-raised below, in the calling thread
            errors.append(error)

    threads = [threading.Thread(target=one, args=(item,), daemon=True) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def build_runtime() -> Path:
    """build/site-runtime/<digest>/, built when no folder has the digest of the inputs (kb_logic, the pinned
    Pyodide, bridge.py, this file, the snapshot and wheel tools).

    One folder per digest, never rewritten in place: a build that installs one while another build makes
    the next does not read a half-written folder. Folders of other digests older than an hour go.
    """
    if not (NPM_PYODIDE / "pyodide.asm.wasm").is_file():
        raise PluginError("node_modules/pyodide is missing: run `npm ci` (make setup does it)")
    OUT.mkdir(parents=True, exist_ok=True)
    with (BUILD / ".runtime.lock").open("w") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        done = OUT / _source_digest()[:16]
        if not done.is_dir():
            work = OUT / f".building-{os.getpid()}"
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir()
            try:
                _build(work)
            except BaseException:
                shutil.rmtree(work, ignore_errors=True)
                raise
            work.rename(done)
        for old in OUT.iterdir():
            if old != done and time.time() - old.stat().st_mtime > 3600:
                shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
    return done


def _lock_file(out: Path) -> dict[str, dict[str, object]]:
    """The wheels and their trimmed lock file (only our packages and their dependencies)."""
    wheels = _run(sys.executable, "tools/build_wheels.py", str(WHEELS)).split()
    full_lock = out / "pyodide-lock.full.json"
    _run(str(Path(sys.executable).with_name("pyodide")), "lockfile", "add-wheels",
         "--input", str(NPM_PYODIDE / "pyodide-lock.json"), "--output", str(full_lock),
         "--base-path", str(WHEELS), *wheels)
    lock = json.loads(full_lock.read_text())
    full_lock.unlink()
    keep: set[str] = set()
    todo = list(PACKAGES)
    while todo:  # the closure of our packages' dependencies
        name = todo.pop()
        if name not in keep:
            keep.add(name)
            todo += lock["packages"][name]["depends"]
    lock["packages"] = {name: spec for name, spec in lock["packages"].items() if name in keep}
    (out / "pyodide-lock.json").write_text(json.dumps(lock, separators=(",", ":")))
    packages: dict[str, dict[str, object]] = lock["packages"]
    return packages


def _build(out: Path) -> None:
    log.info("runtime inputs changed: building wheels, lean library, memory snapshot (about a minute)")
    for spec in _lock_file(out).values():
        shutil.copy2(WHEELS / str(spec["file_name"]), out)
    for name in RUNTIME_FILES:
        shutil.copy2(NPM_PYODIDE / name, out / name)
    lib = json.loads(_run("node", "tools/make_snapshot.mjs", "lib", str(out), str(out / LIB)))
    log.info(f"lean library: {lib['files']} files ({len(lib['stdnum_modules'])} stdnum modules), "
             f"{lib['bytes'] / 1e6:.1f} MB in {lib['ms'] / 1000:.1f} s")
    made = json.loads(_run("node", "tools/make_snapshot.mjs", "snapshot", str(out), str(out / LIB),
                           str(out / SNAPSHOT)))
    log.info(f"memory snapshot: {made['bytes'] / 1e6:.1f} MB in {made['ms'] / 1000:.1f} s")
    (out / "snapshot.json").write_text(json.dumps({**made, "lib_files": lib["files"]}))
    # brotli releases the GIL: the big files (snapshot, wasm) compress in parallel, the biggest first
    todo = sorted((p for p in out.iterdir() if p.suffix in COMPRESSIBLE), key=lambda p: -p.stat().st_size)
    cache = BUILD / "compressed"
    cache.mkdir(exist_ok=True)
    # the cache for Pyodide's own files only: the snapshot changes with every build
    _parallel(lambda p: precompress(p, cache=cache if p.name in RUNTIME_FILES else None), todo)
