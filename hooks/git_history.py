"""When each guide last changed, from ONE `git log` pass over the docs folder.

A `git log -1 -- FILE` per page costs a process and a history walk each (about 10 ms: 20 s at 2000
pages); one `git log --name-only` lists every commit's files once, newest first, so the newest entry
seen for a path is its last change. `git status` adds the files changed but not committed yet.

Used by hooks/page_dates.py (the "Updated" line), hooks/translation_status.py (the stale notice) and
tools/translations.py (`make translations`). Outside a git work tree, or without git, every file is
`unknown`: the build goes on and shows no date rather than a wrong one. So it is in a shallow clone
(`git clone --depth N`, CI's default checkout): its oldest commit looks as if it added every file, so
most pages would get that commit's date and every translation would read up to date; a warning says so.

A commit whose message has the trailer `Translation: not-needed` (a typo fix, say) changes a page
without making its translations stale.
"""

from __future__ import annotations

import datetime
import logging
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

__all__ = ["Change", "History", "State", "load"]

State = Literal["committed", "uncommitted", "unknown"]
NOT_NEEDED = "not-needed"
# Not under the `mkdocs` logger: `mkdocs build --strict` must not fail a shallow CI checkout over it (the
# pages are only undated); Python prints a warning of a logger without handlers on stderr.
logger = logging.getLogger("kb.git_history")
SHALLOW_WARNING = ("git history is shallow (a clone with --depth): pages get no last-updated date and "
                   "translations no freshness verdict. Fix: git fetch --unshallow")
_warned: set[str] = set()
# Record separator between commits, unit separator between fields: neither occurs in a path or a date.
_FORMAT = "%x1e%H%x1f%aI%x1f%(trailers:key=Translation,valueonly,separator=%x2C)"


@dataclass(frozen=True)
class Change:
    """One commit that touched a file: ``order`` 0 is the newest commit of the docs' history."""

    commit: str
    date: datetime.date
    order: int
    translation_needed: bool = True


@dataclass(frozen=True)
class History:
    """Every file's commits (newest first) and the files not committed as they are on disk."""

    root: Path | None  # the git work tree; None outside git, or when its history cannot be trusted
    shallow: bool = False  # a shallow clone: root is None, the history is cut
    changes: dict[str, tuple[Change, ...]] = field(default_factory=dict)  # key: path relative to root
    dirty: frozenset[str] = frozenset()

    def _key(self, path: Path) -> str | None:
        if self.root is None:
            return None
        # os.path, not pathlib: Path.relative_to was 80 % of the hook's time at 2000 pages
        real, root = os.path.realpath(path), str(self.root) + os.sep
        return real[len(root):].replace(os.sep, "/") if real.startswith(root) else None

    def state(self, path: Path) -> State:
        """`committed` (on disk as in its last commit), `uncommitted` (new or edited since), `unknown`."""
        key = self._key(path)
        if key is None:
            return "unknown"
        if key in self.dirty or key not in self.changes:
            return "uncommitted"
        return "committed"

    def commits(self, path: Path) -> tuple[Change, ...]:
        key = self._key(path)
        return self.changes.get(key, ()) if key is not None else ()

    def last(self, path: Path) -> Change | None:
        """The file's last commit, or None when it has none (outside git, or never committed)."""
        found = self.commits(path)
        return found[0] if found else None


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", "-C", str(folder), *args],
                              capture_output=True, text=True, check=False)
    except OSError:  # no git on this machine
        return None
    return done.stdout if done.returncode == 0 else None


def parse_log(output: str) -> dict[str, tuple[Change, ...]]:
    """Parses ``git log --name-only --format=_FORMAT``: each record is a header line, then paths.

    >>> out = "\\x1eabc\\x1f2026-11-30T10:00:00+01:00\\x1fnot-needed\\n\\ndocs/fr/a.md\\n"
    >>> parse_log(out)["docs/fr/a.md"][0].translation_needed
    False
    """
    changes: dict[str, list[Change]] = {}
    for order, record in enumerate(output.split("\x1e")[1:]):
        header, _, names = record.partition("\n")
        commit, date, trailers = [*header.split("\x1f"), "", ""][:3]
        needed = NOT_NEEDED not in (value.strip().lower() for value in trailers.split(","))
        change = Change(commit, datetime.datetime.fromisoformat(date).date(), order, needed)
        for name in names.splitlines():
            if name:
                changes.setdefault(name, []).append(change)
    return {name: tuple(found) for name, found in changes.items()}


def load(folder: Path) -> History:
    """The history of every file under ``folder`` (three git processes, whatever the number of files)."""
    top = _git(folder, "rev-parse", "--show-toplevel", "--is-shallow-repository")
    if top is None:
        return History(root=None)
    where, _, shallow = top.partition("\n")
    if shallow.strip() == "true":
        if where not in _warned:  # once per clone: each language's build loads the history
            logger.warning(SHALLOW_WARNING)
            _warned.add(where)
        return History(root=None, shallow=True)
    root = Path(where.strip()).resolve()
    log = _git(folder, "log", "--no-renames", "--name-only", f"--format={_FORMAT}", "--", ".")
    status = _git(folder, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ".")
    dirty: set[str] = set()
    entries = iter((status or "").split("\0"))
    for entry in entries:
        if len(entry) > 3:
            dirty.add(entry[3:])
            if entry[0] in "RC":  # a rename or copy is followed by its source path
                next(entries, None)
    return History(root=root, changes=parse_log(log or ""), dirty=frozenset(dirty))


_cache: dict[Path, tuple[object, History]] = {}


def for_build(config: object, folder: Path) -> History:
    """The history of ``folder`` (the docs, the theme's overrides) for this build: loaded once per config
    object, so the hooks and static-i18n's nested language builds share one pass, and `mkdocs serve`
    (new config per rebuild) sees each edit."""
    cached = _cache.get(folder)
    if cached is not None and cached[0] is config:
        return cached[1]
    history = load(folder)
    _cache[folder] = (config, history)
    return history
