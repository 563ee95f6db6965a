"""French and English texts, from one typed catalogue (:mod:`kb_logic._catalogue`).

Key naming scheme: ``<area>.<topic>[.<detail>]`` (``rule.ELIG-2``, ``vat.checksum``,
``error.missing_field``, ``list.why.3``, ``ui.<widget>.<label>``). Texts use ``str.format``
placeholders; both languages of a key have the same placeholders.

French typography: a no-break space (U+00A0) before ``:``, ``;``, ``?``, ``%`` and inside « ».

>>> LANGS
('fr', 'en')
>>> message("error.missing_field", "en", field="currency")
'Missing field: currency.'
>>> number_values("fr")["max_rate"] == "35\\u00a0%"
True
>>> number_values("en")
{'chf': 'CHF 2,000', 'eur': '€1,800', 'max_rate': '35%'}
>>> format_amount(1234.5, "fr") == "1\\u202f234,50", format_amount(1234.5, "en")
(True, '1,234.50')
"""

from __future__ import annotations

import string
from typing import Final

from kb_logic._catalogue import CATALOGUE
from kb_logic.constants import LANGS, MAX_RATE_PERCENT, THRESHOLDS, Lang

__all__ = ["LANGS", "catalogue", "format_amount", "format_rate", "keys", "message", "number_values"]

NBSP: Final = "\u00a0"
NNBSP: Final = "\u202f"


def keys() -> tuple[str, ...]:
    """Every message key, sorted."""
    return tuple(sorted(CATALOGUE))


def catalogue(lang: Lang) -> dict[str, str]:
    """All texts of one language, unformatted (placeholders left in)."""
    _check_lang(lang)
    return {key: texts[lang] for key, texts in CATALOGUE.items()}


def message(key: str, lang: Lang, **params: object) -> str:
    """The text of ``key`` in ``lang`` with ``params`` filled in (``KeyError`` if unknown)."""
    _check_lang(lang)
    return CATALOGUE[key][lang].format(**params)


def placeholders(text: str) -> frozenset[str]:
    """The ``str.format`` field names of a text.

    >>> sorted(placeholders("{a} and {b}"))
    ['a', 'b']
    """
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}")


def _group(number: int | float, decimals: int, lang: Lang) -> str:
    text = f"{number:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", NNBSP).replace(".", ",")
    return text


def format_amount(amount: float, lang: Lang) -> str:
    """An amount with two decimals, grouped the way each language writes it."""
    return _group(amount, 2, lang)


def format_rate(rate: float, lang: Lang) -> str:
    """A rate (0.2) as a percentage (fr ``20 %`` with a no-break space, en ``20%``).

    >>> format_rate(0.125, "en")
    '12.5%'
    """
    percent = f"{rate * 100:.2f}".rstrip("0").rstrip(".")
    return f"{percent.replace('.', ',')}{NBSP}%" if lang == "fr" else f"{percent}%"


def number_values(lang: Lang) -> dict[str, str]:
    """The constants as the texts show them (placeholders ``chf``, ``eur``, ``max_rate``).

    French keeps the guide's way: ``CHF 2000``, ``€ 1800`` (plain spaces, no grouping) and
    ``35 %`` (no-break space U+00A0 before ``%``); English writes ``CHF 2,000``, ``€1,800``, ``35%``.
    """
    if lang == "fr":
        return {
            "chf": f"CHF {THRESHOLDS['CHF']}",
            "eur": f"€ {THRESHOLDS['EUR']}",
            "max_rate": f"{MAX_RATE_PERCENT}{NBSP}%",
        }
    return {
        "chf": f"CHF {THRESHOLDS['CHF']:,}",
        "eur": f"€{THRESHOLDS['EUR']:,}",
        "max_rate": f"{MAX_RATE_PERCENT}%",
    }
