"""The message catalogue: one module per area, merged here into one mapping.

Each area module holds ``key -> {"fr": text, "en": text}``. Keys are namespaced by area
(``rule.``, ``silent.``, ``eligibility.``, ``access.``, ``payment.``, ``vat.``, ``onboarding.``,
``support_code.``, ``list.``, ``error.``, ``ui.``, ``cli.``, ``label.``, ``value.``, ``next.``,
``country.``); a key defined twice is an import-time error.
"""

from __future__ import annotations

from kb_logic._catalogue.access import ACCESS
from kb_logic._catalogue.common import CLI, COMMON
from kb_logic._catalogue.eligibility import ELIGIBILITY
from kb_logic._catalogue.errors import ERRORS
from kb_logic._catalogue.labels import COUNTRIES, LABELS
from kb_logic._catalogue.onboarding import ONBOARDING
from kb_logic._catalogue.payment import PAYMENT
from kb_logic._catalogue.published import PUBLISHED
from kb_logic._catalogue.rules import RULES
from kb_logic._catalogue.support_code import SUPPORT_CODE
from kb_logic._catalogue.ui import UI
from kb_logic._catalogue.vat import VAT

AREAS: dict[str, dict[str, dict[str, str]]] = {
    "rules": RULES,
    "common": COMMON,
    "eligibility": ELIGIBILITY,
    "access": ACCESS,
    "payment": PAYMENT,
    "vat": VAT,
    "onboarding": ONBOARDING,
    "support_code": SUPPORT_CODE,
    "published": PUBLISHED,
    "errors": ERRORS,
    "ui": UI,
    "cli": CLI,
    "labels": LABELS,
    "countries": COUNTRIES,
}


def _merge() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for area, entries in AREAS.items():
        for key, texts in entries.items():
            if key in merged:
                raise ValueError(f"catalogue key {key!r} defined twice (again in {area})")
            merged[key] = texts
    return merged


CATALOGUE: dict[str, dict[str, str]] = _merge()
