"""What the site publishes from kb_logic: the guide's lists (``<!-- kb:list KEY -->``).

Inline constants (``<!-- kb:value NAME -->``) come from :func:`kb_logic.messages.values` and rule
statements (``<!-- kb:rule ID -->``) from :func:`kb_logic.rules.statement`, so pages and answers
read the same texts and constants.

>>> [item.rule for item in lists("fr")["eligibility.conditions"]]
['ELIG-2', 'ELIG-1', 'ELIG-3', 'ELIG-4', 'ELIG-5', 'ELIG-6']
>>> lists("en")["eligibility.conditions"][0].text[-47:]
'greater than CHF 2,000 a year or €1,800 a year.'
>>> {key: len(items) for key, items in lists("en").items()}  # doctest: +NORMALIZE_WHITESPACE
{'eligibility.conditions': 6, 'advantages.savings': 4, 'advantages.console': 3,
 'advantages.directory': 1, 'why': 6, 'vat.form': 3}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from kb_logic.constants import Lang
from kb_logic.messages import keys, message
from kb_logic.rules import statement

__all__ = ["LIST_KEYS", "PublishedItem", "lists"]


@dataclass(frozen=True, slots=True)
class PublishedItem:
    """One list item: its rule ID (``None`` for advantages and facts) and its Markdown text."""

    rule: str | None
    text: str


ELIGIBILITY_ORDER: Final = ("ELIG-2", "ELIG-1", "ELIG-3", "ELIG-4", "ELIG-5", "ELIG-6")
"""The conditions in the guide's order (the amount comes first there)."""

LIST_KEYS: Final[tuple[str, ...]] = (
    "eligibility.conditions",
    "advantages.savings",
    "advantages.console",
    "advantages.directory",
    "why",
    "vat.form",
)

VAT_FORM: Final = ("vat.form.prefix", "vat.hint.swiss", "vat.form.separators")
"""The form of a VAT number, as the guide lists it: texts the VAT answers also give (one text each)."""


def _numbered(list_key: str, lang: Lang) -> tuple[PublishedItem, ...]:
    """Catalogue entries ``list.<list_key>.1``, ``.2``, … in order."""
    prefix = f"list.{list_key}."
    numbers = sorted(int(key[len(prefix) :]) for key in keys() if key.startswith(prefix))
    return tuple(PublishedItem(None, message(f"{prefix}{n}", lang)) for n in numbers)


def lists(lang: Lang) -> dict[str, tuple[PublishedItem, ...]]:
    """Every published list of ``lang``, keyed as in :data:`LIST_KEYS`."""
    conditions = tuple(PublishedItem(rule, statement(rule, lang)) for rule in ELIGIBILITY_ORDER)
    published = {"eligibility.conditions": conditions}
    for list_key in LIST_KEYS[1:-1]:
        published[list_key] = _numbered(list_key, lang)
    published["vat.form"] = tuple(PublishedItem(None, message(key, lang)) for key in VAT_FORM)
    return published
