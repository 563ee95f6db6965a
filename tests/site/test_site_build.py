"""Gate 1: `mkdocs build --strict` is clean, and builds exactly the pages of docs/ in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ..conftest import SiteBuild
from .site_helpers import LANGS, PREFIX, pages

# A logged warning: "WARNING -  …" (mkdocs' log format); the theme's banners are not log records.
WARNING = re.compile(r"^\s*(?:\x1b\[[0-9;]*m)?WARNING\b", re.M)


def test_strict_build_has_no_warning(site_build: SiteBuild) -> None:
    if site_build.log is None:
        pytest.skip("KB_SITE_DIR: the site was built elsewhere, its log is not available")
    warnings = [line for line in site_build.log.splitlines() if WARNING.match(line)]
    assert not warnings, "mkdocs build --strict logged warnings:\n" + "\n".join(warnings)


def test_every_source_page_is_built_and_nothing_else(built_site: Path) -> None:
    expected = {p.file for p in pages()}
    built: set[str] = set()
    for lang in LANGS:
        root = built_site / PREFIX[lang] if PREFIX[lang] else built_site
        for html in root.rglob("index.html"):
            rel = html.relative_to(built_site).as_posix()
            if rel.startswith(("assets/", "pagefind/")) or (lang == "fr" and rel.startswith("en/")):
                continue
            built.add(rel)
    assert sorted(expected - built) == [], "pages of docs/ missing from the site"
    assert sorted(built - expected) == [], "pages in the site that docs/ does not have"
