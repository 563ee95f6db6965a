"""Display formats: every number a reader sees goes through this module, one convention per language.

French follows CLDR fr-CH: U+202F (narrow no-break space) groups thousands, a comma marks the
decimals, the currency follows the amount after U+00A0 and U+202F precedes ``%``. English writes
the currency code before the amount (``CHF 1,234.50``) and a symbol glued to it (``€1,800``).

>>> money(Decimal("1234.5"), "CHF", "fr") == "1\\u202f234,50\\u00a0CHF"
True
>>> money(Decimal("1234.5"), "CHF", "en")
'CHF 1,234.50'
>>> money(1800, "EUR", "en", cents=False), money(2000, "CHF", "en", cents=False)
('€1,800', 'CHF 2,000')
>>> money(1800, "EUR", "fr", cents=False) == "1\\u202f800\\u00a0€"
True
>>> percent(35, "fr") == "35\\u202f%", percent(Decimal("12.5"), "en")
(True, '12.5%')
>>> number(Decimal("19.9"), "fr", decimals=2), number(2000, "en")
('19,90', '2,000')
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Final

from kb_logic.constants import MAX_RATE, THRESHOLDS, Currency, Lang
from kb_logic.typography import NBSP, NNBSP  # one definition of each space, shared with the typography

__all__ = ["NBSP", "NNBSP", "max_rate", "money", "number", "percent", "threshold"]

WIDE: Final = Context(prec=200, rounding=ROUND_HALF_UP)
"""Room for every digit an input may carry (the default context rounds at 28 digits)."""
SYMBOLS: Final[dict[str, str]] = {"EUR": "€"}
"""Currencies English writes as a symbol glued to the amount; the others keep their code."""


def number(value: Decimal | int, lang: Lang, *, decimals: int | None = None) -> str:
    """A plain number, grouped; ``decimals`` fixes the digits after the point (rounded half up).

    Without ``decimals`` the value's own digits are kept, trailing zeros dropped:

    >>> number(Decimal("12.50"), "en"), number(Decimal("1234567.125"), "fr", decimals=2)
    ('12.5', '1\\u202f234\\u202f567,13')
    """
    exact = Decimal(value)
    if decimals is not None:
        exact = exact.quantize(Decimal(1).scaleb(-decimals), context=WIDE)
        text = f"{exact:,.{decimals}f}"
    else:
        text = f"{exact.normalize(WIDE):,f}" if exact != exact.to_integral_value() else f"{int(exact):,}"
    if lang == "fr":
        text = text.replace(",", NNBSP).replace(".", ",")
    return text


def money(
    amount: Decimal | int, currency: str | None, lang: Lang, *, cents: bool = True, exact: bool = False
) -> str:
    """An amount with its currency (just the grouped number when ``currency`` is ``None``).

    ``exact`` keeps digits beyond the cents (an amount the reader typed, compared to a threshold,
    is never shown rounded across it):

    >>> money(Decimal("1999.999"), "CHF", "en", exact=True), money(Decimal("1999.999"), "CHF", "en")
    ('CHF 1,999.999', 'CHF 2,000.00')
    """
    exponent = Decimal(amount).as_tuple().exponent
    places = -exponent if exact and isinstance(exponent, int) else 0
    shown = number(amount, lang, decimals=max(2 if cents else 0, places))
    if currency is None:
        return shown
    if lang == "fr":
        return f"{shown}{NBSP}{SYMBOLS.get(currency, currency)}"
    symbol = SYMBOLS.get(currency)
    return f"{symbol}{shown}" if symbol else f"{currency} {shown}"


def percent(value: Decimal | int, lang: Lang) -> str:
    """A percentage given in percent (``35`` → ``35 %`` / ``35%``)."""
    shown = number(value, lang)
    return f"{shown}{NNBSP}%" if lang == "fr" else f"{shown}%"


def threshold(currency: Currency, lang: Lang) -> str:
    """ELIG-2's yearly threshold in ``currency``, as the guides and answers show it."""
    return money(THRESHOLDS[currency], currency, lang, cents=False)


def max_rate(lang: Lang) -> str:
    """The "up to" cap of cashback and discounts."""
    return percent(MAX_RATE, lang)
