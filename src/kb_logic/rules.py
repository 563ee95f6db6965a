"""The rule registry: every rule ID of the catalogue (``spec/rules.md``), in its order.

Each ID has a statement in French and English (catalogue key ``rule.<ID>``), with the
numbers filled in from :mod:`kb_logic.constants`.

>>> RULE_IDS[:3]
('ELIG-1', 'ELIG-2', 'ELIG-3')
>>> family("PAY-C2"), len(RULE_IDS)
('PAY', 52)
>>> statement("ELIG-2", "en")[-43:]
'greater than CHF 2,000/year or €1,800/year.'
>>> statement("NOPE-1", "fr")
Traceback (most recent call last):
    ...
KeyError: 'NOPE-1'
"""

from __future__ import annotations

from typing import Final

from kb_logic.constants import Lang
from kb_logic.messages import message, number_values

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

SILENT_CASES: Final[tuple[str, ...]] = ("mixed_access", "access_change", "actual_rates", "limited_payment")
"""Where the guides say nothing: answers carry ``not_covered: true`` and ``silent: <case>``
(catalogue key ``silent.<case>``), never a guess. (``actual_rates`` is a remark added to
``payment`` answers given a rate.) Other currencies than CHF and EUR are an error answer
(code ``currency``); no call asks about a broken partnership."""


def family(rule_id: str) -> str:
    """The family of a rule ID (``ELIG``, ``ACC``, ``PAY``, ``VAT``, ``CODE``, ``ONB``)."""
    return rule_id.split("-", 1)[0]


def statement(rule_id: str, lang: Lang) -> str:
    """The statement of one rule, numbers filled in; ``KeyError`` for an unknown ID."""
    if rule_id not in RULE_IDS:
        raise KeyError(rule_id)
    return message(f"rule.{rule_id}", lang, **number_values(lang))
