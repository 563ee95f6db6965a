
"""Error messages (key ``error.<code>``; ``error.expected.<type>`` and ``error.detail.<name>``
are the pieces an error message is built from)."""

from __future__ import annotations

ERRORS: dict[str, dict[str, str]] = {
    "error.json": {
        "fr": "Requête illisible : un seul objet JSON est attendu.",
        "en": "Unreadable request: one JSON object is expected.",
    },
    "error.unknown_call": {
        "fr": "Appel inconnu : {name}. Appels possibles : {calls}.",
        "en": "Unknown call: {name}. Known calls: {calls}.",
    },
    "error.missing_field": {
        "fr": "Champ manquant : {field}.",
        "en": "Missing field: {field}.",
    },
    "error.unknown_field": {
        "fr": "Champ inconnu : {field}.",
        "en": "Unknown field: {field}.",
    },
    "error.type": {
        "fr": "{field} : la valeur doit être {expected}.",
        "en": "{field}: expected {expected}.",
    },
    "error.value": {
        "fr": "{field} : {detail}",
        "en": "{field}: {detail}",
    },
    "error.lang": {
        "fr": "Langue non prise en charge : {value}. Langues possibles : fr, en.",
        "en": "Unsupported language: {value}. Available languages: fr, en.",
    },
    "error.internal": {
        "fr": "Erreur interne de kb_logic ({info}) ; merci de la signaler.",
        "en": "Internal error in kb_logic ({info}); please report it.",
    },
    "error.expected.number": {"fr": "un nombre", "en": "a number"},
    "error.expected.boolean": {"fr": "un booléen (true ou false)", "en": "a boolean (true or false)"},
    "error.expected.string": {"fr": "du texte", "en": "a string"},
    "error.expected.object": {"fr": "un objet JSON", "en": "a JSON object"},
    "error.expected.list": {"fr": "une liste JSON", "en": "a JSON list"},
    "error.detail.choice": {
        "fr": "valeur non prise en charge ({value}) ; valeurs possibles : {choices}.",
        "en": "unsupported value ({value}); possible values: {choices}.",
    },
    "error.detail.negative": {
        "fr": "ne peut pas être négatif.",
        "en": "cannot be negative.",
    },
    "error.detail.not_finite": {
        "fr": "un nombre fini est attendu.",
        "en": "a finite number is expected.",
    },
    "error.detail.not_a_number": {
        "fr": "« {value} » n'est pas un nombre.",
        "en": "\"{value}\" is not a number.",
    },
    "error.detail.ambiguous": {
        "fr": "« {value} » : écrivez 1234 ou 1234,50.",
        "en": "\"{value}\": write 1234 or 1234.50.",
    },
    "error.detail.too_many_places": {
        "fr": "au plus {places} décimales.",
        "en": "at most {places} decimal places.",
    },
    "error.detail.too_many_digits": {
        "fr": "trop de chiffres (au plus {max}).",
        "en": "too many digits (at most {max}).",
    },
    "error.detail.too_large": {
        "fr": "nombre trop grand.",
        "en": "number too large.",
    },
    "error.detail.rate": {
        "fr": "entre 0 et {max_rate} (les guides indiquent seulement « jusqu'à {max_rate} »).",
        "en": "between 0 and {max_rate} (the guides only state \"up to {max_rate}\").",
    },
    "error.detail.too_long": {
        "fr": "texte trop long (au plus {max} caractères).",
        "en": "text too long (at most {max} characters).",
    },
    "error.detail.empty": {
        "fr": "ne doit pas être vide.",
        "en": "must not be empty.",
    },
    "error.detail.too_many": {
        "fr": "{limit} éléments au plus.",
        "en": "at most {limit} items.",
    },
    "error.detail.duplicate": {
        "fr": "« {value} » figure déjà dans la liste ; chaque partenaire n'y figure qu'une fois.",
        "en": "\"{value}\" is already in the list; list each partner once.",
    },
    "error.detail.not_text": {
        "fr": "texte illisible (ce n'est pas du texte Unicode valable).",
        "en": "unreadable text (not valid Unicode).",
    },
    "error.detail.request_too_large": {
        "fr": "trop grande (au plus {limit} Mo).",
        "en": "too large (at most {limit} MB).",
    },
    "error.detail.no_products": {
        "fr": "un accès limité porte sur au moins un produit.",
        "en": "limited access covers at least one product.",
    },
}
