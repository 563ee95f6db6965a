
"""Answers of the ``eligibility`` call."""

from __future__ import annotations

ELIGIBILITY: dict[str, dict[str, str]] = {
    "eligibility.eligible": {
        "fr": "Éligible\u00a0: les six conditions du programme revendeur sont remplies.",
        "en": "Eligible: the six conditions of the reseller programme are met.",
    },
    "eligibility.not_eligible": {
        "fr": "Non éligible\u00a0: conditions non remplies\u00a0: {unmet}.",
        "en": "Not eligible: conditions not met: {unmet}.",
    },
    "eligibility.threshold": {
        "fr": "Seuil\u00a0: {threshold} /an (le montant égal au seuil est accepté).",
        "en": "Threshold: {threshold}/year (an amount equal to the threshold qualifies).",
    },
    "eligibility.affiliate": {
        "fr": "Un particulier ne peut pas devenir revendeur\u00a0: le programme d’affiliation"
        " d’Infomaniak permet de recommander ses produits et de toucher des commissions sur les"
        " conversions.",
        "en": "A private individual cannot become a reseller: Infomaniak's affiliate programme lets"
        " you recommend its products and earn commissions on conversions.",
    },
}
