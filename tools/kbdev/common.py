"""Small helpers every tool needs once: stderr logging, a free port, a subprocess run."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

__all__ = ["free_port", "log", "median_range", "percentile", "run"]


def log(msg: str) -> None:
    """Progress goes to stderr, so that stdout holds only the report."""
    print(msg, file=sys.stderr, flush=True)


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on right now (for a child process that must be told its port)."""
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Runs a command to its end, output captured as text, never raising on a non-zero exit."""
    return subprocess.run(cmd, text=True, capture_output=True, check=False, **kwargs)


def median_range(values: list[float]) -> dict[str, Any]:
    """Median, min, max and count (all None but n when there is no value).

    >>> median_range([3.0, 1.0, 2.0])
    {'median': 2.0, 'min': 1.0, 'max': 3.0, 'n': 3}
    """
    if not values:
        return {"median": None, "min": None, "max": None, "n": 0}
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100).

    >>> percentile([float(i) for i in range(1, 101)], 95)
    95.0
    """
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


PROJECT = Path(__file__).resolve().parents[2]


def build_site(dest: Path) -> Path:
    """`mkdocs build --strict` of this project into `dest` (the benchmarks' site when none is given)."""
    log(f"building the site into {dest} (mkdocs build --strict)…")
    started = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)], cwd=PROJECT, env=env)
    if done.returncode != 0:
        sys.exit(f"the build failed:\n{done.stdout}\n{done.stderr}")
    log(f"  built in {time.perf_counter() - started:.1f} s")
    return dest
