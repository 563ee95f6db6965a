"""The typography check (issue 9 §3): what a reader sees must follow its language's conventions.

One definition of a typography problem, used by the build code and the tests alike: hooks/dev_errors.py
lists what it finds in each page under `mkdocs serve` (the writer's banner), and
tests/site/test_site_typography.py fails on it for every built page.

It reads built HTML with the standard library's parser (not the hook's tokenizer, so a fault in one is
not hidden by the other): the text of each block (a paragraph, a list item, a heading, a cell…), inline
tags seen through, code and scripts left out. Rules, by ID:

- ``fr-space``: an ordinary space before ``; : ! ?`` in French text;
- ``fr-guillemets``: an ordinary space inside « » in French text;
- ``fr-apostrophe``: a straight apostrophe in French text;
- ``fr-number``: a French number of four digits or more written without grouping (years, identifiers
  such as ``ISO 27001`` or ``CHE-116.281.710``, codes starting with 0, times and URLs excepted), or
  grouped with ordinary spaces before a word, a unit or decimals (``10 000 clients``);
- ``fr-currency-first``: a currency before its amount in French text (``CHF 2 000``: ``2 000 CHF``);
- ``en-colon``: a space before a colon in English text.

Besides the text, it reads the attributes whose text a reader sees: ``<abbr title>`` (a tooltip) and
the search status strings (``data-kb-loading``, ``data-kb-failed``) a script puts into the page.

>>> [p.rule for p in check_text("Voici : l'offre de 12000 CHF en 2021.", "fr")]
['fr-space', 'fr-apostrophe', 'fr-number']
>>> check_text("Voici\\u00a0: l’offre de 12\\u202f000\\u00a0CHF en 2021.", "fr")
[]
>>> [p.rule for p in check_text("au moins CHF\u00a02000 ou 1800\u00a0€", "fr")]
['fr-number', 'fr-number', 'fr-currency-first']
>>> [p.rule for p in check_text("10 000 clients, 1 234,50\u00a0€\u202f; appelez le 022 820 35 44", "fr")]
['fr-number', 'fr-number']
>>> [p.rule for p in check_text("Note : done", "en")], check_text("Note: done in 2021", "en")
(['en-colon'], [])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Final

RULES: Final = ("fr-space", "fr-guillemets", "fr-apostrophe", "fr-number", "fr-currency-first", "en-colon")
READ_ATTRIBUTES: Final = {"abbr": ("title",), "*": ("data-kb-loading", "data-kb-failed")}
"""Attributes whose text a reader sees (a tooltip, a status a script shows), by tag (``*``: any tag)."""

OBJECT: Final = "\ufffc"  # stands for a code span inside a sentence: a word the rules do not read

_SKIPPED = frozenset({"script", "style", "pre", "textarea", "template", "code", "kbd", "samp", "var", "svg", "math"})
_IN_SENTENCE = frozenset({"code", "kbd", "samp", "var", "svg", "math"})  # skipped, but stand for a word
_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "del", "em", "i", "ins", "label", "mark", "q", "s",
     "small", "span", "strong", "sub", "sup", "time", "u", "wbr", "img", "input"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)

_ORDINARY = "[ \\t\\n\\r]"
_AFTER = "(?=[\\s»)\\].,;:!?…" + OBJECT + "]|$)"  # a punctuation mark ends a word or a sentence here
_FR_SPACE = re.compile(f"(?<=[^\\s(\\[«]){_ORDINARY}+(?=[;:!?]{_AFTER})")
_FR_GUILLEMETS = re.compile(f"«{_ORDINARY}|{_ORDINARY}»")
_APOSTROPHE = re.compile("'")
_EN_COLON = re.compile(f"(?<=\\S)[ \\t\\n\\r\u00a0\u202f]+(?=:{_AFTER})")
_FR_PATTERNS: Final = ((_FR_SPACE, "fr-space"), (_FR_GUILLEMETS, "fr-guillemets"), (_APOSTROPHE, "fr-apostrophe"))
_URL = re.compile(r"(?:https?|ftp)://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DIGITS = re.compile(r"\d{4,}")
_SPACED_GROUPS = re.compile(r"(?<![\w.,/:+-])(?<!\d )[1-9]\d{0,2}(?: \d{3})+(?![\d\w])(?=,\d| ?[^\W\d_%€$£]| ?[%€$£])")
_CURRENCY_FIRST = re.compile(r"(?<![^\W\d_])(?<!\d[ \u00a0\u202f])(?:CHF|EUR|USD|GBP|€|£)[ \u00a0\u202f]*\d")
_IDENTIFIER_BEFORE = re.compile(r"(?:^|\W)(?:[A-Z]{2,}|n°|N°|No|no)[ \u00a0]$")
_CURRENCIES = ("CHF", "EUR", "USD", "GBP", "€", "$", "£")
_UNIT_AFTER = re.compile(r"[ \u00a0\u202f]?(?:CHF|EUR|USD|GBP|€|\$|£|%|francs?|euros?|ans?|mois|jours?)(?!\w)")


@dataclass(frozen=True)
class Problem:
    rule: str  # one of RULES
    excerpt: str  # the text around it, spaces made visible: ~ U+00A0, _ U+202F, · an ordinary space

    def __str__(self) -> str:
        return f"{self.rule}: …{self.excerpt}…"


def check_text(text: str, lang: str) -> list[Problem]:
    """The problems of one text (a block of a page, or a string kb_logic returns) in ``lang``."""
    found: list[Problem] = []

    def add(rule: str, start: int, end: int) -> None:
        excerpt = text[max(0, start - 25) : end + 25]
        found.append(Problem(rule, excerpt.replace(" ", "·").replace("\u00a0", "~").replace("\u202f", "_")))

    masked = _URL.sub(lambda m: OBJECT * len(m[0]), text)  # URLs and e-mails are not read; offsets kept
    if lang == "fr":
        for pattern, rule in _FR_PATTERNS:
            for hit in pattern.finditer(masked):
                add(rule, hit.start(), hit.end())
        for start, end in _ungrouped_numbers(masked):
            add("fr-number", start, end)
        for hit in _SPACED_GROUPS.finditer(masked):
            add("fr-number", hit.start(), hit.end())
        for hit in _CURRENCY_FIRST.finditer(masked):
            add("fr-currency-first", hit.start(), hit.end())
    elif lang == "en":
        for hit in _EN_COLON.finditer(masked):
            add("en-colon", hit.start(), hit.end())
    return found


def _ungrouped_numbers(text: str) -> list[tuple[int, int]]:
    spans = []
    for hit in _DIGITS.finditer(text):
        start, end = hit.span()
        before, after = text[max(0, start - 6) : start], text[end : end + 12]
        if before[-1:] and (before[-1].isalnum() or before[-1] in "-./:_#@,+'’"):
            continue  # inside an identifier or a code, a decimal's fractional part
        if after[:1] and (after[0].isalnum() or after[0] == "_" or re.match(r"[-./:]\w|[ \u00a0\u202f]\d", after)):
            continue  # an identifier, a date, a time, a version, a phone number
        if re.search(r"\d[ \u00a0\u202f]$", before) or hit[0].startswith("0"):
            continue  # a sequence of digit groups (phone, IBAN) or a code
        acronym = _IDENTIFIER_BEFORE.search(before)
        currency_before = before.rstrip(" \u00a0").endswith(_CURRENCIES)
        if acronym is not None and not currency_before:
            continue  # ISO 27001, n° 12345
        if re.fullmatch(r"(?:19|20)\d\d", hit[0]) and not (currency_before or _UNIT_AFTER.match(after)):
            continue  # a year
        spans.append((start, end))
    return spans


class _Blocks(HTMLParser):
    """The text of each block of a page, and the page's language."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skipping: list[str] = []  # the open elements whose content is skipped

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = (dict(attrs).get("lang") or "")[:2].lower()
        self._attributes(tag, attrs)
        if self._skipping:
            if tag == self._skipping[-1] and tag not in _VOID:
                self._skipping.append(tag)
            return
        if tag in _SKIPPED:
            if tag in _IN_SENTENCE:
                self._current.append(OBJECT)
            else:
                self._flush()
            self._skipping.append(tag)
        elif tag not in _INLINE:
            self._flush()
        elif tag in ("img", "input"):
            self._current.append(OBJECT)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attributes(tag, attrs)
        if tag in _IN_SENTENCE and not self._skipping:
            self._current.append(OBJECT)  # <svg/>: a word, nothing inside
        elif tag not in _INLINE and not self._skipping:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.pop()
            return
        if tag not in _INLINE:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)

    def _attributes(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """The attributes a reader sees, each one block of text (none inside code, scripts…)."""
        if not self._skipping:
            names = (*READ_ATTRIBUTES.get(tag, ()), *READ_ATTRIBUTES["*"])
            self.blocks += [value for name, value in attrs if name in names and value and value.strip()]

    def _flush(self) -> None:
        text = "".join(self._current)
        if text.strip():
            self.blocks.append(text)
        self._current = []

    def close(self) -> None:
        super().close()
        self._flush()


def page_text(page_html: str) -> tuple[str, list[str]]:
    """The language of a page (``<html lang>``) and the text of each of its blocks."""
    parser = _Blocks()
    parser.feed(page_html)
    parser.close()
    return parser.lang, parser.blocks


def check_html(page_html: str) -> list[Problem]:
    """The problems of a built page, by its own language."""
    lang, blocks = page_text(page_html)
    return [problem for block in blocks for problem in check_text(block, lang)]
