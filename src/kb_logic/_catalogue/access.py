
"""Answers of the ``access`` call."""

from __future__ import annotations

ACCESS: dict[str, dict[str, str]] = {
    "access.allowed.full": {
        "fr": "Possible : {partner} peut recevoir un accès complet.",
        "en": "Possible: {partner} can be given full access.",
    },
    "access.allowed.limited": {
        "fr": "Possible : {partner} peut recevoir un accès limité à {products}.",
        "en": "Possible: {partner} can be given limited access to {products}.",
    },
    "access.update": {
        "fr": "Possible : l'accès limité de {partner} peut être modifié pour porter sur {products}.",
        "en": "Possible: the limited access of {partner} can be changed to cover {products}.",
    },
    "access.denied.second_full": {
        "fr": "Pas possible : le client a déjà un partenaire en accès complet ({other}).",
        "en": "Not possible: the client already has a full-access partner ({other}).",
    },
    "access.denied.conflict": {
        "fr": "Pas possible : un autre partenaire en accès limité gère déjà {products}.",
        "en": "Not possible: another limited-access partner already manages {products}.",
    },
}
