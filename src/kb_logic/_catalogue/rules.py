
"""Statements of every rule ID (key ``rule.<ID>``), in the guides' wording.

Placeholders ``{threshold_chf}``, ``{threshold_eur}`` and ``{max_rate}`` are filled from
kb_logic.constants (see ``messages.values``).
Each statement is the one text of its rule: the guides show it (``<!-- kb:rule ID -->``) and answers
cite it. Writers type plain text (``'``, ``"``, ordinary spaces): kb_logic.typography sets it. Markdown:
links written docs-root-relative (``[cashback](glossary.md#cashback)``) and ``**bold**`` only.
"""

from __future__ import annotations

RULES: dict[str, dict[str, str]] = {
    # ELIG: the guide's own list of conditions (its order: ELIG-2 comes first there).
    "rule.ELIG-1": {
        "fr": "Le partenaire doit être une société enregistrée auprès du registre du commerce suisse"
        " / SIRET ou équivalent.",
        "en": "The partner must be a company registered with the Swiss commercial register"
        " / SIRET or equivalent.",
    },
    "rule.ELIG-2": {
        "fr": "Le montant total des produits gérés dans le cadre du programme doit être égal ou"
        " supérieur à {threshold_chf} par an ou à {threshold_eur} par an.",
        "en": "The total amount of products managed within the programme must be equal to or"
        " greater than {threshold_chf} a year or {threshold_eur} a year.",
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
        "fr": "Le partenaire s'engage à utiliser exclusivement les produits d'Infomaniak pour les"
        " contrats acquis par son système d'appel d'offres.",
        "en": "The partner undertakes to use Infomaniak products exclusively for contracts acquired"
        " through its call-for-tenders system.",
    },
    "rule.ELIG-6": {
        "fr": "Le partenaire comprend et respecte les conditions particulières Revendeurs.",
        "en": "The partner understands and complies with the specific reseller conditions.",
    },
    # ACC: limited access
    "rule.ACC-L1": {
        "fr": "Le client accorde à son partenaire l'accès spécifiquement à certains produits.",
        "en": "The client grants its partner access to specific products only.",
    },
    "rule.ACC-L2": {
        "fr": "Le partenaire gère uniquement les produits dont le client lui a attribué la gestion.",
        "en": "The partner manages only the products the client has assigned to it.",
    },
    "rule.ACC-L3": {
        "fr": "Le partenaire ne peut ni commander ni renouveler de produits pour son client.",
        "en": "The partner cannot order or renew products for its client.",
    },
    "rule.ACC-L4": {
        "fr": "Le partenaire perçoit un revenu lorsque le client effectue des achats ou renouvelle des "
        "produits dont le partenaire a la gestion.",
        "en": "The partner earns revenue when the client buys or renews products that the partner manages.",
    },
    "rule.ACC-L5": {
        "fr": "Le client peut avoir plusieurs partenaires en accès limité sur son organisation, à condition"
        " qu'ils gèrent des produits différents.",
        "en": "The client can have several limited-access partners in its organisation, provided they "
        "manage different products.",
    },
    # ACC: full access
    "rule.ACC-F1": {
        "fr": "Le client accorde à son partenaire l'accès à tous ses produits.",
        "en": "The client grants its partner access to all its products.",
    },
    "rule.ACC-F2": {
        "fr": "Le partenaire peut commander et renouveler des produits pour son client.",
        "en": "The partner can order and renew products for its client.",
    },
    "rule.ACC-F3": {
        "fr": "Le client et le partenaire peuvent définir quels seront les [moyens de "
        "paiement](billing-and-vat/payment-methods.md) utilisés pour les commandes et les "
        "renouvellements.",
        "en": "The client and the partner can define which [payment "
        "methods](billing-and-vat/payment-methods.md) will be used for orders and renewals.",
    },
    "rule.ACC-F4": {
        "fr": "Le partenaire perçoit un revenu pour toute commande ou tout renouvellement de produit.",
        "en": "The partner earns revenue on every product order or renewal.",
    },
    "rule.ACC-F5": {
        "fr": "Le client ne peut avoir qu'un seul partenaire en accès complet sur son organisation.",
        "en": "The client can have only one full-access partner in its organisation.",
    },
    "rule.ACC-9": {
        "fr": "Il est possible d'ajouter des accès produit à un partenaire ou de lui en retirer, uniquement"
        " en accès limité. La procédure n'est pas décrite dans ces guides.",
        "en": "Product access can be added to or removed from a partner, with limited access only. These "
        "guides do not describe how.",
    },
    # PAY: the client pays
    "rule.PAY-C1": {
        "fr": "Le client gère la facturation et règle les commandes et les renouvellements effectués par le"
        " partenaire.",
        "en": "The client manages billing and pays for the orders and renewals made by the partner.",
    },
    "rule.PAY-C2": {
        "fr": "Le client paie le prix public et le partenaire recevra un revenu "
        "([cashback](glossary.md#cashback)) sur son compte en fonction des avantages dont il "
        "bénéficie en tant que [revendeur "
        "Infomaniak](becoming-a-partner/reseller-programme.md#advantages).",
        "en": "The client pays the public price and the partner will receive revenue "
        "([cashback](glossary.md#cashback)) on its account according to the advantages it enjoys as "
        "an [Infomaniak reseller](becoming-a-partner/reseller-programme.md#advantages).",
    },
    "rule.PAY-C3": {
        "fr": "Le partenaire recevra également un revenu (cashback) pour toute commande et tout "
        "renouvellement effectués directement par son client.",
        "en": "The partner will also receive revenue (cashback) for every order and renewal made directly "
        "by its client.",
    },
    "rule.PAY-C4": {
        "fr": "Les factures seront uniquement accessibles sur l'organisation du client et le partenaire n'y"
        " aura pas accès.",
        "en": "Invoices will be accessible only in the client's organisation, and the partner will not have"
        " access to them.",
    },
    "rule.PAY-C5": {
        "fr": "Les produits seront directement installés sur l'organisation du client.",
        "en": "Products will be installed directly in the client's organisation.",
    },
    # PAY: the partner pays
    "rule.PAY-P1": {
        "fr": "Le partenaire gère la facturation et règle les commandes et les renouvellements effectués "
        "pour son client.",
        "en": "The partner manages billing and pays for the orders and renewals made for its client.",
    },
    "rule.PAY-P2": {
        "fr": "Le partenaire bénéficie directement des réductions revendeur lors des commandes et des "
        "renouvellements pour le compte de son client.",
        "en": "The partner directly benefits from its reseller discounts on orders and renewals made on "
        "behalf of its client.",
    },
    "rule.PAY-P3": {
        "fr": "Le partenaire recevra également un revenu (cashback) pour toute commande et tout "
        "renouvellement effectués directement par son client.",
        "en": "The partner will also receive revenue (cashback) for every order and renewal made directly "
        "by its client.",
    },
    "rule.PAY-P4": {
        "fr": "Les factures seront uniquement disponibles sur l'organisation du partenaire et le client n'y"
        " aura pas accès.",
        "en": "Invoices will be available only in the partner's organisation, and the client will not have "
        "access to them.",
    },
    "rule.PAY-P5": {
        "fr": "Les produits seront directement installés sur l'organisation du client.",
        "en": "Products will be installed directly in the client's organisation.",
    },
    # PAY: change of payment method
    "rule.PAY-X1": {
        "fr": "Le client peut changer à tout moment les moyens de paiement utilisés dans le cadre du "
        "partenariat depuis le profil de son partenaire.",
        "en": "The client can change the payment methods used in the partnership at any time, from its "
        "partner's profile.",
    },
    "rule.PAY-X2": {
        "fr": "Le partenaire recevra une notification par e-mail du changement.",
        "en": "The partner will be notified of the change by e-mail.",
    },
    # VAT (a lead-in paragraph under each heading)
    "rule.VAT-1": {
        "fr": "Lors de la création d'une organisation, choisissez le type d'entité **Entreprise** et "
        "indiquez le numéro de TVA dans le formulaire de contact.",
        "en": "When you create an organisation, choose the entity type **Entreprise** (Company) and enter "
        "the VAT number in the contact form.",
    },
    "rule.VAT-2": {
        "fr": "Pour une organisation existante, indiquez le numéro de TVA depuis le Manager, sous **Compte"
        " client**, dans le champ **TVA**.",
        "en": "For an existing organisation, enter the VAT number in the Manager, under **Compte "
        "client** (Client account), in the **TVA** (VAT) field.",
    },
    "rule.VAT-3": {
        "fr": "Vous pouvez également ajouter une note sur la facture Infomaniak.",
        "en": "You can also add a note to the Infomaniak invoice.",
    },
    "rule.VAT-4": {
        "fr": "Si le statut de votre organisation est **Entreprise** et que vous n'avez pas encore indiqué "
        "votre numéro de TVA, vous êtes invité à l'indiquer au moment de régler vos factures (partie "
        "**À payer**), au moment de payer vos produits dans le Shop Infomaniak, et par une bannière "
        "dans les e-mails de renouvellement de vos produits.",
        "en": "If your organisation's status is **Entreprise** (Company) and you have not entered your VAT "
        "number yet, you are asked for it when you pay your invoices in the **À payer** (To pay) section, "
        "when you pay for products in the Infomaniak Shop, and by a banner in your products' renewal e-mails.",
    },
    # CODE
    "rule.CODE-1": {
        "fr": "Ni le code support ni le code VIP ne sont le code d'autorisation servant au transfert des "
        "noms de domaine.",
        "en": "Neither the support code nor the VIP code is the authorisation code used to transfer domain "
        "names.",
    },
    "rule.CODE-2": {
        "fr": "Le code support permet au département Support de vous identifier de façon rapide et "
        "sécurisée lorsque vous nous appelez. Il s'obtient depuis le "
        "[Manager](glossary.md#manager) en cliquant sur **Support** dans le menu latéral gauche ; "
        "cette page regroupe vos différentes informations permettant de nous contacter dans le cadre "
        "de l'offre de Support souscrite. Le code s'affiche également dans la fenêtre de contact "
        "lorsque vous souhaitez nous contacter via le bouton d'assistance.",
        "en": "The support code lets the Support department identify you quickly and securely when you call"
        " us. You find it in the [Manager](glossary.md#manager) by clicking **Support** in the left-hand"
        " menu; that page lists the ways to contact us under your Support subscription. The code is "
        "also shown in the contact window when you contact us through the assistance button.",
    },
    "rule.CODE-3": {
        "fr": "Au même endroit, vous pouvez accorder un accès temporaire à kMail et kDrive (seuls les "
        "collaborateurs du Support Infomaniak peuvent utiliser cet accès).",
        "en": "In the same place, you can grant temporary access to kMail and kDrive (only Infomaniak "
        "Support staff can use this access).",
    },
    "rule.CODE-4": {
        "fr": "Le code VIP est réservé aux clients ayant souscrit au Support Premium. Vos informations "
        "relatives à l'offre de Support Premium souscrite se trouvent dans le Manager, dans le menu"
        " latéral gauche. Le code VIP s'obtient également depuis n'importe quelle page du Manager via"
        " le bouton d'assistance situé en bas à droite de l'écran : le menu déroulant qui s'ouvre "
        "fournit les principales informations relatives à votre demande de support.",
        "en": "The VIP code is reserved for clients who have subscribed to Premium Support. The details "
        "of your Premium Support subscription are in the Manager, in the left-hand menu. You can "
        "also get the VIP code from any page of the Manager through the assistance button at the "
        "bottom right of the screen: the drop-down menu that opens shows the main information about "
        "your support request.",
    },
    # ONB: the client adds a partner
    "rule.ONB-C1": {
        "fr": "Connectez-vous à votre compte Infomaniak "
        "([manager.infomaniak.com](https://manager.infomaniak.com)).",
        "en": "Log in to your Infomaniak account ([manager.infomaniak.com](https://manager.infomaniak.com)).",
    },
    "rule.ONB-C2": {
        "fr": "Cliquez sur l'onglet **Partenaires** dans le menu de gauche du Manager.",
        "en": "Click the **Partenaires** (Partners) tab in the Manager's left-hand menu.",
    },
    "rule.ONB-C3": {
        "fr": "Cliquez sur **Ajouter un partenaire** en haut à droite.",
        "en": "Click **Ajouter un partenaire** (Add a partner) at the top right.",
    },
    "rule.ONB-C4": {
        "fr": "Suivez les étapes.",
        "en": "Follow the steps.",
    },
    "rule.ONB-C5": {
        "fr": "Attendez la validation de votre partenaire (un e-mail sera envoyé).",
        "en": "Wait for your partner's approval (an e-mail will be sent).",
    },
    # ONB: the partner adds a client
    "rule.ONB-P0": {
        "fr": "Seuls les [responsables légaux](glossary.md#legal-representative) de l'organisation "
        "partenaire sont autorisés à ajouter des clients.",
        "en": "Only the [legal representatives](glossary.md#legal-representative) of the partner "
        "organisation are authorised to add clients.",
    },
    "rule.ONB-P1": {
        "fr": "Connectez-vous à votre compte Infomaniak "
        "([manager.infomaniak.com](https://manager.infomaniak.com)).",
        "en": "Log in to your Infomaniak account ([manager.infomaniak.com](https://manager.infomaniak.com)).",
    },
    "rule.ONB-P2": {
        "fr": "Une fois connecté, cliquez sur la section **Espace revendeur** du menu de navigation de "
        "gauche.",
        "en": "Once logged in, click the **Espace revendeur** (Reseller area) section of the left-hand "
        "navigation menu.",
    },
    "rule.ONB-P3": {
        "fr": "Cliquez sur **Clients sous gestion**.",
        "en": "Click **Clients sous gestion** (Clients under management).",
    },
    "rule.ONB-P4": {
        "fr": "Une fois sur la page, cliquez sur le bouton **Ajouter un client** qui se trouve en haut à "
        "droite.",
        "en": "Once on the page, click the **Ajouter un client** (Add a client) button at the top right.",
    },
    "rule.ONB-P5": {
        "fr": "Suivez la procédure pour terminer.",
        "en": "Follow the procedure to the end.",
    },
    "rule.ONB-P6": {
        "fr": "Le client recevra un e-mail avec la demande des différents accès et aura la possibilité de "
        "décider d'accorder des droits d'accès différents de ceux demandés par le partenaire.",
        "en": "The client will receive an e-mail listing the requested accesses and can decide to grant"
        " access rights different from those the partner requested.",
    },
    "rule.ONB-P7": {
        "fr": "Une fois l'invitation acceptée par un client, nous vous invitons à vérifier les [droits "
        "d'accès](working-with-a-partner/access-types.md) accordés ainsi que les [moyens de "
        "paiement](billing-and-vat/payment-methods.md) utilisés (le cas échéant) sur le profil de "
        "votre client.",
        "en": "Once a client has accepted the invitation, check the [access "
        "rights](working-with-a-partner/access-types.md) granted and, where applicable, the [payment "
        "methods](billing-and-vat/payment-methods.md) used, on your client's profile.",
    },
    # ONB: the partner accesses a client's account
    "rule.ONB-A1": {
        "fr": "Connectez-vous à votre compte Infomaniak "
        "([manager.infomaniak.com](https://manager.infomaniak.com)). Dans le menu de navigation de "
        "gauche, cliquez sur la section **Espace revendeur**, puis sur **Clients sous gestion**. Dans "
        "la liste, cliquez sur le client à gérer, puis sur le bouton **Accéder au compte du client** "
        "en haut à droite.",
        "en": "Log in to your Infomaniak account "
        "([manager.infomaniak.com](https://manager.infomaniak.com)). In the left-hand navigation "
        "menu, click the **Espace revendeur** (Reseller area) section, then **Clients sous gestion** "
        "(Clients under management). In the list, click the client to manage, then the **Accéder au "
        "compte du client** (Access the client's account) button at the top right.",
    },
    "rule.ONB-A2": {
        "fr": "Connectez-vous à votre compte Infomaniak "
        "([manager.infomaniak.com](https://manager.infomaniak.com)). Cliquez sur la flèche en haut à "
        "gauche du menu, à côté du nom ou du logo de l'organisation, puis sur le nom de votre "
        "organisation sous **Manager**. Allez dans l'onglet **Mes clients** et sélectionnez le "
        "client à gérer.",
        "en": "Log in to your Infomaniak account "
        "([manager.infomaniak.com](https://manager.infomaniak.com)). Click the arrow at the top left "
        "of the menu, next to the organisation's name or logo, then your organisation's name under "
        "**Manager**. Go to the **Mes clients** (My clients) tab and select the client to manage.",
    },
}
