
"""Answers of the ``access`` call."""

from __future__ import annotations

ACCESS: dict[str, dict[str, str]] = {
    "access.allowed.full": {
        "fr": "Accès complet possible\u00a0: {partner} gérera tous les produits, pourra commander et"
        " renouveler, et percevra un revenu sur toute commande ou tout renouvellement.",
        "en": "Full access possible: {partner} will manage all products, can order and renew, and"
        " earns revenue on every order or renewal.",
    },
    "access.allowed.limited": {
        "fr": "Accès limité possible\u00a0: {partner} gérera uniquement {products}, ne pourra pas"
        " commander ni renouveler, et percevra un revenu quand le client achète ou renouvelle ces"
        " produits.",
        "en": "Limited access possible: {partner} will manage only {products}, cannot order or renew,"
        " and earns revenue when the client buys or renews these products.",
    },
    "access.update": {
        "fr": "{partner} est déjà partenaire en accès limité\u00a0: ses accès produit peuvent être"
        " modifiés.",
        "en": "{partner} is already a limited-access partner: its product access can be changed.",
    },
    "access.denied.second_full": {
        "fr": "Refusé\u00a0: le client a déjà un partenaire en accès complet ({other})\u00a0; il ne peut"
        " en avoir qu’un seul.",
        "en": "Refused: the client already has a full-access partner ({other}); it can have only one.",
    },
    "access.denied.conflict": {
        "fr": "Refusé\u00a0: déjà gérés par un autre partenaire en accès limité\u00a0: {products}."
        " Plusieurs partenaires en accès limité doivent gérer des produits différents.",
        "en": "Refused: already managed by another limited-access partner: {products}. Several"
        " limited-access partners must manage different products.",
    },
}
