
"""Shared answer texts: the "not covered by the guides" cases (key ``silent.<case>``)."""

from __future__ import annotations

COMMON: dict[str, dict[str, str]] = {
    "silent.verdict": {
        "fr": "Les guides ne couvrent pas ce cas.",
        "en": "The guides do not cover this case.",
    },
    "silent.mixed_access": {
        "fr": "Les guides ne disent pas si un client qui a un partenaire en accès complet peut aussi"
        " avoir des partenaires en accès limité (ni l'inverse). Contactez le Support Infomaniak.",
        "en": "The guides do not say whether a client with a full-access partner can also have"
        " limited-access partners (or the reverse). Please contact Infomaniak Support.",
    },
    "silent.access_change": {
        "fr": "Les guides ne disent pas comment changer le type d'accès d'un partenaire existant."
        " Contactez le Support Infomaniak.",
        "en": "The guides do not say how to change the access type of an existing partner. Please"
        " contact Infomaniak Support.",
    },
    "silent.actual_rates": {
        "fr": "Le taux est votre hypothèse : les guides annoncent seulement un cashback ou une"
        " remise « jusqu'à -{max_rate} », pas les taux réels.",
        "en": "The rate is your assumption: the guides only say \"up to {max_rate}\" for cashback or"
        " discounts, not what the actual rates are.",
    },
    "silent.limited_payment": {
        "fr": "Les moyens de paiement n'existent que dans un partenariat en accès complet. Les guides"
        " ne disent pas ce qu'un partenaire en accès limité peut faire en matière de paiement ;"
        " contactez le Support Infomaniak.",
        "en": "Payment methods exist only within a full-access partnership. The guides do not say"
        " what a limited-access partner may do about payment; please contact Infomaniak Support.",
    },
    "silent.other_currency": {
        "fr": "Les guides ne donnent de montants que dans ces devises : {currencies} ({currency} n'est"
        " pas couvert), et ne disent rien de la conversion entre devises. Contactez le Support"
        " Infomaniak.",
        "en": "The guides give amounts only in these currencies: {currencies} ({currency} is not"
        " covered), and say nothing about converting between currencies. Please contact Infomaniak"
        " Support.",
    },
}

CLI: dict[str, dict[str, str]] = {
    "cli.rules": {"fr": "Règles :", "en": "Rules:"},
}
