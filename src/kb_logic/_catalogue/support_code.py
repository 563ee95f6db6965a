
"""Answers of the ``support_code`` call."""

from __future__ import annotations

SUPPORT_CODE: dict[str, dict[str, str]] = {
    "support_code.premium": {
        "fr": "Avec le Support Premium, vous avez un code support et un code VIP.",
        "en": "With Premium Support, you have a support code and a VIP code.",
    },
    "support_code.standard": {
        "fr": "Vous avez un code support, mais pas de code VIP.",
        "en": "You have a support code, but no VIP code.",
    },
}
