"""Build the wheels Pyodide loads: kb_logic itself and python-stdnum (its only dependency).

    python tools/build_wheels.py OUTDIR [--test-deps]

Builds the kb_logic wheel with ``python -m build --wheel`` and fetches the python-stdnum wheel
of the installed version with ``pip download --no-deps``. ``--test-deps`` also fetches the pure
Python wheels pytest needs (pytest, pluggy, iniconfig, packaging, pygments), for
tools/pyodide_run_tests.mjs. Idempotent: the kb_logic wheel is rebuilt (older ones removed),
downloaded wheels already present are kept. Prints one wheel path per line; the site build
reuses this.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNTIME = ("python-stdnum",)
TEST_DEPS = ("pytest", "pluggy", "iniconfig", "packaging", "pygments")


def _wheel_prefix(dist: str) -> str:
    return dist.replace("-", "_").lower() + "-"


def _find(outdir: Path, dist: str, release: str | None = None) -> list[Path]:
    prefix = _wheel_prefix(dist) + (f"{release}-" if release else "")
    return sorted(p for p in outdir.glob("*.whl") if p.name.lower().startswith(prefix))


def build_kb_logic(outdir: Path) -> Path:
    for old in _find(outdir, "kb_logic"):
        old.unlink()
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(outdir), str(ROOT)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        print(done.stdout + done.stderr, file=sys.stderr)
        done.check_returncode()
    (wheel,) = _find(outdir, "kb_logic")
    return wheel


def fetch(outdir: Path, dist: str) -> Path:
    release = version(dist)
    found = _find(outdir, dist, release)
    if not found:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
             "--only-binary=:all:", "--dest", str(outdir), f"{dist}=={release}"],
            check=True,
        )  # fmt: skip
        found = _find(outdir, dist, release)
    if len(found) != 1 or not found[0].name.endswith("-none-any.whl"):
        raise SystemExit(f"expected one pure-Python wheel of {dist}=={release}, found {found}")
    return found[0]


def build(outdir: Path, test_deps: bool = False) -> list[Path]:
    """Build/fetch every wheel into ``outdir``; returns their paths (kb_logic first)."""
    outdir.mkdir(parents=True, exist_ok=True)
    wheels = [build_kb_logic(outdir)]
    wheels += [fetch(outdir, dist) for dist in RUNTIME + (TEST_DEPS if test_deps else ())]
    return wheels


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--test-deps", action="store_true", help="also fetch pytest and its dependencies")
    args = parser.parse_args()
    try:
        wheels = build(args.outdir.resolve(), args.test_deps)
    except subprocess.CalledProcessError as exc:
        print(f"build_wheels: {exc}", file=sys.stderr)
        return 1
    print("\n".join(str(wheel) for wheel in wheels))
    return 0


if __name__ == "__main__":
    sys.exit(main())
