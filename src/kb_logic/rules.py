"""The rule registry: every rule ID of the catalogue (``spec/rules.md``), in its order, and the
guide anchors an answer may link to.

Each ID has a statement in French and English (catalogue key ``rule.<ID>``), with the numbers
filled in from :mod:`kb_logic.constants`. The statement is the one text of the rule: the guide
shows it (shortcode ``<!-- kb:rule ID -->``) and answers cite it. It may hold Markdown links
written docs-root-relative (``[cashback](glossary.md#cashback)``) and ``**bold**``; :func:`text`
is the plain text a reader sees, the same in the guide and in an answer.

>>> RULE_IDS[:3]
('ELIG-1', 'ELIG-2', 'ELIG-3')
>>> len(RULE_IDS), anchor("PAY-C2")
(52, 'pay-c2')
>>> text("ELIG-2", "en")[-47:]
'greater than CHF 2,000 a year or €1,800 a year.'
>>> "support-code" in anchors() and "pay-c2" in anchors()
True
>>> text("NOPE-1", "fr")
Traceback (most recent call last):
    ...
KeyError: 'NOPE-1'
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from kb_logic.constants import Lang
from kb_logic.messages import message

__all__ = ["FAMILIES", "RULE_IDS", "SECTIONS", "SILENT_CASES", "anchor", "anchors", "links", "statement",
           "text"]

FAMILIES: Final[dict[str, tuple[str, ...]]] = {
    "ELIG": tuple(f"ELIG-{n}" for n in range(1, 7)),
    "ACC": (
        *(f"ACC-L{n}" for n in range(1, 6)),
        *(f"ACC-F{n}" for n in range(1, 6)),
        "ACC-9",
    ),
    "PAY": (
        *(f"PAY-C{n}" for n in range(1, 6)),
        *(f"PAY-P{n}" for n in range(1, 6)),
        "PAY-X1",
        "PAY-X2",
    ),
    "VAT": tuple(f"VAT-{n}" for n in range(1, 5)),
    "CODE": tuple(f"CODE-{n}" for n in range(1, 5)),
    "ONB": (
        *(f"ONB-C{n}" for n in range(1, 6)),
        *(f"ONB-P{n}" for n in range(8)),
        "ONB-A1",
        "ONB-A2",
    ),
}
"""Rule IDs per family (the prefix before the dash)."""

RULE_IDS: Final[tuple[str, ...]] = tuple(rule for rules in FAMILIES.values() for rule in rules)
"""Every rule ID, in the order of the rules catalogue."""

SECTIONS: Final[dict[str, str]] = {
    "advantages": "advantages",
    "conditions": "conditions",
    "savings": "savings",
    "add_partner": "add-a-partner",
    "add_client": "add-a-client",
    "access_client_account": "access-client-account",
    "change_payment": "changing-payment-methods",
    "vat_existing": "vat-2",
    "vat_form": "vat-form",
    "support": "support-code",
    "support_code": "support-code",
    "vip_code": "vip-code",
}
"""Guide sections answers link to (``next`` steps, remarks), by key (catalogue ``next.<key>``):
heading ids of the guides, each unique among the guides' anchors."""

SILENT_CASES: Final[tuple[str, ...]] = (
    "mixed_access",
    "access_change",
    "actual_rates",
    "limited_payment",
    "other_currency",
)
"""Where the guides say nothing: answers carry ``verdict: "not_covered"`` and ``silent: <case>``
(catalogue key ``silent.<case>``) with the pointer to Support, never a guess. (``actual_rates``
is a remark added to ``payment`` answers given a rate.) No call asks about a broken partnership."""

_LINK: Final = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)")
"""A Markdown link, the only Markdown a statement may hold."""


_KNOWN: Final = frozenset(RULE_IDS)


def anchor(rule_id: str) -> str:
    """The guide anchor of a rule: its ID in lower case (``KeyError`` for an unknown ID)."""
    if rule_id not in _KNOWN:
        raise KeyError(rule_id)
    return rule_id.lower()


@cache
def anchors() -> frozenset[str]:
    """Every guide anchor an answer may carry (``reasons[].anchor``, ``next.anchor``); the build
    maps each to its page and fails when one is missing from the guides."""
    return frozenset(anchor(rule) for rule in RULE_IDS) | frozenset(SECTIONS.values())


def statement(rule_id: str, lang: Lang) -> str:
    """The statement of one rule as Markdown (links docs-root-relative), numbers filled in."""
    if rule_id not in _KNOWN:
        raise KeyError(rule_id)
    return message(f"rule.{rule_id}", lang)


def links(markdown: str) -> list[tuple[str, str]]:
    """The (text, target) of each Markdown link of a statement.

    >>> links("a [b](glossary.md#cashback) c")
    [('b', 'glossary.md#cashback')]
    """
    return [(found["text"], found["target"]) for found in _LINK.finditer(markdown)]


def text(rule_id: str, lang: Lang) -> str:
    """The statement as the reader sees it: link syntax and ``**`` stripped, link texts kept."""
    return _LINK.sub(lambda found: found["text"], statement(rule_id, lang)).replace("**", "")
