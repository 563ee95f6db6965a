
"""Answers of the ``support_code`` call."""

from __future__ import annotations

SUPPORT_CODE: dict[str, dict[str, str]] = {
    "support_code.premium": {
        "fr": "Avec le Support Premium, vous avez un code support et un code VIP. Aucun des deux n’est"
        " le code de transfert d’un nom de domaine.",
        "en": "With Premium Support you have a support code and a VIP code. Neither is a domain-name"
        " transfer code.",
    },
    "support_code.standard": {
        "fr": "Vous avez un code support\u00a0; le code VIP est réservé aux clients du Support Premium."
        " Le code support n’est pas le code de transfert d’un nom de domaine.",
        "en": "You have a support code; the VIP code is reserved for Premium Support clients. The"
        " support code is not a domain-name transfer code.",
    },
}
