
"""Answers of the ``vat`` call (key ``vat.<reason>`` and ``vat.hint.<case>``)."""

from __future__ import annotations

VAT: dict[str, dict[str, str]] = {
    "vat.valid": {
        "fr": "{compact} : forme et chiffres de contrôle valables ({country}).",
        "en": "{compact}: valid form and check digits ({country}).",
    },
    "vat.empty": {
        "fr": "Aucun numéro de TVA indiqué.",
        "en": "No VAT number given.",
    },
    "vat.country": {
        "fr": "Pays non reconnu ou non pris en charge pour ce numéro.",
        "en": "Country not recognised or not supported for this number.",
    },
    "vat.mismatch": {
        "fr": "Le préfixe du numéro et le pays indiqué ne correspondent pas.",
        "en": "The number's prefix and the given country do not match.",
    },
    "vat.format": {
        "fr": "Numéro non valable : caractères ou forme incorrects pour {country}.",
        "en": "Invalid number: wrong characters or format for {country}.",
    },
    "vat.length": {
        "fr": "Numéro non valable : longueur incorrecte pour {country}.",
        "en": "Invalid number: wrong length for {country}.",
    },
    "vat.checksum": {
        "fr": "Numéro non valable : les chiffres de contrôle ne correspondent pas ({country}).",
        "en": "Invalid number: the check digits do not match ({country}).",
    },
    "vat.scope": {
        "fr": "Cette vérification porte sur la forme et les chiffres de contrôle, pas sur"
        " l'enregistrement : seuls le service en ligne VIES (UE) et le registre IDE suisse peuvent"
        " confirmer qu'un numéro appartient à une entreprise existante.",
        "en": "This check covers the written form and the check digits, not registration: only the"
        " EU's online VIES service and the Swiss UID register can confirm that a number belongs to an"
        " existing company.",
    },
    # The guide's "form of the number" list (<!-- kb:list vat.form -->, with vat.hint.swiss), which
    # invalid answers link to.
    "vat.form.prefix": {
        "fr": "Un numéro de TVA commence par le préfixe de son pays, par exemple FR ou DE ; pour la"
        " Grèce, ce préfixe est EL.",
        "en": "A VAT number starts with its country's prefix, for example FR or DE; for Greece, the"
        " prefix is EL.",
    },
    "vat.form.separators": {
        "fr": "Le vérificateur ignore les espaces, points, tirets et deux-points entre les caractères.",
        "en": "The checker ignores spaces, dots, dashes and colons between the characters.",
    },
    "vat.hint.greece": {
        "fr": "Pour la Grèce, le préfixe de TVA est EL et non GR.",
        "en": "For Greece, the VAT prefix is EL, not GR.",
    },
    "vat.hint.greece_iso": {
        "fr": "Grèce (GR) : numéro vérifié avec le préfixe de TVA grec, EL.",
        "en": "Greece (GR): number checked with the Greek VAT prefix, EL.",
    },
    "vat.hint.oss": {
        "fr": "Un numéro EU… ou IM… est un identifiant du guichet unique (OSS) de l'UE, pas le numéro"
        " de TVA d'un pays.",
        "en": "An EU… or IM… number is an EU one-stop-shop (OSS) identifier, not a country's VAT"
        " number.",
    },
    "vat.hint.prefix": {
        "fr": "Ajoutez le préfixe du pays (par exemple FR, DE, CHE) ou choisissez le pays.",
        "en": "Add the country prefix (for example FR, DE, CHE) or choose the country.",
    },
    "vat.hint.supported": {
        "fr": "Pays pris en charge : les 27 États de l'UE (EL pour la Grèce), XI (Irlande du Nord),"
        " la Suisse (CHE), GB et NO.",
        "en": "Supported: the 27 EU member states (EL for Greece), XI (Northern Ireland), Switzerland"
        " (CHE), GB and NO.",
    },
    "vat.hint.swiss": {
        "fr": "Un numéro suisse s'écrit CHE suivi de 9 chiffres, éventuellement de MWST, TVA, IVA"
        " ou TPV.",
        "en": "A Swiss number is CHE followed by 9 digits, optionally followed by MWST, TVA, IVA or TPV.",
    },
    "vat.hint.mismatch": {
        "fr": "Le préfixe {prefix} ne correspond pas au pays indiqué ({country}).",
        "en": "The prefix {prefix} does not match the given country ({country}).",
    },
}
