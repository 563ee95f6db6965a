"""The numbers the guides state, written once.

Every page and every answer reads these values; nothing else in the project repeats them.

>>> THRESHOLDS["CHF"], THRESHOLDS["EUR"]
(2000, 1800)
>>> MAX_RATE
0.35
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

MAX_RATE: Final[float] = 0.35
"""The reseller cashback or discount goes "up to 35 %" (the guides state no actual rate)."""

MAX_RATE_PERCENT: Final[int] = 35
"""MAX_RATE as the guides write it, in percent."""
