"""Texts of the browser helpers (key ``ui.<widget>.<label>``): labels, states, result headings.

Same shape as every catalogue module: message key -> {"fr": ..., "en": ...}. The widget templates
(widgets/templates) and the widget runtime (widgets/runtime) read them; the catalogue tests check both
languages and their placeholders. A field whose label an error names reads ``label.*`` (labels.py) instead,
so the form and the error say the same words; tests/widgets/test_markup.py fails on a key nothing uses.
"""

from __future__ import annotations

UI: dict[str, dict[str, str]] = {
    # --- shared by every helper ---
    "ui.submit": {"fr": "Vérifier", "en": "Check"},
    "ui.retry": {"fr": "Réessayer", "en": "Try again"},
    "ui.noscript": {
        "fr": "Cet assistant a besoin de JavaScript. Voici ce que disent les guides :",
        "en": "This helper needs JavaScript. Here is what the guides say:",
    },
    "ui.loading": {"fr": "Préparation de l'assistant…", "en": "Preparing the helper…"},
    "ui.error.load": {
        "fr": "L'assistant n'a pas pu démarrer (connexion interrompue ou navigateur sans WebAssembly)."
        " Le guide ci-dessus reste valable. Vous pouvez réessayer.",
        "en": "The helper could not start (connection interrupted or a browser without WebAssembly)."
        " The guide above still applies. You can try again.",
    },
    "ui.error.internal": {
        "fr": "L'assistant a rencontré une erreur inattendue. Le guide ci-dessus reste valable ; vous pouvez"
        " recharger la page.",
        "en": "The helper ran into an unexpected error. The guide above still applies; you can reload the page.",
    },
    "ui.pending": {
        "fr": "Votre réponse s'affichera dès que l'assistant sera prêt.",
        "en": "Your answer will appear as soon as the helper is ready.",
    },
    # handing an answer on (copy buttons under every answer, and their short status)
    "ui.copy.link": {"fr": "Copier le lien de cette réponse", "en": "Copy the link to this answer"},
    "ui.copy.link.done": {"fr": "Lien copié.", "en": "Link copied."},
    "ui.copy.number": {"fr": "Copier le numéro", "en": "Copy the number"},
    "ui.copy.number.done": {"fr": "Numéro copié.", "en": "Number copied."},
    "ui.copy.failed": {
        "fr": "La copie n'a pas fonctionné : sélectionnez le texte et copiez-le.",
        "en": "Copying did not work: select the text and copy it.",
    },
    # --- eligibility checker ---
    "ui.eligibility.title": {"fr": "Vérifier mon éligibilité", "en": "Check my eligibility"},
    "ui.eligibility.intro": {
        "fr": "Répondez aux questions : le résultat suit les conditions ci-dessus.",
        "en": "Answer the questions: the result follows the conditions above.",
    },
    "ui.eligibility.fallback": {
        "fr": "Pour devenir revendeur, toutes ces conditions doivent être remplies :",
        "en": "To become a reseller, all of these conditions must be met:",
    },
    "ui.eligibility.entity": {"fr": "Vous êtes", "en": "You are"},
    "ui.eligibility.entity.company": {"fr": "une société", "en": "a company"},
    "ui.eligibility.entity.individual": {"fr": "un particulier", "en": "a private individual"},
    "ui.eligibility.registered": {
        "fr": "La société est inscrite au registre du commerce (suisse, SIRET ou équivalent)",
        "en": "The company is registered with the commercial register (Swiss, SIRET or equivalent)",
    },
    "ui.eligibility.annual_amount": {
        "fr": "Montant annuel des produits gérés",
        "en": "Yearly amount of the products under management",
    },
    "ui.eligibility.annual_amount.hint": {
        "fr": "Le total par an de tous les produits que vous gérerez dans le programme.",
        "en": "The yearly total of all the products you will manage within the programme.",
    },
    "ui.eligibility.provides_support": {
        "fr": "Vous assurez le support de vos clients",
        "en": "You provide support to your clients",
    },
    "ui.eligibility.handles_billing": {
        "fr": "Vous êtes responsable des factures de vos clients",
        "en": "You are responsible for your clients' invoices",
    },
    "ui.eligibility.exclusive_tenders": {
        "fr": "Vous utiliserez exclusivement les produits d'Infomaniak pour les contrats issus des appels"
        " d'offres",
        "en": "You will use only Infomaniak products for contracts won through calls for tenders",
    },
    "ui.eligibility.accepts_conditions": {
        "fr": "Vous acceptez les conditions particulières Revendeurs",
        "en": "You accept the specific reseller conditions",
    },
    # --- access-type simulator ---
    "ui.access.title": {"fr": "Simuler un accès partenaire", "en": "Simulate partner access"},
    "ui.access.intro": {
        "fr": "Indiquez les partenaires qui ont déjà accès à l'organisation, puis l'accès demandé.",
        "en": "List the partners that already have access to the organisation, then the requested access.",
    },
    "ui.access.limited": {"fr": "Accès limité", "en": "Limited access"},
    "ui.access.full": {"fr": "Accès complet", "en": "Full access"},
    "ui.access.existing.none": {
        "fr": "Aucun partenaire pour l'instant.",
        "en": "No partner yet.",
    },
    "ui.access.existing.item": {"fr": "Partenaire existant", "en": "Existing partner"},
    "ui.access.add": {"fr": "Ajouter un partenaire existant", "en": "Add an existing partner"},
    "ui.access.remove": {"fr": "Retirer ce partenaire", "en": "Remove this partner"},
    "ui.access.products.hint": {
        "fr": "Séparés par des virgules (pour un accès limité).",
        "en": "Separated by commas (for limited access).",
    },
    # --- payment-mode simulator ---
    "ui.payment.title": {"fr": "Simuler le moyen de paiement", "en": "Simulate the payment method"},
    "ui.payment.intro": {
        "fr": "Choisissez qui paie ; ajoutez un prix et un taux supposé pour voir les montants.",
        "en": "Choose who pays; add a price and an assumed rate to see the amounts.",
    },
    "ui.payment.access": {"fr": "Type d'accès du partenaire", "en": "Partner's access type"},
    "ui.payment.payer": {"fr": "Qui paie ?", "en": "Who pays?"},
    "ui.payment.payer.client": {"fr": "Le client paie", "en": "The client pays"},
    "ui.payment.payer.partner": {"fr": "Le partenaire paie", "en": "The partner pays"},
    "ui.payment.price": {"fr": "Prix public de la commande (facultatif)", "en": "Public price of the order (optional)"},
    "ui.payment.price.hint": {"fr": "Par exemple 100.", "en": "For example 100."},
    "ui.payment.rate": {"fr": "Taux supposé en % (facultatif)", "en": "Assumed rate in % (optional)"},
    "ui.payment.rate.hint": {
        "fr": "De 0 à {max_rate} : les guides disent seulement « jusqu'à {max_rate} ».",
        "en": "From 0 to {max_rate}: the guides only say \"up to {max_rate}\".",
    },
    # --- VAT number validator ---
    "ui.vat.title": {"fr": "Vérifier l'écriture d'un numéro de TVA", "en": "Check how a VAT number is written"},
    "ui.vat.intro": {
        "fr": "Saisissez le numéro tel que vous l'écririez : espaces, points et tirets sont acceptés.",
        "en": "Type the number as you would write it: spaces, dots and dashes are accepted.",
    },
    "ui.vat.fallback": {
        "fr": "Où indiquer votre numéro de TVA :",
        "en": "Where to enter your VAT number:",
    },
    "ui.vat.number.hint": {
        "fr": "Avec le préfixe du pays, par exemple CHE-116.281.710 TVA ou FR40 303 265 045.",
        "en": "With the country prefix, for example CHE-116.281.710 MWST or FR40 303 265 045.",
    },
    "ui.vat.country": {"fr": "Pays (si le numéro n'a pas de préfixe)", "en": "Country (if the number has no prefix)"},
    "ui.vat.country.auto": {"fr": "D'après le préfixe", "en": "From the prefix"},
    "ui.vat.privacy": {
        "fr": "La vérification se fait dans votre navigateur : le numéro n'est envoyé nulle part.",
        "en": "The check runs in your browser: the number is sent nowhere.",
    },
    # --- onboarding step guide ---
    "ui.onboarding.title": {"fr": "Les étapes selon votre rôle", "en": "The steps for your role"},
    "ui.onboarding.intro": {
        "fr": "Choisissez ce que vous voulez faire et votre rôle dans l'organisation.",
        "en": "Choose what you want to do and your role in the organisation.",
    },
    "ui.onboarding.flow": {"fr": "Je veux", "en": "I want to"},
    "ui.onboarding.flow.client_adds_partner": {
        "fr": "donner accès à un partenaire (je suis client)",
        "en": "give a partner access (I am a client)",
    },
    "ui.onboarding.flow.partner_adds_client": {
        "fr": "ajouter un client (je suis partenaire)",
        "en": "add a client (I am a partner)",
    },
    "ui.onboarding.flow.access_client_account": {
        "fr": "accéder au compte d'un client (je suis partenaire)",
        "en": "access a client's account (I am a partner)",
    },
    "ui.onboarding.role": {"fr": "Mon rôle", "en": "My role"},
    "ui.onboarding.role.legal_representative": {"fr": "responsable légal", "en": "legal representative"},
    "ui.onboarding.role.administrator": {"fr": "administrateur", "en": "administrator"},
    "ui.onboarding.role.collaborator": {"fr": "collaborateur", "en": "collaborator"},
    # --- support and VIP code helper ---
    "ui.support_code.title": {"fr": "Où trouver mes codes", "en": "Where to find my codes"},
    "ui.support_code.intro": {
        "fr": "Indiquez si vous avez souscrit au Support Premium.",
        "en": "Tell us whether you have subscribed to Premium Support.",
    },
    "ui.support_code.premium_support": {
        "fr": "J'ai souscrit au Support Premium",
        "en": "I have subscribed to Premium Support",
    },
}
