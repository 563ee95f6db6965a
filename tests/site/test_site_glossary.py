"""Gate 9: the glossary has the same terms in both languages; abbreviations render as <abbr title>."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .site_helpers import DOCS, guides, page_for, soup

TERM = re.compile(r"^#{2,3}\s.*\{\s*#([\w-]+)\s*\}\s*$", re.M)
ABBREVIATION = re.compile(r"^\*\[(.+?)\]:\s*(.+?)\s*$", re.M)


def glossary_terms(lang: str) -> list[str]:
    return TERM.findall((DOCS / lang / "glossary.md").read_text(encoding="utf-8"))


def abbreviations(lang: str) -> dict[str, str]:
    return dict(ABBREVIATION.findall((DOCS / lang / "_abbreviations.md").read_text(encoding="utf-8")))


def test_glossary_terms_are_the_same_in_both_languages() -> None:
    fr, en = glossary_terms("fr"), glossary_terms("en")
    assert fr, "no `## Term { #id }` in docs/fr/glossary.md"
    assert fr == en, f"glossary term ids differ (same order expected): fr={fr} en={en}"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_glossary_terms_are_anchors_of_the_built_glossary(built_site: Path, lang: str) -> None:
    html = soup(built_site, page_for(lang, "glossary.md").file)
    missing = [term for term in glossary_terms("fr") if html.find(id=term) is None]
    assert not missing, f"{lang} glossary page lacks the term anchors {missing}"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_abbreviations_render_as_abbr_with_their_definition(built_site: Path, lang: str) -> None:
    defined = abbreviations(lang)
    assert defined, f"docs/{lang}/_abbreviations.md defines nothing"
    rendered: dict[str, set[str]] = {}
    for guide in guides(lang):
        for abbr in soup(built_site, guide.file).select("article abbr"):
            rendered.setdefault(abbr.get_text(), set()).add(str(abbr.get("title", "")))
    assert rendered, f"no <abbr> in any {lang} guide"
    wrong = {term: titles for term, titles in rendered.items() if titles != {defined.get(term)}}
    assert not wrong, f"<abbr> whose title is not the definition in _abbreviations.md: {wrong}"
