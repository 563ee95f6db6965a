
"""Answers of the ``onboarding`` call."""

from __future__ import annotations

ONBOARDING: dict[str, dict[str, str]] = {
    "onboarding.client_adds_partner": {
        "fr": "Pour donner accès à un partenaire référencé par Infomaniak, suivez ces étapes.",
        "en": "To give access to a partner listed by Infomaniak, follow these steps.",
    },
    "onboarding.partner_adds_client": {
        "fr": "En tant que responsable légal, vous pouvez ajouter un client : suivez ces étapes.",
        "en": "As a legal representative, you can add a client: follow these steps.",
    },
    "onboarding.partner_adds_client.denied": {
        "fr": "Non autorisé : votre rôle ({role}) ne permet pas d'ajouter des clients.",
        "en": "Not allowed: your role ({role}) cannot add clients.",
    },
    "onboarding.access_client_account": {
        "fr": "Pour accéder au compte d'un client en tant que {role}, suivez ces étapes.",
        "en": "To access a client's account in your role as {role}, follow these steps.",
    },
    "onboarding.role.legal_representative": {
        "fr": "responsable légal",
        "en": "legal representative",
    },
    "onboarding.role.administrator": {
        "fr": "administrateur",
        "en": "administrator",
    },
    "onboarding.role.collaborator": {
        "fr": "collaborateur",
        "en": "collaborator",
    },
}
