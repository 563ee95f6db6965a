
"""Answers of the ``onboarding`` call."""

from __future__ import annotations

ONBOARDING: dict[str, dict[str, str]] = {
    "onboarding.client_adds_partner": {
        "fr": "Pour donner accès à un partenaire référencé par Infomaniak, suivez ces étapes.",
        "en": "To give access to a partner referenced by Infomaniak, follow these steps.",
    },
    "onboarding.partner_adds_client": {
        "fr": "En tant que responsable légal, vous pouvez ajouter un client\u00a0: suivez ces étapes.",
        "en": "As legal representative you may add a client: follow these steps.",
    },
    "onboarding.partner_adds_client.denied": {
        "fr": "Non autorisé\u00a0: seuls les responsables légaux de l’organisation partenaire peuvent"
        " ajouter des clients\u00a0; votre rôle ({role}) ne le permet pas.",
        "en": "Not allowed: only the legal representatives of the partner organisation may add"
        " clients; your role ({role}) may not.",
    },
    "onboarding.access_client_account": {
        "fr": "Pour accéder au compte d’un client en tant que {role}, suivez ce chemin.",
        "en": "To access a client's account as {role}, follow this path.",
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
