"""Translation freshness (hooks/translation_status.py, tools/translations.py), played in throwaway git
repositories whose commits have fixed dates: fresh, stale, marked not needed, missing, not committed,
outside git; and a built copy of the project where one French guide changed after its English page
(its stale notice, and every page's last-updated date)."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tools"))


import git_history  # noqa: E402
import translations  # noqa: E402
from page_dates import long_date  # noqa: E402
from translation_status import Status, status  # noqa: E402

from ..site import site_helpers  # noqa: E402

GUIDE = "billing-and-vat/vat-number"


class Repo:
    """A git work tree in a temp folder; ``commit`` takes the files to write and a fixed date."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q")
        self.git("config", "user.name", "Writer")
        self.git("config", "user.email", "writer@example.test")
        self.git("config", "commit.gpgsign", "false")

    def git(self, *args: str, date: str | None = None) -> str:
        env = {**os.environ, **({"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {})}
        return subprocess.run(["git", "-C", str(self.path), *args], env=env, check=True,
                              capture_output=True, text=True).stdout

    def write(self, files: dict[str, str]) -> None:
        for name, text in files.items():
            target = self.path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")

    def commit(self, day: str, files: dict[str, str], message: str = "Edit", *, trailer: str = "") -> None:
        self.write(files)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, *(["-m", trailer] if trailer else []), date=f"{day}T10:00:00+01:00")

    def status(self, page: str = "a.md") -> Status:
        docs = self.path / "docs"
        return status(git_history.load(docs), docs, page, "en", "fr")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.commit("2026-11-20", {"docs/fr/a.md": "# A\n", "docs/en/a.md": "# A\n"}, "Both languages")
    return repo


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def test_fresh_when_both_languages_changed_together(repo: Repo) -> None:
    found = repo.status()
    assert (found.kind, found.describe()) == ("up_to_date", "up to date")


def test_stale_since_the_first_french_change_after_the_translation(repo: Repo) -> None:
    repo.commit("2026-11-25", {"docs/fr/a.md": "# A\n\nUn.\n"})
    repo.commit("2026-11-28", {"docs/fr/a.md": "# A\n\nUn. Deux.\n"})
    found = repo.status()
    assert found.kind == "stale"
    assert (found.since, found.source_date) == (day("2026-11-25"), day("2026-11-28"))
    assert found.describe() == "stale since 2026-11-25 (French page changed 2026-11-28)"
    repo.commit("2026-11-29", {"docs/en/a.md": "# A\n\nOne. Two.\n"}, "Translate")
    assert repo.status().kind == "up_to_date"


def test_a_french_change_marked_not_needed_leaves_the_translation_fresh(repo: Repo) -> None:
    repo.commit("2026-11-25", {"docs/fr/a.md": "# A.\n"}, "Typo", trailer="Translation: not-needed")
    assert repo.status().kind == "up_to_date"
    repo.commit("2026-11-27", {"docs/fr/a.md": "# A.\n\nNouveau.\n"})
    found = repo.status()
    assert (found.kind, found.since, found.source_date) == ("stale", day("2026-11-27"), day("2026-11-27"))


def test_an_english_fix_marked_not_needed_does_not_clear_a_stale_page(repo: Repo) -> None:
    repo.commit("2026-11-25", {"docs/fr/a.md": "# A\n\nNouveau.\n"}, "New paragraph")
    repo.commit("2026-11-26", {"docs/en/a.md": "# A.\n"}, "Typo in the translation", trailer="Translation: not-needed")
    found = repo.status()
    assert (found.kind, found.since, found.source_date) == ("stale", day("2026-11-25"), day("2026-11-25"))
    repo.commit("2026-11-27", {"docs/en/a.md": "# A.\n\nNew.\n"}, "Translate")
    assert repo.status().kind == "up_to_date"
    # a file whose every commit says not-needed translates what its first commit did
    repo.commit("2026-11-28", {"docs/fr/b.md": "# B\n", "docs/en/b.md": "# B\n"}, "B",
                trailer="Translation: not-needed")
    repo.commit("2026-11-29", {"docs/fr/b.md": "# B\n\nPlus.\n"})
    repo.commit("2026-11-30", {"docs/en/b.md": "# B.\n"}, "Typo", trailer="Translation: not-needed")
    assert (repo.status("b.md").kind, repo.status("b.md").since) == ("stale", day("2026-11-29"))


def shallow_clone(repo: Repo, target: Path) -> Path:
    """``git clone --depth 1`` of the repository (file://: a local path would ignore --depth)."""
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.path.as_uri(), str(target)], check=True,
                   capture_output=True)
    return target


