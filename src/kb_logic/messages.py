"""French and English texts, from one typed catalogue (:mod:`kb_logic._catalogue`).

Key naming scheme: ``<area>.<topic>[.<detail>]`` (``rule.ELIG-2``, ``vat.checksum``,
``error.missing_field``, ``list.why.3``, ``label.rate``, ``ui.<widget>.<label>``). Texts use
``str.format`` placeholders; both languages of a key have the same placeholders. The constants'
placeholders (``{threshold_chf}``, ``{threshold_eur}``, ``{max_rate}``…, see :func:`values`) are
filled in by :func:`message` from :mod:`kb_logic.constants`, formatted by :mod:`kb_logic.formatting`.

>>> LANGS
('fr', 'en')
>>> message("error.missing_field", "en", field="Currency")
'Missing field: Currency.'
>>> values("en")
{'threshold_chf': 'CHF 2,000', 'threshold_eur': '€1,800', 'max_rate': '35%', 'max_partners': '200'}
"""

from __future__ import annotations

import string
from functools import cache

from kb_logic import formatting, typography
from kb_logic._catalogue import CATALOGUE
from kb_logic.constants import LANGS, MAX_PARTNERS, Lang

__all__ = ["LANGS", "catalogue", "keys", "message", "placeholders", "values"]


def keys() -> tuple[str, ...]:
    """Every message key, sorted."""
    return tuple(sorted(CATALOGUE))


def catalogue(lang: Lang) -> dict[str, str]:
    """All texts of one language, unformatted (placeholders left in)."""
    _check_lang(lang)
    return {key: texts[lang] for key, texts in CATALOGUE.items()}


def values(lang: Lang) -> dict[str, str]:
    """The constants as every text shows them (the placeholders :func:`message` fills in)."""
    return dict(_values(lang))


@cache
def _values(lang: Lang) -> tuple[tuple[str, str], ...]:
    return tuple({
        "threshold_chf": formatting.threshold("CHF", lang),
        "threshold_eur": formatting.threshold("EUR", lang),
        "max_rate": formatting.max_rate(lang),
        "max_partners": formatting.number(MAX_PARTNERS, lang),
    }.items())


def message(key: str, lang: Lang, **params: object) -> str:
    """The text of ``key`` in ``lang`` with the constants and ``params`` filled in (``KeyError`` if
    unknown), with the language's typography: the one place texts leave the catalogue.

    The typography is applied to the text before ``params`` go in: a value the reader typed comes
    back exactly as typed.

    >>> message("access.allowed.full", "fr", partner="Agence 12345 : l'O'Neil")
    "Possible\\xa0: Agence 12345 : l'O'Neil peut recevoir un accès complet."
    """
    return _template(key, lang).format(**{**dict(_values(lang)), **params})


@cache
def _template(key: str, lang: Lang) -> str:
    # Answers repeat the same texts: typography costs far more than a cache lookup. Its placeholders
    # are shielded (kb_logic.typography), so it is applied once per text, whatever fills them.
    _check_lang(lang)
    return typography.apply(CATALOGUE[key][lang], lang)


def placeholders(text: str) -> frozenset[str]:
    """The ``str.format`` field names of a text.

    >>> sorted(placeholders("{a} and {b}"))
    ['a', 'b']
    """
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}")
