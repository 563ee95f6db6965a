
"""Answers of the ``eligibility`` call."""

from __future__ import annotations

ELIGIBILITY: dict[str, dict[str, str]] = {
    "eligibility.eligible": {
        "fr": "Vous êtes éligible au programme revendeur.",
        "en": "You are eligible for the reseller programme.",
    },
    "eligibility.not_eligible": {
        "fr": "Vous n'êtes pas éligible au programme revendeur.",
        "en": "You are not eligible for the reseller programme.",
    },
    "eligibility.all_met": {
        "fr": "Les six conditions du programme revendeur sont remplies.",
        "en": "The six conditions of the reseller programme are met.",
    },
    "eligibility.affiliate": {
        "fr": "Un particulier ne peut pas devenir revendeur : le programme d'affiliation"
        " d'Infomaniak permet de recommander ses produits et de toucher des commissions sur les"
        " conversions.",
        "en": "A private individual cannot become a reseller: Infomaniak's affiliate programme lets"
        " you recommend its products and earn commissions on conversions.",
    },
}
