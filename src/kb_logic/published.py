"""What the site publishes from kb_logic: the guide's lists and its inline numbers.

The site hook renders ``<!-- kb:list KEY -->`` from :func:`lists` and inline numbers from
:func:`values`, so pages and answers read the same constants.

``values(lang)`` keys: ``threshold.CHF`` / ``threshold.EUR`` (amount with its currency, as the
guide writes it: fr ``CHF 2000`` / ``€ 1800``, en ``CHF 2,000`` / ``€1,800``),
``threshold.CHF.number`` / ``threshold.EUR.number`` (the bare number: fr ``2000``, en ``2,000``)
and ``max_rate`` (fr ``35 %`` with a no-break space U+00A0, en ``35%``).

>>> [item.rule for item in lists("fr")["eligibility.conditions"]]
['ELIG-2', 'ELIG-1', 'ELIG-3', 'ELIG-4', 'ELIG-5', 'ELIG-6']
>>> lists("fr")["eligibility.conditions"][0].text[-39:]
'supérieur à CHF 2000 /an ou € 1800 /an.'
>>> values("en")["threshold.EUR"], values("fr")["threshold.CHF"]
('€1,800', 'CHF 2000')
>>> {key: len(items) for key, items in lists("en").items()}  # doctest: +NORMALIZE_WHITESPACE
{'eligibility.conditions': 6, 'advantages.savings': 4, 'advantages.console': 3,
 'advantages.directory': 1, 'why': 6}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from kb_logic.constants import THRESHOLDS, Lang
from kb_logic.messages import keys, message, number_values
from kb_logic.rules import statement

__all__ = ["LIST_KEYS", "PublishedItem", "lists", "values"]


@dataclass(frozen=True, slots=True)
class PublishedItem:
    """One list item: its rule ID (``None`` for advantages and facts) and Markdown-safe text."""

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
)


def _numbered(list_key: str, lang: Lang) -> tuple[PublishedItem, ...]:
    """Catalogue entries ``list.<list_key>.1``, ``.2``, … in order."""
    prefix = f"list.{list_key}."
    numbers = sorted(int(key[len(prefix) :]) for key in keys() if key.startswith(prefix))
    params = number_values(lang)
    return tuple(PublishedItem(None, message(f"{prefix}{n}", lang, **params)) for n in numbers)


def lists(lang: Lang) -> dict[str, tuple[PublishedItem, ...]]:
    """Every published list of ``lang``, keyed as in :data:`LIST_KEYS`."""
    conditions = tuple(PublishedItem(rule, statement(rule, lang)) for rule in ELIGIBILITY_ORDER)
    published = {"eligibility.conditions": conditions}
    for list_key in LIST_KEYS[1:]:
        published[list_key] = _numbered(list_key, lang)
    return published


def values(lang: Lang) -> dict[str, str]:
    """The inline numbers of ``lang`` (see the module docstring for the formats)."""
    shown = number_values(lang)
    grouped = {cur: f"{amount:,}" if lang == "en" else str(amount) for cur, amount in THRESHOLDS.items()}
    return {
        "threshold.CHF": shown["chf"],
        "threshold.EUR": shown["eur"],
        "threshold.CHF.number": grouped["CHF"],
        "threshold.EUR.number": grouped["EUR"],
        "max_rate": shown["max_rate"],
    }
