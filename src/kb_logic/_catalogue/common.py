
"""Shared answer texts: the "not covered by the guides" cases (key ``silent.<case>``)."""

from __future__ import annotations

COMMON: dict[str, dict[str, str]] = {
    "silent.mixed_access": {
        "fr": "Les guides ne couvrent pas ce cas\u00a0: un client qui a un partenaire en accès complet"
        " et souhaite aussi des partenaires en accès limité (ou l’inverse). Contactez le Support"
        " Infomaniak.",
        "en": "The guides do not cover this case: a client with a full-access partner who also wants"
        " limited-access partners (or the reverse). Please contact Infomaniak Support.",
    },
    "silent.access_change": {
        "fr": "Les guides ne disent pas comment changer le type d’accès d’un partenaire existant."
        " Contactez le Support Infomaniak.",
        "en": "The guides do not say how to change the access type of an existing partner. Please"
        " contact Infomaniak Support.",
    },
    "silent.actual_rates": {
        "fr": "Le taux est votre hypothèse\u00a0: les guides indiquent seulement un cashback ou une"
        " remise «\u00a0jusqu’à -{max_rate}\u00a0», pas les taux réels.",
        "en": "The rate is your assumption: the guides only state cashback or a discount \"up to"
        " -{max_rate}\", not the actual rates.",
    },
    "silent.limited_payment": {
        "fr": "Les moyens de paiement n’existent que dans un partenariat en accès complet. Les guides"
        " ne disent pas ce qu’un partenaire en accès limité peut faire en matière de paiement ;"
        " contactez le Support Infomaniak.",
        "en": "Payment methods exist only within a full-access partnership. The guides do not say"
        " what a limited-access partner may do about payment; please contact Infomaniak Support.",
    },
}

CLI: dict[str, dict[str, str]] = {
    "cli.rules": {"fr": "Règles\u00a0:", "en": "Rules:"},
}
