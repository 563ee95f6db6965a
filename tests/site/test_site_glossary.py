"""Gate 9: the glossary has the same terms in both languages; abbreviations render as <abbr title>."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb_logic.constants import Lang
from kb_logic.messages import catalogue
from kb_logic.typography import apply

from .site_helpers import DOCS, guides, page_for, soup

TERM = re.compile(r"^#{2,3}\s.*\{\s*#([\w-]+)\s*\}\s*$", re.M)
ABBREVIATION = re.compile(r"^\*\[(.+?)\]:\s*(.+?)\s*$", re.M)
LINK_TEXT = re.compile(r"\[((?:[A-ZÉ]\w+(?:er|ir|re))\b[^\]]*)\]\(")  # a link whose text starts with an infinitive


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
def test_abbreviations_render_as_abbr_with_their_definition(built_site: Path, lang: Lang) -> None:
    defined = abbreviations(lang)
    assert defined, f"docs/{lang}/_abbreviations.md defines nothing"
    rendered: dict[str, set[str]] = {}
    for guide in guides(lang):
        for abbr in soup(built_site, guide.file).select("article abbr"):
            rendered.setdefault(abbr.get_text(), set()).add(str(abbr.get("title", "")))
    assert rendered, f"no <abbr> in any {lang} guide"
    # a tooltip is an attribute, which the pages' typography hook never reads: the definition is typeset
    wrong = {term: titles for term, titles in rendered.items() if titles != {apply(defined.get(term, ""), lang)}}
    assert not wrong, f"<abbr> whose title is not the typeset definition in _abbreviations.md: {wrong}"


# The forms the writing conventions reject: `(not "X")`, `do not write "X"`, « on n'écrit pas « X » ».
BANNED = {
    "en": re.compile(r"\(not \"([^\"]+)\"\)|do not write \"([^\"]+)\""),
    "fr": re.compile(r"on n'écrit pas « ([^»]+?) »"),
}


def banned_forms(lang: str) -> dict[str, str]:
    """Each rejected form (lower case) and the glossary line that records it."""
    forms: dict[str, str] = {}
    for line in (DOCS / lang / "glossary.md").read_text(encoding="utf-8").splitlines():
        for found in BANNED[lang].finditer(line):
            forms[next(group for group in found.groups() if group).lower()] = line
    return forms


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_glossary_records_rejected_forms(lang: str) -> None:
    forms = banned_forms(lang)
    assert len(forms) >= 3, f"docs/{lang}/glossary.md records no rejected form ({BANNED[lang].pattern})"
    assert {"fr": "votre manager", "en": "your manager"}[lang] in forms


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_page_or_catalogue_text_uses_a_rejected_form(lang: Lang) -> None:
    """A form the glossary rejects does not come back: not in a page, not in kb_logic's catalogue."""
    forms = banned_forms(lang)
    recorded = set(forms.values())
    texts = {
        str(path.relative_to(DOCS)): "\n".join(
            line for line in path.read_text(encoding="utf-8").splitlines() if line not in recorded
        )
        for path in sorted((DOCS / lang).rglob("*.md"))
    }
    texts |= {f"catalogue {key}": text for key, text in catalogue(lang).items()}
    found = [f"{where}: «{form}»" for where, text in texts.items() for form in forms if form in text.lower()]
    assert not found, "rejected forms (see the glossary's writing conventions):\n" + "\n".join(found)


def test_link_labels_are_infinitives_without_your() -> None:
    """French link labels: the infinitive without « votre »; English ones: the imperative, not "-ing"."""
    fr = [text for key, text in catalogue("fr").items() if key.startswith("next.")]
    en = [text for key, text in catalogue("en").items() if key.startswith("next.")]
    fr += [found for path in (DOCS / "fr").rglob("*.md") for found in LINK_TEXT.findall(path.read_text("utf-8"))]
    assert [text for text in fr if re.search(r"\b(?:votre|vos)\b", text, re.I)] == []
    assert [text for text in en if re.match(r"\w+ing\b", text)] == []
