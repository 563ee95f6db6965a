
"""Statements of every rule ID (key ``rule.<ID>``), in the guides' wording.

Placeholders ``{chf}``, ``{eur}`` and ``{max_rate}`` are filled from kb_logic.constants.
French typography: no-break space (U+00A0) before ``:``, ``?``, ``!`` and ``%``.
"""

from __future__ import annotations

RULES: dict[str, dict[str, str]] = {
    # ELIG: the guide's own list of conditions (its order: ELIG-2 comes first there).
    "rule.ELIG-1": {
        "fr": "Le partenaire doit être une société enregistrée auprès du Registre du commerce suisse"
        " / SIRET ou équivalent.",
        "en": "The partner must be a company registered with the Swiss commercial register"
        " / SIRET or equivalent.",
    },
    "rule.ELIG-2": {
        "fr": "Le montant total des produits gérés dans le cadre du programme doit être égal ou"
        " supérieur à {chf} /an ou {eur} /an.",
        "en": "The total amount of products managed within the programme must be equal to or"
        " greater than {chf}/year or {eur}/year.",
    },
    "rule.ELIG-3": {
        "fr": "Le partenaire assure le support de ses clients ou des produits sous gestion.",
        "en": "The partner provides support to its clients or for the products under management.",
    },
    "rule.ELIG-4": {
        "fr": "Le partenaire est responsable des factures de ses clients ou des produits sous gestion.",
        "en": "The partner is responsible for its clients' invoices or for the products under management.",
    },
    "rule.ELIG-5": {
        "fr": "Le partenaire s’engage à utiliser exclusivement les produits d’Infomaniak pour les"
        " contrats acquis par son système d’appel d’offres.",
        "en": "The partner undertakes to use Infomaniak products exclusively for contracts acquired"
        " through its call-for-tenders system.",
    },
    "rule.ELIG-6": {
        "fr": "Le partenaire comprend et respecte les conditions particulières Revendeurs.",
        "en": "The partner understands and complies with the specific Reseller conditions.",
    },
    # ACC: limited access
    "rule.ACC-L1": {
        "fr": "Le client accorde à son partenaire l’accès spécifiquement à certains produits.",
        "en": "The client grants its partner access to specific products only.",
    },
    "rule.ACC-L2": {
        "fr": "Le partenaire gère uniquement les produits dont le client lui a attribué la gestion.",
        "en": "The partner manages only the products the client has assigned to it.",
    },
    "rule.ACC-L3": {
        "fr": "Le partenaire ne peut pas commander ni renouveler de produits pour son client.",
        "en": "The partner cannot order or renew products for its client.",
    },
    "rule.ACC-L4": {
        "fr": "Le partenaire perçoit un revenu lorsque le client effectue des achats ou renouvelle des"
        " produits dont le partenaire a la gestion.",
        "en": "The partner earns revenue when the client buys or renews products the partner manages.",
    },
    "rule.ACC-L5": {
        "fr": "Le client peut avoir plusieurs partenaires en accès limité sur son organisation"
        " à condition qu’ils gèrent des produits différents.",
        "en": "The client may have several limited-access partners on its organisation provided"
        " they manage different products.",
    },
    # ACC: full access
    "rule.ACC-F1": {
        "fr": "Le client accorde à son partenaire l’accès à tous ses produits.",
        "en": "The client grants its partner access to all its products.",
    },
    "rule.ACC-F2": {
        "fr": "Le partenaire peut commander et renouveler des produits pour son client.",
        "en": "The partner can order and renew products for its client.",
    },
    "rule.ACC-F3": {
        "fr": "Le client et le partenaire peuvent définir quels seront les moyens de paiement utilisés"
        " pour les commandes et les renouvellements.",
        "en": "The client and the partner can decide which payment methods are used for orders"
        " and renewals.",
    },
    "rule.ACC-F4": {
        "fr": "Le partenaire perçoit un revenu pour toute commande ou tout renouvellement de produit.",
        "en": "The partner earns revenue on every product order or renewal.",
    },
    "rule.ACC-F5": {
        "fr": "Le client ne peut avoir qu’un seul partenaire en accès complet sur son organisation.",
        "en": "The client can have only one full-access partner on its organisation.",
    },
    "rule.ACC-9": {
        "fr": "Des accès produit peuvent être ajoutés à un partenaire ou lui être retirés"
        " (accès limité uniquement).",
        "en": "Product access can be added to or removed from a partner (limited access only).",
    },
    # PAY: the client pays
    "rule.PAY-C1": {
        "fr": "Le client gère la facturation et règle les commandes et les renouvellements effectués"
        " par le partenaire.",
        "en": "The client manages billing and pays for the orders and renewals made by the partner.",
    },
    "rule.PAY-C2": {
        "fr": "Le prix public est payé et le partenaire reçoit un revenu (cashback) sur son compte en"
        " fonction des avantages dont il bénéficie en tant que revendeur Infomaniak.",
        "en": "The public price is paid and the partner receives revenue (cashback) on its account"
        " according to its advantages as an Infomaniak reseller.",
    },
    "rule.PAY-C3": {
        "fr": "Le partenaire reçoit également un revenu (cashback) pour toute commande et tout"
        " renouvellement effectués directement par son client.",
        "en": "The partner also receives revenue (cashback) on every order and renewal made directly"
        " by its client.",
    },
    "rule.PAY-C4": {
        "fr": "Les factures sont uniquement accessibles sur l’organisation du client et le partenaire"
        " n’y a pas accès.",
        "en": "Invoices are available only in the client's organisation; the partner has no access"
        " to them.",
    },
    "rule.PAY-C5": {
        "fr": "Les produits sont directement installés sur l’organisation du client.",
        "en": "Products are installed directly in the client's organisation.",
    },
    # PAY: the partner pays
    "rule.PAY-P1": {
        "fr": "Le partenaire gère la facturation et règle les commandes et les renouvellements"
        " effectués pour son client.",
        "en": "The partner manages billing and pays for the orders and renewals made for its client.",
    },
    "rule.PAY-P2": {
        "fr": "Le partenaire bénéficie directement des réductions revendeur lors des commandes et"
        " renouvellements pour le compte de son client.",
        "en": "The partner directly benefits from its reseller discounts on orders and renewals made"
        " on behalf of its client.",
    },
    "rule.PAY-P3": {
        "fr": "Le partenaire reçoit également un revenu (cashback) pour toute commande et tout"
        " renouvellement effectués directement par son client.",
        "en": "The partner also receives revenue (cashback) on every order and renewal made directly"
        " by its client.",
    },
    "rule.PAY-P4": {
        "fr": "Les factures sont uniquement disponibles sur l’organisation du partenaire et le client"
        " n’y a pas accès.",
        "en": "Invoices are available only in the partner's organisation; the client has no access"
        " to them.",
    },
    "rule.PAY-P5": {
        "fr": "Les produits sont directement installés sur l’organisation du client.",
        "en": "Products are installed directly in the client's organisation.",
    },
    # PAY: change of payment method
    "rule.PAY-X1": {
        "fr": "Le client peut changer à tout moment les moyens de paiement utilisés dans le cadre du"
        " partenariat depuis le profil de son partenaire.",
        "en": "The client can change the payment methods used in the partnership at any time, from"
        " its partner's profile.",
    },
    "rule.PAY-X2": {
        "fr": "Le partenaire reçoit une notification par e-mail du changement.",
        "en": "The partner is notified of the change by e-mail.",
    },
    # VAT
    "rule.VAT-1": {
        "fr": "À l’inscription\u00a0: démarrer la création d’une organisation depuis"
        " https://welcome.infomaniak.com/signup, choisir le type d’entité Entreprise, indiquer le"
        " numéro de TVA dans le formulaire de contact, puis finaliser la procédure.",
        "en": "At sign-up: start creating an organisation from https://welcome.infomaniak.com/signup,"
        " choose the entity type Entreprise (company), enter the VAT number in the contact form,"
        " then finish the procedure.",
    },
    "rule.VAT-2": {
        "fr": "Organisation existante\u00a0: se connecter au Manager (manager.infomaniak.com), cliquer"
        " sur la pastille tout en haut à droite et sélectionner Compte client, cliquer sur le bouton"
        " bleu Modifier sous les coordonnées de l’entreprise, indiquer le numéro dans le champ TVA,"
        " lire et cocher la case des conditions générales d’utilisation, puis cliquer sur Enregistrer.",
        "en": "Existing organisation: log in to the Manager (manager.infomaniak.com), click the badge"
        " at the very top right and select Compte client (client account), click the blue Modifier"
        " (edit) button under the company's details, enter the number in the TVA (VAT) field, read"
        " and tick the terms of use box, then click Enregistrer (save).",
    },
    "rule.VAT-3": {
        "fr": "Vous pouvez également ajouter une note sur la facture.",
        "en": "You can also add a note to the invoice.",
    },
    "rule.VAT-4": {
        "fr": "Si le statut de l’organisation est «\u00a0Entreprise\u00a0» et qu’aucun numéro de TVA"
        " n’est encore indiqué, un message invite à l’indiquer lors du règlement des factures"
        " (Comptabilité, partie A payer), lors du paiement dans le Shop, et une bannière le"
        " propose dans les e-mails de renouvellement des produits.",
        "en": "If the organisation's status is \"Entreprise\" (company) and no VAT number has been"
        " entered yet, a message invites you to enter it when paying invoices (Accounting, A payer"
        " section), when paying in the Shop, and a banner offers it in product-renewal e-mails.",
    },
    # CODE
    "rule.CODE-1": {
        "fr": "Ni le code support ni le code VIP ne sont le code d’autorisation servant au transfert"
        " des noms de domaine.",
        "en": "Neither the support code nor the VIP code is the authorisation code used to transfer"
        " domain names.",
    },
    "rule.CODE-2": {
        "fr": "Le code support permet au Support de vous identifier de façon rapide et sécurisée"
        "\u00a0; il s’affiche dans le Manager sous Support dans le menu latéral gauche, et dans la"
        " fenêtre de contact du bouton d’assistance.",
        "en": "The support code lets Support identify you quickly and securely; it is shown in the"
        " Manager under Support in the left-hand menu, and in the contact window of the assistance"
        " button.",
    },
    "rule.CODE-3": {
        "fr": "Au même endroit, vous pouvez accorder un accès temporaire à kMail et kDrive"
        " (accès uniquement possible aux collaborateurs du Support Infomaniak).",
        "en": "In the same place you can grant temporary access to kMail and kDrive (access only"
        " possible for Infomaniak Support staff).",
    },
    "rule.CODE-4": {
        "fr": "Le code VIP est réservé aux clients ayant souscrit au Support Premium\u00a0; il"
        " s’affiche dans le menu latéral gauche du Manager et, depuis n’importe quelle page du"
        " Manager, via le bouton d’assistance en bas à droite de l’écran.",
        "en": "The VIP code is reserved for clients who subscribed to Premium Support; it is shown"
        " in the Manager's left-hand menu and, from any Manager page, through the assistance button"
        " at the bottom right of the screen.",
    },
    # ONB: the client adds a partner
    "rule.ONB-C1": {
        "fr": "Se connecter à votre espace Infomaniak (manager.infomaniak.com).",
        "en": "Log in to your Infomaniak space (manager.infomaniak.com).",
    },
    "rule.ONB-C2": {
        "fr": "Cliquer sur l’onglet Partenaires dans le menu de gauche du Manager.",
        "en": "Click the Partenaires (partners) tab in the Manager's left-hand menu.",
    },
    "rule.ONB-C3": {
        "fr": "Cliquer sur Ajouter un partenaire en haut à droite.",
        "en": "Click Ajouter un partenaire (add a partner) at the top right.",
    },
    "rule.ONB-C4": {
        "fr": "Suivre les étapes.",
        "en": "Follow the steps.",
    },
    "rule.ONB-C5": {
        "fr": "Attendre la validation de votre partenaire (un e-mail sera envoyé).",
        "en": "Wait for your partner's validation (an e-mail will be sent).",
    },
    # ONB: the partner adds a client
    "rule.ONB-P0": {
        "fr": "Seuls les responsables légaux de l’organisation partenaire sont autorisés à ajouter"
        " des clients.",
        "en": "Only the legal representatives of the partner organisation may add clients.",
    },
    "rule.ONB-P1": {
        "fr": "Se connecter à votre espace Infomaniak (manager.infomaniak.com).",
        "en": "Log in to your Infomaniak space (manager.infomaniak.com).",
    },
    "rule.ONB-P2": {
        "fr": "Cliquer sur la section Espace revendeur du menu de navigation de gauche.",
        "en": "Click the Espace revendeur (reseller area) section of the left-hand navigation menu.",
    },
    "rule.ONB-P3": {
        "fr": "Cliquer sur Clients sous gestion.",
        "en": "Click Clients sous gestion (clients under management).",
    },
    "rule.ONB-P4": {
        "fr": "Cliquer sur le bouton «\u00a0Ajouter un client\u00a0» en haut à droite.",
        "en": "Click the \"Ajouter un client\" (add a client) button at the top right.",
    },
    "rule.ONB-P5": {
        "fr": "Suivre la procédure pour terminer.",
        "en": "Follow the procedure to finish.",
    },
    "rule.ONB-P6": {
        "fr": "Le client reçoit un e-mail avec la demande des différents accès et peut décider"
        " d’accorder des droits d’accès différents de ceux demandés par le partenaire.",
        "en": "The client receives an e-mail with the requested accesses and may decide to grant"
        " different access rights from those the partner requested.",
    },
    "rule.ONB-P7": {
        "fr": "Une fois l’invitation acceptée par le client, vérifier les droits d’accès accordés"
        " ainsi que les moyens de paiement utilisés (si applicable) sur le profil du client.",
        "en": "Once the client has accepted the invitation, check the access rights granted and the"
        " payment methods used (where applicable) on the client's profile.",
    },
    # ONB: the partner accesses a client's account
    "rule.ONB-A1": {
        "fr": "En tant que responsable légal ou administrateur\u00a0: se connecter au Manager, cliquer"
        " sur Espace revendeur, puis sur Clients sous gestion, cliquer sur le client à gérer, puis"
        " sur le bouton Accéder au compte du client en haut à droite.",
        "en": "As legal representative or administrator: log in to the Manager, click Espace"
        " revendeur (reseller area), then Clients sous gestion (clients under management), click"
        " the client to manage, then the Accéder au compte du client (access the client's account)"
        " button at the top right.",
    },
    "rule.ONB-A2": {
        "fr": "En tant que collaborateur\u00a0: se connecter au Manager, cliquer sur la flèche en haut"
        " à gauche du menu à côté du nom ou du logo de l’organisation, cliquer sur le nom de votre"
        " organisation sous Manager, aller dans l’onglet Mes clients, puis sélectionner le client"
        " à gérer.",
        "en": "As collaborator: log in to the Manager, click the arrow at the top left of the menu"
        " beside the organisation's name or logo, click your organisation's name under Manager, go"
        " to the Mes clients (my clients) tab, then select the client to manage.",
    },
}
