"""`mkdocs serve` as a writer runs it, on a free port, for the tests and the scale benchmark.

    from kbdev.serve import mkdocs_serve, ServeError

    with mkdocs_serve(project, "index.html", flags=["--livereload"]) as server:
        page.goto(server.base)          # server.process: the running `mkdocs serve`

It waits until `ready_path` answers 200 and raises `ServeError` (with the server's output) when the server
exits first or is not ready in time; it stops the server (its whole process group) afterwards.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from kbdev.common import free_port

__all__ = ["ServeError", "Serving", "mkdocs_serve", "status"]


class ServeError(RuntimeError):
    """`mkdocs serve` exited, or did not serve the page in time."""


@dataclass(frozen=True)
class Serving:
    base: str  # "http://127.0.0.1:PORT/"
    port: int
    process: subprocess.Popen[str]


def status(url: str) -> int:
    """The HTTP status of a GET (0 when nothing answers)."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except OSError:
        return 0


@contextlib.contextmanager
def mkdocs_serve(project: Path, ready_path: str, *, flags: Sequence[str] = ("--livereload",),
                 env: Mapping[str, str] | None = None, inherit_env: bool = True, timeout_s: float = 180,
                 output: IO[str] | None = None) -> Iterator[Serving]:
    """Runs `python -m mkdocs serve` in `project`; yields once `ready_path` (from the root) answers 200.

    `env` is added to this process's environment, or is the whole environment with `inherit_env=False`.
    """
    full_env = {**(os.environ if inherit_env else {}), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    with contextlib.ExitStack() as stack:
        log = output if output is not None else stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8"))
        yield from _serve(project, ready_path, flags, full_env, timeout_s, log, own_log=output is None)


def _serve(project: Path, ready_path: str, flags: Sequence[str], env: Mapping[str, str], timeout_s: float,
           log: IO[str], *, own_log: bool) -> Iterator[Serving]:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *flags],
        cwd=project, env=dict(env),
        stdout=log, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )

    def said() -> str:
        if not own_log:
            return f"(output in {getattr(log, 'name', 'the given file')})"
        log.seek(0)
        return log.read()[-4000:]

    try:
        deadline = time.monotonic() + timeout_s
        while status(base + ready_path) != 200:
            if process.poll() is not None:
                raise ServeError(f"mkdocs serve exited {process.returncode}:\n{said()}")
            if time.monotonic() > deadline:
                raise ServeError(f"mkdocs serve did not serve {ready_path} within {timeout_s:.0f} s:\n{said()}")
            time.sleep(0.2)
        yield Serving(base, port, process)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)  # our own child's process group (livereload's watchers too)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
