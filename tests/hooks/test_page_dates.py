"""Last-updated dates (hooks/page_dates.py, from hooks/git_history.py's one `git log` pass): localized,
in a <time datetime>, per page and per language; no wrong date outside git or for uncommitted files.
The dates of a built copy in a throwaway repository are checked in test_translations.py (same build)."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

import git_history  # noqa: E402
from page_dates import long_date, updated_html  # noqa: E402

from ..site import site_helpers  # noqa: E402
from .test_translations import Repo, shallow_clone  # noqa: E402  # a throwaway git repository

UI = {"fr": {"updated": "Mis à jour le {date}", "updated_uncommitted": "Version de travail"},
      "en": {"updated": "Updated {date}", "updated_uncommitted": "Working copy"}}


@pytest.mark.parametrize(("day", "lang", "expected"), [
    ("2026-11-30", "fr", "30 novembre 2026"),
    ("2026-11-30", "en", "30 November 2026"),
    ("2026-12-01", "fr", "1er décembre 2026"),
    ("2026-12-01", "en", "1 December 2026"),
])
def test_long_date_per_language(day: str, lang: str, expected: str) -> None:
    assert long_date(datetime.date.fromisoformat(day), lang) == expected


def test_updated_line_committed_uncommitted_and_outside_git(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.commit("2026-11-30", {"docs/fr/a.md": "# A\n", "docs/en/a.md": "# A\n"})
    repo.commit("2026-12-01", {"docs/en/a.md": "# A!\n"})
    docs = repo.path / "docs"
    history = git_history.load(docs)
    fr = BeautifulSoup(updated_html(history, docs / "fr/a.md", "fr", UI["fr"]), "html.parser")
    en = BeautifulSoup(updated_html(history, docs / "en/a.md", "en", UI["en"]), "html.parser")
    assert fr.get_text() == "Mis à jour le 30 novembre 2026"
    assert en.get_text() == "Updated 1 December 2026"
    assert [t["datetime"] for t in (*fr.select("time"), *en.select("time"))] == ["2026-11-30", "2026-12-01"]
    repo.write({"docs/fr/a.md": "# A (edited)\n", "docs/fr/new.md": "# New\n"})
    history = git_history.load(docs)
    for name in ("fr/a.md", "fr/new.md"):  # an edited file is not dated by its previous commit
        line = BeautifulSoup(updated_html(history, docs / name, "fr", UI["fr"]), "html.parser")
        assert line.select("time") == [] and line.get_text() == "Version de travail"
        assert line.p is not None and line.p["data-kb-updated"] == "uncommitted"
    outside = git_history.load(tmp_path)  # tmp_path itself is not in a work tree
    assert outside.root is None
    assert updated_html(outside, tmp_path / "repo/docs/fr/a.md", "fr", UI["fr"]) == ""


def test_a_shallow_clone_dates_no_page(tmp_path: Path) -> None:
    """A clone with --depth 1 sees the tip as the commit that added every file: no date beats a wrong one."""
    repo = Repo(tmp_path / "repo")
    repo.commit("2026-11-01", {"docs/fr/a.md": "# A\n", "docs/fr/b.md": "# B\n"})
    repo.commit("2026-11-30", {"docs/fr/b.md": "# B!\n"})
    clone = shallow_clone(repo, tmp_path / "shallow")
    history = git_history.load(clone / "docs")
    assert history.shallow
    for name in ("a.md", "b.md"):  # a.md would read 30 November, the tip's date
        assert updated_html(history, clone / "docs/fr" / name, "fr", UI["fr"]) == ""
    full = git_history.load(repo.path / "docs")
    assert not full.shallow and "2026-11-01" in updated_html(full, repo.path / "docs/fr/a.md", "fr", UI["fr"])


def test_one_git_log_pass_keeps_each_files_newest_change_first(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.commit("2026-11-01", {"docs/fr/a.md": "1\n", "docs/fr/b.md": "1\n"})
    repo.commit("2026-11-02", {"docs/fr/a.md": "2\n"}, trailer="Translation: not-needed")
    history = git_history.load(repo.path / "docs")
    a = history.commits(repo.path / "docs/fr/a.md")
    assert [(c.date.day, c.translation_needed) for c in a] == [(2, False), (1, True)]
    last_b = history.last(repo.path / "docs/fr/b.md")
    assert last_b is not None and last_b.date.day == 1 and last_b.order > a[0].order


def test_this_sites_dates_are_git_dates(built_site: Path) -> None:
    """In the project's own build: a committed page shows its last commit's date (asked of git file by file,
    the slow way); a page edited but not committed says so and shows no date. In a shallow clone (CI's
    default checkout) no page has a date."""
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.strip() == "true"
    # the 404 pages have no Markdown source: their template's history dates them
    not_found = [(ROOT / "overrides/404.html", "404.html"), (ROOT / "overrides/404.html", "en/404.html")]
    for source, page in [*((site_helpers.DOCS / p.lang / p.src, p.file) for p in site_helpers.pages()), *not_found]:
        lines = site_helpers.soup(built_site, page).select("article [data-kb-updated]")
        if shallow:
            assert lines == [], page
            continue
        (line,) = lines
        dirty = subprocess.run(["git", "status", "--porcelain", "--", str(source)], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        if dirty:
            assert line["data-kb-updated"] == "uncommitted" and not line.select("time"), page
            continue
        last = subprocess.run(["git", "log", "-1", "--format=%aI", "--", str(source)], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout.strip()
        (time,) = line.select("time")
        assert time["datetime"] == last[:10], page
