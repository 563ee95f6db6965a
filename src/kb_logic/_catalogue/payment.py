
"""Answers of the ``payment`` call."""

from __future__ import annotations

PAYMENT: dict[str, dict[str, str]] = {
    "payment.client": {
        "fr": "Le client paie le prix public ; le partenaire reçoit du cashback.",
        "en": "The client pays the public price; the partner receives cashback.",
    },
    "payment.partner": {
        "fr": "Le partenaire paie et bénéficie directement de sa remise revendeur.",
        "en": "The partner pays and gets its reseller discount directly.",
    },
    "payment.amounts.client": {
        "fr": "Le client paie {client_pays} ; le partenaire reçoit {partner_earns} de cashback.",
        "en": "The client pays {client_pays}; the partner receives {partner_earns} in cashback.",
    },
    "payment.amounts.partner": {
        "fr": "Le partenaire paie {partner_pays}, soit une remise de {partner_saves}.",
        "en": "The partner pays {partner_pays}, a discount of {partner_saves}.",
    },
}
