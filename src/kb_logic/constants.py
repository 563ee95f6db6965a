"""The numbers the guides state, written once.

Every page and every answer reads these values; nothing else in the project repeats them.

>>> THRESHOLDS["CHF"], THRESHOLDS["EUR"]
(2000, 1800)
>>> MAX_RATE
35
>>> CURRENCIES
('CHF', 'EUR')
"""

from __future__ import annotations

from typing import Final, Literal

Lang = Literal["fr", "en"]
"""The two languages of the knowledge base."""

LANGS: Final[tuple[Lang, ...]] = ("fr", "en")
DEFAULT_LANG: Final[Lang] = "fr"

Currency = Literal["CHF", "EUR"]
"""The only currencies the guides give a threshold in."""

CURRENCIES: Final[tuple[Currency, ...]] = ("CHF", "EUR")

THRESHOLDS: Final[dict[Currency, int]] = {"CHF": 2000, "EUR": 1800}
"""ELIG-2: minimum yearly amount of products managed in the programme (the boundary qualifies)."""

MAX_RATE: Final[int] = 35
"""In percent: the reseller cashback or discount goes "up to" this rate (the guides state no actual
rate). A payment's ``rate`` is in percent too, 0 <= rate <= MAX_RATE."""

MAX_PARTNERS: Final[int] = 200
"""Most partners one ``access`` request may list (a bound on input size, not a rule of the guides)."""

FORM_MAX_PARTNERS: Final[int] = 5
"""Most existing partners the access helper's form lets a reader add (widgets/templates/access.html writes
it into ``data-kb-max``). A UI limit that keeps the form short, not a rule: the guides set no number of
partners, and kb_logic itself accepts up to MAX_PARTNERS."""

MAX_PRODUCTS: Final[int] = 100
"""Most products one access (a partner's or the requested one) may list, duplicates included (a
bound on input size, not a rule of the guides: Infomaniak sells far fewer products)."""

MAX_TEXT: Final[int] = 1000
"""Longest accepted text field, in characters (names, products, VAT numbers): a bound on input size."""

MAX_DIGITS: Final[int] = 40
"""Most significant digits a number may carry (``1999.99999999999999999`` has 21)."""

MAX_INTEGER_DIGITS: Final[int] = 15
"""Most digits before the decimal point: no order or yearly amount comes near 10**15."""

PRICE_PLACES: Final[int] = 2
"""Decimal places of a price: cents. A price with more is refused, never rounded silently."""

RATE_PLACES: Final[int] = 3
"""Decimal places of a rate in percent (12.125 %); more is refused."""

AMOUNT_PLACES: Final[int] = MAX_DIGITS
"""Decimal places of the yearly amount compared to a threshold: an amount a hair below it
(``1999.99999999999999999``) is read exactly and answered as below, never rounded across it."""

MAX_REQUEST_MB: Final[int] = 1
"""Largest JSON request the command line reads, in megabytes (10**6 bytes): far above any request
the bounds above allow in practice, far below what would make parsing it slow."""
