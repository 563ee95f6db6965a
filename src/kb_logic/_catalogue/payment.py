
"""Answers of the ``payment`` call."""

from __future__ import annotations

PAYMENT: dict[str, dict[str, str]] = {
    "payment.client": {
        "fr": "Le client paie\u00a0: il gère la facturation et voit seul les factures\u00a0; les"
        " produits sont installés sur son organisation et le partenaire reçoit du cashback, y compris"
        " sur les commandes directes du client.",
        "en": "The client pays: it manages billing and alone sees the invoices; products are installed"
        " in its organisation and the partner receives cashback, including on the client's direct"
        " orders.",
    },
    "payment.partner": {
        "fr": "Le partenaire paie\u00a0: il gère la facturation, bénéficie directement de ses remises"
        " revendeur et voit seul les factures\u00a0; les produits sont installés sur l’organisation du"
        " client et le partenaire reçoit du cashback sur les commandes directes du client.",
        "en": "The partner pays: it manages billing, benefits directly from its reseller discounts and"
        " alone sees the invoices; products are installed in the client's organisation and the"
        " partner receives cashback on the client's direct orders.",
    },
    "payment.change": {
        "fr": "Le client peut changer de moyen de paiement à tout moment depuis le profil de son"
        " partenaire\u00a0; le partenaire en est averti par e-mail.",
        "en": "The client can change the payment method at any time from its partner's profile; the"
        " partner is notified by e-mail.",
    },
    "payment.amounts.client": {
        "fr": "Pour une commande de {price} à un taux supposé de {rate}\u00a0: le client paie {client_pays},"
        " le partenaire reçoit {partner_earns} de cashback.",
        "en": "For an order of {price} at an assumed rate of {rate}: the client pays {client_pays}, the"
        " partner receives {partner_earns} in cashback.",
    },
    "payment.amounts.partner": {
        "fr": "Pour une commande de {price} à un taux supposé de {rate}\u00a0: le partenaire paie"
        " {partner_pays} et économise {partner_saves} de remise.",
        "en": "For an order of {price} at an assumed rate of {rate}: the partner pays {partner_pays} and"
        " saves {partner_saves} in discount.",
    },
}