def test_a_shallow_clone_gives_no_verdict_and_strict_fails(repo: Repo, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str],
                                                          caplog: pytest.LogCaptureFixture) -> None:
    repo.commit("2026-11-25", {"docs/fr/a.md": "# A\n\nNouveau.\n"})  # stale in the full history
    assert repo.status().kind == "stale"
    clone = shallow_clone(repo, tmp_path / "shallow")
    docs = clone / "docs"
    with caplog.at_level("WARNING", logger="kb.git_history"):
        history = git_history.load(docs)
    assert history.shallow and history.root is None
    assert [r.getMessage() for r in caplog.records] == [git_history.SHALLOW_WARNING]
    assert status(history, docs, "a.md", "en", "fr").kind == "unknown"  # not "up to date": the tip is all it sees
    assert translations.main(["--docs", str(docs)]) == 0
    out = capsys.readouterr()
    assert "en/a.md  unknown (no git history: not a git work tree, or a shallow clone)" in out.out
    assert "cannot tell which translations are stale: the clone is shallow" in out.err
    assert translations.main(["--docs", str(docs), "--strict"]) == 1  # a gate that cannot see must not pass


def test_missing_in_one_language(repo: Repo) -> None:
    repo.commit("2026-11-21", {"docs/fr/only-fr.md": "# F\n", "docs/en/only-en.md": "# E\n"})
    assert repo.status("only-fr.md").describe() == "missing in en"
    assert repo.status("only-en.md").describe() == "missing in fr"


def test_not_committed_translation_gets_no_verdict_and_no_date(repo: Repo) -> None:
    repo.commit("2026-11-25", {"docs/fr/b.md": "# B\n"})
    repo.write({"docs/en/b.md": "# B\n"})  # the translator's new file, not committed yet
    assert repo.status("b.md").kind == "uncommitted"
    history = git_history.load(repo.path / "docs")
    assert history.state(repo.path / "docs/en/b.md") == "uncommitted"
    assert history.state(repo.path / "docs/fr/b.md") == "committed"
    repo.write({"docs/fr/a.md": "# A\n\nEn cours.\n"})  # a French edit not committed yet: not stale yet
    assert repo.status().kind == "up_to_date"
    assert git_history.load(repo.path / "docs").state(repo.path / "docs/fr/a.md") == "uncommitted"


def test_outside_git_everything_is_unknown(repo: Repo, tmp_path: Path) -> None:
    plain = tmp_path / "unpacked"
    shutil.copytree(repo.path / "docs", plain / "docs")
    history = git_history.load(plain / "docs")
    assert history.root is None and history.last(plain / "docs/fr/a.md") is None
    assert status(history, plain / "docs", "a.md", "en", "fr").kind == "unknown"
    assert translations.main(["--docs", str(plain / "docs"), "--strict"]) == 1  # strict: no history, no pass


def test_make_translations_prints_each_page_and_strict_gates(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    docs = str(repo.path / "docs")
    assert translations.main(["--docs", docs, "--strict"]) == 0
    assert "en/a.md  up to date" in capsys.readouterr().out
    repo.commit("2026-11-26", {"docs/fr/a.md": "# A\n\nPlus.\n", "docs/fr/c.md": "# C\n"})
    assert translations.main(["--docs", docs]) == 0  # reports, gates only when asked
    out = capsys.readouterr().out
    assert "en/a.md  stale since 2026-11-26 (French page changed 2026-11-26)" in out
    assert "en/c.md  missing in en" in out
    assert out.rstrip().endswith("1 stale, 1 missing")
    assert translations.main(["--docs", docs, "--strict"]) == 1


def test_make_translations_on_this_project_runs() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "tools/translations.py")], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert f"en/{GUIDE}.md" in done.stdout


