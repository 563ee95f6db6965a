"""kb_logic: the rules of the Infomaniak partner/reseller guides, as pure Python.

One module per rule set (:mod:`~kb_logic.eligibility`, :mod:`~kb_logic.access`,
:mod:`~kb_logic.payment`, :mod:`~kb_logic.vat`, :mod:`~kb_logic.onboarding`,
:mod:`~kb_logic.support_code`), each with a typed input, a frozen result and the rule IDs that
decided it; :func:`call` is the JSON bridge the browser and the CLI use.

>>> call("support_code", {"premium_support": True, "lang": "en"})["has_vip_code"]
True
>>> THRESHOLDS["EUR"], MAX_RATE
(1800, 35)
>>> "pay-c2" in anchors()
True
"""

from __future__ import annotations

from kb_logic.bridge import CALLS, call
from kb_logic.constants import LANGS, MAX_RATE, THRESHOLDS
from kb_logic.errors import ERROR_CODES, KbError
from kb_logic.labels import label
from kb_logic.messages import message, values
from kb_logic.published import PublishedItem, lists
from kb_logic.rules import RULE_IDS, anchors

__version__ = "0.1.0"

__all__ = [
    "CALLS",
    "ERROR_CODES",
    "LANGS",
    "MAX_RATE",
    "RULE_IDS",
    "THRESHOLDS",
    "KbError",
    "PublishedItem",
    "__version__",
    "anchors",
    "call",
    "label",
    "lists",
    "message",
    "values",
]
