"""A writer under `mkdocs serve` sees a broken build in the browser (hooks/dev_errors.py, assets/kb-dev.js).

The server runs in a COPY of the project (a temp folder), so writing a broken guide disturbs nobody.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from .conftest import mkdocs_serve

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

import dev_errors  # noqa: E402

GUIDE = "billing-and-vat/vat-number"
BROKEN = "<!-- kb:oops thing -->"
REBUILD_MS = 60_000  # a full two-language rebuild on a loaded 2-core machine takes a few seconds
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KB_SKIP_RUNTIME": "1", "KB_SKIP_SEARCH": "1"}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("project")
    for name in ("docs", "hooks", "overrides", "widgets", "src"):  # src: the dev server watches it
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    return copy


@pytest.fixture(scope="module")
def serve(project: Path) -> Iterator[str]:
    with mkdocs_serve(project, "kb-dev-status.json", livereload=True, env=ENV) as base:
        yield base


def open_guide(browser: Browser, serve: str) -> tuple[BrowserContext, Page, Page]:
    """The guide in French and in English, each with the dev banner's script loaded."""
    context = browser.new_context()
    fr, en = context.new_page(), context.new_page()
    fr.goto(serve + f"{GUIDE}/")
    en.goto(serve + f"en/{GUIDE}/")
    for page in (fr, en):
        page.wait_for_function("() => document.querySelector('script[src$=\"kb-dev.js\"]') !== null")
    return context, fr, en


@pytest.mark.browser
def test_banner_shows_a_broken_shortcode_and_goes_after_the_fix(browser: Browser, serve: str, project: Path) -> None:
    guide = project / "docs" / "fr" / f"{GUIDE}.md"
    good = guide.read_text(encoding="utf-8")
    lines = good.count("\n") + 2  # the broken shortcode goes on its own line after a blank one
    context, fr, en = open_guide(browser, serve)
    for page in (fr, en):
        assert page.locator("[data-kb-dev-banner]").count() == 0
    try:
        guide.write_text(good + "\n" + BROKEN + "\n", encoding="utf-8")
        for page in (fr, en):
            page.wait_for_selector("[data-kb-dev-banner]", timeout=REBUILD_MS)
        banners = {lang: page.locator("[data-kb-dev-banner]") for lang, page in (("fr", fr), ("en", en))}
        for lang, banner in banners.items():
            text = banner.inner_text()
            assert banner.get_attribute("data-kb-dev-banner") == "failed"
            assert banner.get_attribute("role") == "alert"
            assert f"docs/fr/{GUIDE}.md" in text, text
            assert BROKEN in text  # the problem, as the build says it
            assert ("ligne" if lang == "fr" else "line") + f" {lines}" in text, text
        # the fix and the chrome in the page's language: a different sentence per language
        assert "Correction\u00a0: Utilisez un des shortcodes que le message liste" in banners["fr"].inner_text()
        assert "Fix: Use one of the shortcodes the message lists" in banners["en"].inner_text()
    finally:
        guide.write_text(good, encoding="utf-8")
    for page in (fr, en):
        page.wait_for_selector("[data-kb-dev-banner]", state="detached", timeout=REBUILD_MS)
        page.wait_for_load_state()
    # the good build is shown again (livereload reloaded the page), without a banner
    fr.wait_for_selector("[data-kb-widget='vat']", timeout=REBUILD_MS)
    assert fr.locator("[data-kb-dev-banner]").count() == 0
    context.close()


# A tooltip defined in the guide itself: the build typesets the glossary's (_abbreviations.md) and the text,
# not a page's own <abbr title>, and the typography check reads that title (what a reader sees on hover).
PLAIN_TOOLTIP = "*[TVA]: Taxe sur la valeur ajoutée : l'impôt sur la consommation"


