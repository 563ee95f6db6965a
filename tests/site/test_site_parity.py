"""Gate 2: every French page has its English counterpart and the other way round, with the same anchors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .site_helpers import DOCS, Page, pages, soup, source_files

# `{ #id }` / `{#id .class}` attribute lists of headings, paragraphs and list items
EXPLICIT_ID = re.compile(r"\{:?\s*[^}\n]*?#([A-Za-z][\w-]*)[^}\n]*\}")


def explicit_ids(lang: str, src: str) -> set[str]:
    text = (DOCS / lang / src).read_text(encoding="utf-8")
    text = re.sub(r"^(```|~~~).*?^\1", "", text, flags=re.M | re.S)  # not inside code blocks
    return set(EXPLICIT_ID.findall(text))


def test_same_pages_in_both_languages() -> None:
    fr, en = set(source_files("fr")), set(source_files("en"))
    assert sorted(fr - en) == [], "French pages without an English counterpart (docs/en/…)"
    assert sorted(en - fr) == [], "English pages without a French counterpart (docs/fr/…)"


@pytest.mark.parametrize("src", source_files("fr"), ids=str)
def test_same_explicit_ids_in_sources(src: str) -> None:
    if not (DOCS / "en" / src).is_file():
        pytest.skip("no English counterpart (test_same_pages_in_both_languages fails)")
    fr, en = explicit_ids("fr", src), explicit_ids("en", src)
    assert (sorted(fr - en), sorted(en - fr)) == ([], []), "{ #id } only in (French, English)"


def content_ids(built_site: Path, file: str) -> set[str]:
    """The ids a link can target in a page's content (headings, rule paragraphs, helpers' parts…).

    The page title (h1) is left out: its id is a slug of the title, and nothing links to it.
    """
    article = soup(built_site, file).select_one("article")
    assert article is not None, f"/{file}: no <article>"
    return {str(el["id"]) for el in article.find_all(id=True) if el.name != "h1"}


@pytest.mark.parametrize("page", pages("fr"), ids=str)
def test_same_link_targets_in_built_pages(built_site: Path, page: Page) -> None:
    other = page.counterpart
    if not (built_site / other.file).is_file():
        pytest.skip(f"{other} not built")
    fr, en = content_ids(built_site, page.file), content_ids(built_site, other.file)
    assert (sorted(fr - en), sorted(en - fr)) == ([], []), f"ids only in ({page}, {other})"
