
"""Error messages (key ``error.<code>``; ``error.expected.<type>`` and ``error.detail.<name>``
are the pieces an error message is built from)."""

from __future__ import annotations

ERRORS: dict[str, dict[str, str]] = {
    "error.json": {
        "fr": "Requête illisible\u00a0: un seul objet JSON est attendu.",
        "en": "Unreadable request: one JSON object is expected.",
    },
    "error.unknown_call": {
        "fr": "Appel inconnu\u00a0: {name}. Appels possibles\u00a0: {calls}.",
        "en": "Unknown call: {name}. Known calls: {calls}.",
    },
    "error.missing_field": {
        "fr": "Champ manquant\u00a0: {field}.",
        "en": "Missing field: {field}.",
    },
    "error.unknown_field": {
        "fr": "Champ inconnu\u00a0: {field}.",
        "en": "Unknown field: {field}.",
    },
    "error.type": {
        "fr": "{field}\u00a0: {expected} attendu.",
        "en": "{field}: expected {expected}.",
    },
    "error.value": {
        "fr": "{field}\u00a0: {detail}",
        "en": "{field}: {detail}",
    },
    "error.currency": {
        "fr": "Devise non prise en charge\u00a0: {value}. Les guides ne couvrent que CHF et EUR.",
        "en": "Unsupported currency: {value}. The guides only cover CHF and EUR.",
    },
    "error.lang": {
        "fr": "Langue non prise en charge\u00a0: {value}. Langues possibles\u00a0: fr, en.",
        "en": "Unsupported language: {value}. Available languages: fr, en.",
    },
    "error.internal": {
        "fr": "Erreur interne de kb_logic ({info})\u00a0; merci de la signaler.",
        "en": "Internal error in kb_logic ({info}); please report it.",
    },
    "error.root": {
        "fr": "requête",
        "en": "request",
    },
    "error.expected.number": {"fr": "nombre JSON", "en": "a JSON number"},
    "error.expected.boolean": {"fr": "booléen (true ou false)", "en": "a boolean (true or false)"},
    "error.expected.string": {"fr": "texte", "en": "a string"},
    "error.expected.object": {"fr": "objet JSON", "en": "a JSON object"},
    "error.expected.list": {"fr": "liste JSON", "en": "a JSON list"},
    "error.detail.choice": {
        "fr": "valeur non prise en charge ({value})\u00a0; valeurs possibles\u00a0: {choices}.",
        "en": "unsupported value ({value}); possible values: {choices}.",
    },
    "error.detail.negative": {
        "fr": "un montant ne peut pas être négatif.",
        "en": "an amount cannot be negative.",
    },
    "error.detail.not_finite": {
        "fr": "un nombre fini est attendu.",
        "en": "a finite number is expected.",
    },
    "error.detail.rate": {
        "fr": "le taux doit être compris entre 0 et {max} (les guides indiquent «\u00a0jusqu’à"
        " {max_rate}\u00a0»).",
        "en": "the rate must be between 0 and {max} (the guides state \"up to {max_rate}\").",
    },
    "error.detail.too_long": {
        "fr": "texte trop long.",
        "en": "text too long.",
    },
    "error.detail.empty": {
        "fr": "ne doit pas être vide.",
        "en": "must not be empty.",
    },
    "error.detail.no_products": {
        "fr": "un accès limité porte sur au moins un produit.",
        "en": "limited access covers at least one product.",
    },
}