@pytest.mark.browser
def test_banner_shows_a_typography_problem_and_goes_after_the_fix(browser: Browser, serve: str,
                                                                 project: Path) -> None:
    guide = project / "docs" / "fr" / f"{GUIDE}.md"
    good = guide.read_text(encoding="utf-8")
    context, fr, en = open_guide(browser, serve)
    try:
        guide.write_text(good + "\n" + PLAIN_TOOLTIP + "\n", encoding="utf-8")
        for page in (fr, en):
            page.wait_for_selector("[data-kb-dev-banner]", timeout=REBUILD_MS)
        fr_text = fr.locator("[data-kb-dev-banner]").inner_text()
        en_text = en.locator("[data-kb-dev-banner]").inner_text()
        for page, text in ((fr, fr_text), (en, en_text)):
            # the build succeeded (the check is never fatal): the banner lists, it does not say "failed"
            assert page.locator("[data-kb-dev-banner]").get_attribute("data-kb-dev-banner") == "warnings"
            assert f"docs/fr/{GUIDE}.md" in text and "typography check fr-space" in text, text
            assert "typography check fr-apostrophe" in text, text
        assert "Correction\u00a0: Tapez le texte simplement" in fr_text, fr_text
        assert "Fix: Type plain text" in en_text, en_text
    finally:
        guide.write_text(good, encoding="utf-8")
    for page in (fr, en):
        page.wait_for_selector("[data-kb-dev-banner]", state="detached", timeout=REBUILD_MS)
    context.close()


@pytest.mark.browser  # shares the project copy with the browser test
def test_strict_build_still_fails_and_carries_no_dev_script(project: Path, tmp_path: Path) -> None:
    guide = project / "docs" / "en" / "glossary.md"
    lonely = project / "docs" / "fr" / "only-in-french.md"
    good = guide.read_text(encoding="utf-8")
    out = tmp_path / "site"
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]
    try:
        lonely.write_text("# Seulement en français\n", encoding="utf-8")
        failed = subprocess.run(cmd, cwd=project, env=ENV, capture_output=True, text=True, check=False)
        assert failed.returncode != 0
        assert "docs/en/only-in-french.md: missing" in failed.stdout + failed.stderr
        lonely.unlink()
        guide.write_text(good + "\n" + BROKEN + "\n", encoding="utf-8")
        failed = subprocess.run(cmd, cwd=project, env=ENV, capture_output=True, text=True, check=False)
        assert failed.returncode != 0
        assert "unknown shortcode" in failed.stdout + failed.stderr
    finally:
        guide.write_text(good, encoding="utf-8")
        lonely.unlink(missing_ok=True)
    built = subprocess.run(cmd, cwd=project, env=ENV, capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "<html" in html and "kb-dev.js" not in html


@pytest.mark.parametrize(("message", "file", "line", "fix"), [
    ("fr/index.md: unknown shortcode '<!-- kb:nope -->' (known: kb:list KEY, kb:widget NAME)",
     "docs/fr/index.md", 3, "dev_fix_shortcode"),
    ("Doc file 'en/index.md' contains a link 'glossary.md#nowhere', but the doc 'glossary.md' does not contain "
     "an anchor '#nowhere'.", "docs/en/index.md", 2, "dev_fix_anchor"),
    ("docs/en/x.md: missing: the page exists in docs/fr/ only. Fix: write docs/en/x.md (same path in every "
     "language).", "docs/en/x.md", None, "dev_fix_missing"),
    ("fr/index.md:7: malformed kb shortcode", "docs/fr/index.md", 7, "dev_fix_shortcode"),
    ("fr/index.md: typography check fr-space: …Voici·:…", "docs/fr/index.md", None, "dev_fix_typography"),
    ("Config value 'nav': something", None, None, "dev_fix_other"),
])
def test_each_problem_names_file_line_and_fix(tmp_path: Path, message: str, file: str | None, line: int | None,
                                              fix: str) -> None:
    (tmp_path / "fr").mkdir()
    (tmp_path / "en").mkdir()
    (tmp_path / "fr" / "index.md").write_text("# Accueil\n\n<!-- kb:nope -->\n", encoding="utf-8")
    (tmp_path / "en" / "index.md").write_text("# Home\n[see](glossary.md#nowhere)\n", encoding="utf-8")
    found = dev_errors.problem(message, tmp_path)
    assert (found["file"], found["line"], found["fix"], found["problem"]) == (file, line, fix, message)
