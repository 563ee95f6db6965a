
"""Published lists of the reseller guide (key ``list.<list>.<n>``), in the guide's order.

The eligibility conditions are not here: they are the statements ``rule.ELIG-n``.
"""

from __future__ import annotations

PUBLISHED: dict[str, dict[str, str]] = {
    "list.advantages.savings.1": {
        "fr": "Tarifs compétitifs pour les extensions de nom de domaine courantes.",
        "en": "Competitive prices for common domain name extensions.",
    },
    "list.advantages.savings.2": {
        "fr": "Cashback récurrent ou remise jusqu'à -{max_rate} sur les produits. Ils se cumulent avec"
        " les tarifs dégressifs des hébergements Web.",
        "en": "Recurring cashback or a discount of up to {max_rate} on products. Both are combined with"
        " the sliding-scale prices for web hosting.",
    },
    "list.advantages.savings.3": {
        "fr": "Accès gratuit à tous les thèmes et plugins WordPress Elegant Themes.",
        "en": "Free access to all Elegant Themes WordPress themes and plugins.",
    },
    "list.advantages.savings.4": {
        "fr": "Possibilité de refacturer les produits à vos clients qui vous accordent un accès complet"
        " à leur compte.",
        "en": "You can re-invoice products to your clients who grant you full access to their"
        " account.",
    },
    "list.advantages.console.1": {
        "fr": "Interface dédiée pour gérer vos clients.",
        "en": "A dedicated interface to manage your clients.",
    },
    "list.advantages.console.2": {
        "fr": "Accès complet ou restreint aux comptes de vos clients : vos clients peuvent choisir"
        " de vous laisser gérer des produits précis ou tout leur compte, y compris leur facturation.",
        "en": "Full or restricted access to your clients' accounts: your clients can choose to let you"
        " manage specific products or their whole account, including their billing.",
    },
    "list.advantages.console.3": {
        "fr": "Gestion des droits de vos collaborateurs : vous pouvez définir les utilisateurs qui"
        " peuvent gérer les produits de vos clients pour plus de sécurité.",
        "en": "Management of your collaborators' rights: you can define which users may manage your"
        " clients' products, for more security.",
    },
    "list.advantages.directory.1": {
        "fr": "Les visiteurs et clients d'Infomaniak peuvent gratuitement lancer des appels d'offres"
        " que nos partenaires reçoivent en exclusivité. Vous pouvez aussi figurer gratuitement dans"
        " l'annuaire de nos partenaires afin de renforcer votre référencement et votre notoriété, et"
        " d'authentifier votre statut.",
        "en": "Visitors and Infomaniak clients can launch calls for tenders free of charge, and only our"
        " partners receive them. You can also be listed free of charge in our partner directory to"
        " improve your search ranking and your reputation, and to prove your status.",
    },
    "list.why.1": {
        "fr": "+25 ans d'expérience",
        "en": "25+ years of experience",
    },
    "list.why.2": {
        "fr": "Entreprise suisse indépendante basée à Genève et Winterthur",
        "en": "Independent Swiss company based in Geneva and Winterthur",
    },
    "list.why.3": {
        "fr": "Maîtrise technologique (données hébergées et traitées en Suisse)",
        "en": "Control of its technology (data hosted and processed in Switzerland)",
    },
    "list.why.4": {
        "fr": "Aucun compromis sur l'écologie",
        "en": "No compromise on the environment",
    },
    "list.why.5": {
        "fr": "Une croissance durable dans toute l'Europe (+35 % en France, +40 % en Suisse"
        " allemande en 2021)",
        "en": "Sustainable growth across Europe (+35% in France, +40% in German-speaking Switzerland"
        " in 2021)",
    },
    "list.why.6": {
        "fr": "Entreprise certifiée ISO 27001, ISO 9001, ISO 14001 et ISO 50001",
        "en": "Company certified ISO 27001, ISO 9001, ISO 14001 and ISO 50001",
    },
}
