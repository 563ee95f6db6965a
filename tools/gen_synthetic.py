#!/usr/bin/env python3
"""Writes a temporary docs tree with N synthetic guides per language, for the scale benchmark.

    python tools/gen_synthetic.py --guides 1000 --out /tmp/kb-scale [--seed 7] [--sections 20]

The tree is this project with more content: mkdocs.yml as it is, except that its nav gains a "Questions
fréquentes" section of `--sections` sub-sections (and their English names); hooks/, overrides/, widgets/
and the real docs/ are copied (hooks compute ROOT from their own location, so ROOT is the output folder);
every other top-level entry (src/, node_modules/, tools/, pyproject.toml, package-lock.json…: what the
hooks read) is symlinked, and build/ (the Pyodide runtime hook's cache) is copied. Each guide exists in
both languages at the same path, docs/<lang>/faq/section-KK/guide-NNNN.md: 300-600 words of French (fr)
or English (en) text with headings that carry ids, lists, sometimes an admonition or a table, and links to
other synthetic guides and to real pages. Everything is deterministic for a given seed. Nothing here is
ever committed content.

The copy keeps every hook and every switch of the real config, so it builds and serves exactly like the
project: `KB_WRITER_LANG` (`make write`) builds one language, `KB_SKIP_SEARCH` skips the search index.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kbdev.mkdocs_yaml import dump_config, i18n_config, load_config

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("fr", "en")
FAQ_TITLE = {"fr": "Questions fréquentes", "en": "Frequently asked questions"}
REAL_PAGES = (  # real guides the synthetic ones link to (paths under docs/<lang>/)
    "becoming-a-partner/reseller-programme.md",
    "working-with-a-partner/access-types.md",
    "working-with-a-partner/give-partner-access.md",
    "working-with-a-partner/add-a-client.md",
    "billing-and-vat/payment-methods.md",
    "billing-and-vat/vat-number.md",
    "support/support-and-vip-codes.md",
)
COPIED = ("hooks", "overrides", "widgets", "docs")  # hooks compute ROOT from their location: ROOT = out
NOT_LINKED = ("mkdocs.yml", "build", "site", "bench-results")

# ---------------------------------------------------------------------------------------------------
# Vocabulary: each entry is (French, English); the same random choices give both languages.

TOPICS = [
    ("Hébergement web", "Web hosting"), ("Noms de domaine", "Domain names"),
    ("Service Mail", "Mail service"), ("kDrive", "kDrive"), ("Swiss Backup", "Swiss Backup"),
    ("Serveur Cloud", "Cloud server"), ("Public Cloud", "Public Cloud"), ("VPS", "VPS"),
    ("Certificats SSL", "SSL certificates"), ("Sites WordPress", "WordPress sites"),
    ("Streaming vidéo", "Video streaming"), ("Radio en ligne", "Online radio"),
    ("Newsletter", "Newsletter"), ("kSuite", "kSuite"), ("kChat", "kChat"),
    ("Bases de données", "Databases"), ("Accès FTP et SSH", "FTP and SSH access"),
    ("Facturation", "Invoicing"), ("Sécurité du compte", "Account security"),
    ("Migration de sites", "Site migration"), ("DNS", "DNS"), ("Sauvegardes", "Backups"),
    ("Collaborateurs", "Collaborators"), ("Renouvellements", "Renewals"),
]
PRODUCT = [
    ("l'hébergement web", "the web hosting"), ("le nom de domaine", "the domain name"),
    ("l'adresse mail", "the mail address"), ("le kDrive", "the kDrive"),
    ("la sauvegarde Swiss Backup", "the Swiss Backup backup"), ("le serveur Cloud", "the Cloud server"),
    ("le projet Public Cloud", "the Public Cloud project"), ("le VPS", "the VPS"),
    ("le certificat SSL", "the SSL certificate"), ("le site WordPress", "the WordPress site"),
    ("la radio en ligne", "the online radio"), ("la base de données", "the database"),
]
ACTION = [
    ("renouveler", "renew"), ("transférer", "transfer"), ("configurer", "configure"),
    ("sauvegarder", "back up"), ("restaurer", "restore"), ("résilier", "cancel"),
    ("migrer", "migrate"), ("sécuriser", "secure"), ("partager", "share"), ("commander", "order"),
]
ACTOR = [
    ("le partenaire", "the partner"), ("le client", "the client"),
    ("un collaborateur", "a collaborator"), ("le responsable légal", "the legal representative"),
    ("l'administrateur de l'organisation", "the organisation's administrator"),
]
PLACE = [
    ("le Manager", "the Manager"), ("la console partenaire", "the partner console"),
    ("le tableau de bord de l'organisation", "the organisation's dashboard"),
    ("la page de facturation", "the billing page"), ("les paramètres du produit", "the product settings"),
]
DELAY = [
    ("quelques minutes", "a few minutes"), ("une heure", "one hour"), ("24 heures", "24 hours"),
    ("deux jours ouvrés", "two working days"), ("une semaine", "one week"),
]
SENTENCES = [
    ("{actor} peut {action} {product} depuis {place}, sans contacter le support.",
     "{actor} can {action} {product} from {place}, without contacting support."),
    ("Avant de {action} {product}, vérifiez que votre organisation dispose des droits nécessaires.",
     "Before you {action} {product}, check that your organisation has the necessary rights."),
    ("La modification est visible après {delay} environ ; un courriel de confirmation est envoyé.",
     "The change shows after about {delay}; a confirmation e-mail is sent."),
    ("Si {actor} n'a qu'un accès limité, il ne peut pas {action} {product} lui-même.",
     "If {actor} only has limited access, they cannot {action} {product} themselves."),
    ("Les frais éventuels apparaissent sur la prochaine facture de l'organisation qui paie {product}.",
     "Any fees appear on the next invoice of the organisation that pays for {product}."),
    ("Dans {place}, ouvrez la section correspondante puis choisissez l'action souhaitée.",
     "In {place}, open the matching section, then choose the action you want."),
    ("Le cashback du partenaire est calculé sur le montant hors taxes, une fois la facture payée.",
     "The partner's cashback is computed on the amount excluding tax, once the invoice is paid."),
    ("Pour des raisons de sécurité, certaines opérations demandent une double authentification.",
     "For security reasons, some operations require two-factor authentication."),
    ("Gardez votre code support à portée de main : il accélère le traitement de votre demande.",
     "Keep your support code at hand: it speeds up the handling of your request."),
    ("{actor} reçoit une notification dès que {product} arrive à échéance.",
     "{actor} receives a notification as soon as {product} is about to expire."),
    ("Un produit peut changer d'organisation sans interruption de service, en {delay} au plus.",
     "A product can move to another organisation without interrupting the service, in {delay} at most."),
    ("Les journaux d'activité de {place} indiquent qui a modifié {product} et quand.",
     "The activity logs of {place} show who changed {product} and when."),
    ("En cas de doute, {actor} peut consulter l'historique des opérations avant d'agir.",
     "When in doubt, {actor} can look at the history of operations before acting."),
    ("Cette opération est gratuite ; seules les options supplémentaires sont facturées.",
     "This operation is free; only the extra options are charged."),
]
STEPS = [
    ("Connectez-vous au Manager avec un compte de l'organisation.",
     "Log in to the Manager with an account of the organisation."),
    ("Ouvrez {place} et sélectionnez {product}.", "Open {place} and select {product}."),
    ("Cliquez sur le menu d'actions puis sur « {action_cap} ».",
     "Click the action menu, then on “{action_cap}”."),
    ("Vérifiez le récapitulatif et le montant éventuel.", "Check the summary and any amount due."),
    ("Confirmez ; {actor} reçoit un courriel de confirmation.",
     "Confirm; {actor} receives a confirmation e-mail."),
    ("Attendez {delay} puis actualisez la page.", "Wait {delay}, then refresh the page."),
]
POINTS = [
    ("les droits d'accès de {actor}", "the access rights of {actor}"),
    ("la date d'échéance de {product}", "the expiry date of {product}"),
    ("le moyen de paiement enregistré", "the saved payment method"),
    ("le numéro de TVA de l'organisation", "the organisation's VAT number"),
    ("les coordonnées de facturation", "the billing details"),
    ("les sauvegardes récentes de {product}", "the recent backups of {product}"),
    ("les notifications envoyées à {actor}", "the notifications sent to {actor}"),
]
SECTIONS = [  # (id, French heading, English heading); every guide has "overview" and "see-also"
    ("steps", "Marche à suivre", "Steps"),
    ("rights", "Qui peut le faire ?", "Who can do it?"),
    ("billing", "Incidence sur la facturation", "Effect on billing"),
    ("checks", "Points à vérifier", "Things to check"),
    ("troubleshooting", "En cas de problème", "Troubleshooting"),
    ("delays", "Délais", "How long it takes"),
]
UI = {
    "fr": {"overview": "En bref", "see_also": "Voir aussi", "note": "Bon à savoir",
           "glossary": "le glossaire", "terms": "Les termes employés sont définis dans",
           "table": ("Situation", "Délai"), "guide": "Guide"},
    "en": {"overview": "In short", "see_also": "See also", "note": "Good to know",
           "glossary": "the glossary", "terms": "The terms used are defined in",
           "table": ("Situation", "Time"), "guide": "Guide"},
}


@dataclass(frozen=True)
class Guide:
    number: int  # 1-based, unique over all sections
    section: int  # 1-based

    @property
    def rel(self) -> str:  # path under docs/<lang>/
        return f"faq/section-{self.section:02d}/guide-{self.number:04d}.md"


def layout(n: int, sections: int) -> list[list[Guide]]:
    """N guides spread over min(sections, N) sections, as evenly as possible, in order."""
    count = max(1, min(sections, n))
    out: list[list[Guide]] = [[] for _ in range(count)]
    for i in range(n):
        section = i * count // n
        out[section].append(Guide(i + 1, section + 1))
    return out


def section_title(k: int, lang: str) -> str:
    topic = TOPICS[(k - 1) % len(TOPICS)][0 if lang == "fr" else 1]
    return f"{topic} ({k})" if k > len(TOPICS) else topic


# ---------------------------------------------------------------------------------------------------
# Guide text


def _slots(rng: random.Random) -> dict[str, tuple[str, str]]:
    action = rng.choice(ACTION)
    return {
        "actor": rng.choice(ACTOR), "product": rng.choice(PRODUCT), "action": action,
        "place": rng.choice(PLACE), "delay": rng.choice(DELAY),
        "action_cap": (action[0].capitalize(), action[1].capitalize()),
    }


def _fill(template: tuple[str, str], slots: dict[str, tuple[str, str]]) -> tuple[str, str]:
    out = []
    for idx in (0, 1):
        text = template[idx].format(**{k: v[idx] for k, v in slots.items()})
        out.append(text[0].upper() + text[1:])
    return out[0], out[1]


def _paragraph(rng: random.Random, sentences: int) -> tuple[str, str]:
    chosen = [_fill(t, _slots(rng)) for t in rng.sample(SENTENCES, sentences)]
    return " ".join(c[0] for c in chosen), " ".join(c[1] for c in chosen)


FRENCH_CONTRACTIONS = ((" de le ", " du "), (" de les ", " des "), (" à le ", " au "),
                       (" à les ", " aux "), (" de un ", " d'un "), (" de une ", " d'une "),
                       ("De le ", "Du "))


def french(text: str) -> str:
    """The contractions the slot filling breaks (de + le = du, à + le = au, de + un = d'un)."""
    for wrong, right in FRENCH_CONTRACTIONS:
        text = text.replace(wrong, right)
    return text


def _link(src: str, dst: str) -> str:
    """Relative Markdown link from docs/<lang>/src to docs/<lang>/dst."""
    import posixpath

    return posixpath.relpath(dst, posixpath.dirname(src))


def guide_texts(guide: Guide, all_guides: list[Guide], seed: int) -> dict[str, str]:
    """The French and English Markdown of one guide (same structure, ids and links in both)."""
    rng = random.Random(seed * 1_000_003 + guide.number)
    slots = _slots(rng)
    fr: list[str] = []
    en: list[str] = []

    def add(pair: tuple[str, str]) -> None:
        fr.append(pair[0])
        en.append(pair[1])

    title = _fill((f"{{action_cap}} {{product}} : question {guide.number}",
                   f"{{action_cap}} {{product}}: question {guide.number}"), slots)
    desc = _paragraph(rng, 1)
    for lang, out in (("fr", fr), ("en", en)):
        t = title[0] if lang == "fr" else title[1]
        d = desc[0] if lang == "fr" else desc[1]
        out += ["---", f"title: \"{t}\"", f"description: \"{d}\"", "---", "", f"# {t}", ""]
    add(_paragraph(rng, rng.randint(2, 3)))
    add(("", ""))
    add((f"## {UI['fr']['overview']} {{ #overview }}", f"## {UI['en']['overview']} {{ #overview }}"))
    add(("", ""))
    add(_paragraph(rng, rng.randint(3, 4)))
    add(("", ""))
    real = rng.choice(REAL_PAGES)
    add((f"{UI['fr']['terms']} [{UI['fr']['glossary']}]({_link(guide.rel, 'glossary.md')}) ; voir aussi "
         f"[ce guide]({_link(guide.rel, real)}).",
         f"{UI['en']['terms']} [{UI['en']['glossary']}]({_link(guide.rel, 'glossary.md')}); see also "
         f"[this guide]({_link(guide.rel, real)})."))
    add(("", ""))
    for sid, head_fr, head_en in rng.sample(SECTIONS, rng.randint(3, 4)):
        add((f"## {head_fr} {{ #{sid} }}", f"## {head_en} {{ #{sid} }}"))
        add(("", ""))
        add(_paragraph(rng, rng.randint(2, 4)))
        add(("", ""))
        if sid == "steps":
            for i, step in enumerate(rng.sample(STEPS, rng.randint(3, 5)), 1):
                pair = _fill(step, _slots(rng))
                add((f"{i}. {pair[0]}", f"{i}. {pair[1]}"))
            add(("", ""))
        elif sid in ("checks", "rights"):
            for point in rng.sample(POINTS, rng.randint(3, 5)):
                pair = _fill(point, _slots(rng))
                add((f"- {pair[0]} ;", f"- {pair[1]};"))
            add(("", ""))
        elif sid == "delays":
            th = UI["fr"]["table"], UI["en"]["table"]
            add((f"| {th[0][0]} | {th[0][1]} |", f"| {th[1][0]} | {th[1][1]} |"))
            add(("| --- | --- |", "| --- | --- |"))
            for _ in range(rng.randint(2, 4)):
                act, delay = rng.choice(ACTION), rng.choice(DELAY)
                add((f"| {act[0].capitalize()} | {delay[0]} |", f"| {act[1].capitalize()} | {delay[1]} |"))
            add(("", ""))
        if rng.random() < 0.3:
            note = _paragraph(rng, 1)
            add((f'!!! tip "{UI["fr"]["note"]}"', f'!!! tip "{UI["en"]["note"]}"'))
            add(("", ""))
            add(("    " + note[0], "    " + note[1]))
            add(("", ""))
    add((f"## {UI['fr']['see_also']} {{ #see-also }}", f"## {UI['en']['see_also']} {{ #see-also }}"))
    add(("", ""))
    others = [g for g in rng.sample(all_guides, min(len(all_guides), 4)) if g != guide][:3]
    for other in others:
        href = _link(guide.rel, other.rel)
        anchor = rng.choice(["", "#overview", "#see-also"])
        add((f"- [{UI['fr']['guide']} {other.number}]({href}{anchor})",
             f"- [{UI['en']['guide']} {other.number}]({href}{anchor})"))
    add((f"- [{rng.choice(['Un guide du programme', 'Le guide associé'])}]({_link(guide.rel, real)})",
         f"- [{rng.choice(['A programme guide', 'The related guide'])}]({_link(guide.rel, real)})"))
    add(("", ""))
    return {"fr": french("\n".join(fr)), "en": "\n".join(en)}


def patch_config(config: dict[str, Any], sections: list[list[Guide]]) -> dict[str, Any]:
    """The real config plus the synthetic nav section and its English names; nothing else changes."""
    faq: list[Any] = []
    for k, guides in enumerate(sections, 1):
        faq.append({section_title(k, "fr"): [g.rel for g in guides]})
    nav = list(config.get("nav") or [])
    # before the glossary (the last entry), like a real section of the knowledge base
    at = len(nav) - 1 if nav and nav[-1] == "glossary.md" else len(nav)
    nav.insert(at, {FAQ_TITLE["fr"]: faq})
    config["nav"] = nav
    i18n = i18n_config(config)
    for lang in i18n.get("languages", []):
        if lang.get("locale") == "en":
            translations = lang.setdefault("nav_translations", {}) or {}
            translations[FAQ_TITLE["fr"]] = FAQ_TITLE["en"]
            for k in range(1, len(sections) + 1):
                translations[section_title(k, "fr")] = section_title(k, "en")
            lang["nav_translations"] = translations
    return config


# ---------------------------------------------------------------------------------------------------


def generate(n: int, out: Path, *, seed: int = 7, sections: int = 20,
             root: Path = ROOT) -> dict[str, list[str]]:
    """Writes the tree into `out` (emptied first); returns the synthetic pages' paths per language."""
    out = out.resolve()
    if out == root.resolve() or root.resolve().is_relative_to(out):
        raise SystemExit(f"gen_synthetic: refusing to write into {out}")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in COPIED:
        shutil.copytree(root / folder, out / folder, ignore=ignore)
    for entry in sorted(root.iterdir()):  # the rest (src, node_modules, tools, package-lock.json…): linked
        if entry.name.startswith(".") or entry.name in (*COPIED, *NOT_LINKED):
            continue
        (out / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    if (root / "build").is_dir():  # the runtime hook's caches, valid here: same sources, same hook
        shutil.copytree(root / "build", out / "build", symlinks=True)

    layout_ = layout(n, sections) if n > 0 else []
    guides = [g for section in layout_ for g in section]
    written: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for guide in guides:
        texts = guide_texts(guide, guides, seed)
        for lang in LANGS:
            path = out / "docs" / lang / guide.rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(texts[lang], encoding="utf-8")
            written[lang].append(guide.rel)
    config = load_config(root / "mkdocs.yml")
    config = patch_config(config, layout_)
    (out / "mkdocs.yml").write_text(dump_config(config), encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--guides", type=int, required=True, help="synthetic guides per language")
    parser.add_argument("--out", type=Path, required=True, help="output folder (emptied first)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sections", type=int, default=20, help="FAQ sub-sections in the nav")
    args = parser.parse_args(argv)
    written = generate(args.guides, args.out, seed=args.seed, sections=args.sections)
    words = sum(len((args.out / "docs" / "fr" / p).read_text().split()) for p in written["fr"][:50])
    sample = min(50, len(written["fr"])) or 1
    print(f"{len(written['fr'])} guides per language in {args.out} "
          f"(about {words // sample} words each); build with: mkdocs build -f {args.out / 'mkdocs.yml'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