# ---------- a built copy of the project, in a git repository of its own ----------

@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The project built from a throwaway repository: everything committed on 2026-11-20, then the
    French VAT guide changed on 2026-11-28 and the French glossary on 2026-11-29 (marked not needed)."""
    base = tmp_path_factory.mktemp("repo-site")
    repo = Repo(base / "project")
    for name in ("docs", "hooks", "overrides", "widgets", "src"):
        shutil.copytree(ROOT / name, repo.path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", repo.path / "mkdocs.yml")
    repo.commit("2026-11-20", {}, "Import")
    vat = (repo.path / f"docs/fr/{GUIDE}.md").read_text(encoding="utf-8")
    repo.commit("2026-11-28", {f"docs/fr/{GUIDE}.md": vat + "\nUne phrase de plus.\n"}, "VAT guide")
    glossary = (repo.path / "docs/fr/glossary.md").read_text(encoding="utf-8")
    repo.commit("2026-11-29", {"docs/fr/glossary.md": glossary + "\n"}, "Blank line",
                trailer="Translation: not-needed")
    site = base / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KB_SKIP_RUNTIME": "1", "KB_SKIP_SEARCH": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                          cwd=repo.path, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{done.stdout}{done.stderr}", pytrace=False)
    yield site


def test_stale_notice_on_that_english_page_and_nowhere_else(repo_site: Path) -> None:
    pages = sorted(repo_site.rglob("*.html"))
    with_notice = [p.relative_to(repo_site).as_posix() for p in pages
                   if 'data-kb-translation="stale"' in p.read_text(encoding="utf-8")]
    assert with_notice == [f"en/{GUIDE}/index.html"]
    page = BeautifulSoup((repo_site / with_notice[0]).read_text(encoding="utf-8"), "html.parser")
    (notice,) = page.select('[data-kb-translation="stale"]')
    assert " ".join(notice.get_text(" ").split()) == (
        "The French version of this page changed on 28 November 2026 , after this translation. "
        "Read the French page")
    time = notice.find("time")
    assert time is not None and time["datetime"] == "2026-11-28"
    link = notice.find("a")
    assert link is not None and link["hreflang"] == "fr"
    target = (repo_site / "en" / GUIDE / str(link["href"]) / "index.html").resolve()
    assert target == (repo_site / GUIDE / "index.html").resolve()
    # the notice comes right after the title, where a reader looks first
    h1 = page.select_one("article h1")
    assert h1 is not None and h1.find_next_sibling() is notice


def test_built_copy_dates_every_page_in_both_languages(repo_site: Path) -> None:
    expected_fr = {f"{GUIDE}.md": "2026-11-28", "glossary.md": "2026-11-29"}
    for page in site_helpers.pages():
        html = BeautifulSoup((repo_site / page.file).read_text(encoding="utf-8"), "html.parser")
        (line,) = html.select("article [data-kb-updated]")
        (time,) = line.select("time")
        day = expected_fr.get(page.src, "2026-11-20") if page.lang == "fr" else "2026-11-20"
        assert time["datetime"] == day, page
        text = " ".join(line.get_text(" ").split())
        words = long_date(datetime.date.fromisoformat(day), page.lang)
        assert text == (f"Mis à jour le {words}" if page.lang == "fr" else f"Updated {words}"), page
    for file, words in (("404.html", "Mis à jour le 20 novembre 2026"), ("en/404.html", "Updated 20 November 2026")):
        html = BeautifulSoup((repo_site / file).read_text(encoding="utf-8"), "html.parser")
        (line,) = html.select("article [data-kb-updated]")  # dated by overrides/404.html's last commit
        (time,) = line.select("time")
        assert (time["datetime"], " ".join(line.get_text(" ").split())) == ("2026-11-20", words)
