"""Issue 9 §1 and §3: the build gives each page its language's typography, and the built site is checked.

- each rule of the check (hooks/typography_check.py) catches a small bad page, and lets the right one pass;
- the hook (hooks/typography.py) changes text nodes only, and turns each bad page into a good one;
- every built page, both languages, the 404 pages included, passes the check;
- kb_logic's strings from a set of bridge calls (every call, answers and errors) pass the same rules.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from kb_logic import messages
from kb_logic.bridge import CALLS, call
from kb_logic.constants import Lang

from .site_helpers import ROOT, Page, pages

sys.path.insert(0, str(ROOT / "hooks"))  # the check lives with the build code that uses it (hooks/dev_errors.py)
from typography_check import RULES, check_html, check_text, page_text


def _load_hook() -> ModuleType:
    sys.path.insert(0, str(ROOT / "hooks"))  # the hook imports its siblings, as MkDocs loads it
    spec = importlib.util.spec_from_file_location("typography_hook", ROOT / "hooks" / "typography.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hook = _load_hook()


def html_page(lang: str, body: str) -> str:
    return f'<!doctype html>\n<html lang="{lang}"><head><title>T</title></head><body>\n{body}\n</body></html>'


# rule -> (a page it must catch, the same page written right)
BAD_AND_GOOD = {
    "fr-space": (
        html_page("fr", "<p>Pourquoi choisir <strong>Infomaniak</strong> ?</p>"),
        html_page("fr", "<p>Pourquoi choisir <strong>Infomaniak</strong>\u202f?</p>"),
    ),
    "fr-guillemets": (
        html_page("fr", "<p>Cliquez sur « Partenaire ».</p>"),
        html_page("fr", "<p>Cliquez sur «\u202fPartenaire\u202f».</p>"),
    ),
    "fr-apostrophe": (
        html_page("fr", "<li>L'accès complet</li>"),
        html_page("fr", "<li>L’accès complet</li>"),
    ),
    "fr-number": (
        html_page("fr", "<td>au moins 12000 clients</td>"),
        html_page("fr", "<td>au moins 12\u202f000 clients</td>"),
    ),
    "fr-currency-first": (
        html_page("fr", "<p>Dès <strong>CHF 200 /mois</strong> ou € 180,50 /mois.</p>"),
        html_page("fr", "<p>Dès <strong>200\u00a0CHF /mois</strong> ou 180,50\u00a0€ /mois.</p>"),
    ),
    "en-colon": (
        html_page("en", "<p>Note <em>this</em> : the partner pays.</p>"),
        html_page("en", "<p>Note <em>this</em>: the partner pays.</p>"),
    ),
}


def test_every_rule_has_a_bad_page() -> None:
    assert sorted(BAD_AND_GOOD) == sorted(RULES)


@pytest.mark.parametrize("rule", RULES)
def test_the_check_catches_a_bad_page(rule: str) -> None:
    bad, good = BAD_AND_GOOD[rule]
    assert {problem.rule for problem in check_html(bad)} == {rule}
    assert check_html(good) == []


@pytest.mark.parametrize("rule", RULES)
def test_the_hook_makes_a_bad_page_good(rule: str) -> None:
    bad, good = BAD_AND_GOOD[rule]
    assert hook.typeset(bad) == good


def test_the_check_catches_numbers_grouped_with_ordinary_spaces() -> None:
    bad = html_page("fr", "<li>plus de 10 000 clients et 1 234,50 CHF</li>")
    assert [problem.rule for problem in check_html(bad)] == ["fr-number", "fr-number"]
    assert hook.typeset(bad) == html_page("fr", "<li>plus de 10\u202f000 clients et 1\u202f234,50\u00a0CHF</li>")
    phones = html_page("fr", "<p>Appelez le 022 820 35 44, le +41 22 820 350 ou le 0800 800 800 pour l’IBAN "
                             "CH93 0076 2011 6238 5295 7.</p>")
    assert check_html(phones) == []
    assert hook.typeset(phones) == phones


@pytest.mark.parametrize(
    ("tag", "rule"),
    [
        ("<abbr title=\"Le client accorde à son partenaire l'accès complet\">ACC</abbr>", "fr-apostrophe"),
        ('<p data-kb-loading="Chargement : patientez" data-kb-failed="Échec ; réessayez"></p>', "fr-space"),
    ],
)
def test_the_check_reads_the_attributes_a_reader_sees(tag: str, rule: str) -> None:
    """A tooltip and the status strings a script shows are text the hook never reaches: the check reads them."""
    assert {problem.rule for problem in check_html(html_page("fr", f"<p>Texte.</p>{tag}"))} == {rule}
    typeset = tag.replace("'", "\u2019").replace(" :", "\u00a0:").replace(" ;", "\u202f;")
    assert check_html(html_page("fr", f"<p>Texte.</p>{typeset}")) == []


@pytest.mark.parametrize(
    "body",
    [
        "<p>Le code <code>x = 'a' ; y</code> et <kbd>Ctrl :</kbd>.</p>",
        "<pre><code>numéro 12000 ; l'id</code></pre>",
        "<script>var a = 'b' ; c ? d : e;</script><style>a::before{content:' : '}</style>",
        '<p title="l\'accès : 12000"><a href="https://x.ch/?a=1&amp;b=2">https://x.ch/a\'b</a></p>',
        "<p>Certifiée ISO 27001 en 2021, numéro CHE-116.281.710, à 14:30, tél. 0800 800 800.</p>",
        "<textarea>l'accès ?</textarea><svg><title>l'icône ?</title></svg>",
    ],
)
def test_the_check_and_the_hook_leave_code_attributes_and_identifiers(body: str) -> None:
    page = html_page("fr", body)
    assert check_html(page) == []
    assert hook.typeset(page) == page


def test_the_check_reads_both_languages_by_their_html_lang() -> None:
    assert page_text(html_page("fr", "<p>a</p>"))[0] == "fr"
    text = "<p>Le client paie : l'offre</p>"
    assert [p.rule for p in check_html(html_page("fr", text))] == ["fr-space", "fr-apostrophe"]
    assert [p.rule for p in check_html(html_page("en", text))] == ["en-colon"]


def test_the_hook_sees_through_inline_tags_and_keeps_every_tag() -> None:
    page = html_page(
        "fr",
        '<p class="x" data-kb=\'{"a": "b : c"}\'>Le <strong>mot</strong> : <a href="/y?z=1">'
        "l'« <em>accès</em> »</a> coûte 2000 CHF&nbsp;; <abbr title=\"l'outil\">TVA</abbr> ?</p>\n"
        "<ul>\n<li>fin</li>\n<li>? seul</li>\n</ul>",
    )
    assert hook.typeset(page) == html_page(
        "fr",
        '<p class="x" data-kb=\'{"a": "b : c"}\'>Le <strong>mot</strong>\u00a0: <a href="/y?z=1">'
        "l’«\u202f<em>accès</em>\u202f»</a> coûte 2\u202f000\u00a0CHF\u202f; <abbr title=\"l'outil\">TVA</abbr>"
        "\u202f?</p>\n<ul>\n<li>fin</li>\n<li>? seul</li>\n</ul>",
    )


def test_the_hook_leaves_other_languages_and_escapes_what_it_writes() -> None:
    assert hook.typeset(html_page("de", "<p>Was ?</p>")) == html_page("de", "<p>Was ?</p>")
    assert hook.typeset(html_page("fr", "<p>a &lt;b&gt; &amp; c ?</p>")) == html_page(
        "fr", "<p>a &lt;b&gt; &amp; c\u202f?</p>"
    )


# ---------- the built site ----------

SITE_PAGES = [*pages(), "404.html", "en/404.html"]


@pytest.mark.parametrize("page", SITE_PAGES, ids=str)
def test_built_page_passes_the_typography_check(built_site: Path, page: Page | str) -> None:
    file = page.file if isinstance(page, Page) else page
    lang = page.lang if isinstance(page, Page) else ("en" if file.startswith("en/") else "fr")
    html = (built_site / file).read_text(encoding="utf-8")
    read_lang, blocks = page_text(html)
    assert read_lang == lang and blocks, f"/{file}: the check read no {lang} text"
    problems = check_html(html)
    assert not problems, f"/{file}: {len(problems)} typography problem(s):\n" + "\n".join(map(str, problems))


@pytest.mark.parametrize("page", SITE_PAGES, ids=str)
def test_built_page_is_already_typeset(built_site: Path, page: Page | str) -> None:
    """The hook ran on every page: applying it again changes nothing."""
    html = (built_site / (page.file if isinstance(page, Page) else page)).read_text(encoding="utf-8")
    assert hook.typeset(html) == html


# ---------- kb_logic's strings ----------

ELIGIBLE: dict[str, object] = {
    "entity": "company", "registered": True, "annual_amount": 2000, "currency": "CHF", "provides_support": True,
    "handles_billing": True, "exclusive_tenders": True, "accepts_conditions": True,
}  # fmt: skip
PARTNER = {"name": "Agence Web", "access": "limited", "products": ["Hébergement Web"]}
BRIDGE_CALLS: list[tuple[str, object]] = [
    # answers
    ("eligibility", ELIGIBLE),
    ("eligibility", {**ELIGIBLE, "annual_amount": 1799.5, "currency": "EUR", "provides_support": False}),
    ("eligibility", {**ELIGIBLE, "entity": "individual", "registered": False, "accepts_conditions": False}),
    ("eligibility", {**ELIGIBLE, "annual_amount": 1234567.891}),
    ("access", {"partners": [], "request": {"name": "Agence", "access": "full"}}),
    ("access", {"partners": [PARTNER], "request": {"name": "Autre", "access": "full"}}),
    ("access", {"partners": [PARTNER], "request": {"name": "Autre", "access": "limited", "products": ["Mail"]}}),
    ("access", {"partners": [], "request": {"name": "A", "access": "limited", "products": ["Mail", " mail "]}}),
    *(
        ("payment", {"access": access, "payer": payer, **extra})
        for access in ("limited", "full")
        for payer in ("client", "partner")
        for extra in ({}, {"price": 1234.5, "rate": 20}, {"price": "99.90", "rate": 35, "currency": "EUR"})
    ),
    *(
        ("vat", {"number": number})
        for number in ("CHE-116.281.710 MWST", "CHE-116.281.711", "FR40303265045", "EU372022452", "XX1", "", "GB123")
    ),
    ("vat", {"number": "116.281.710", "country": "CH"}),
    *(
        ("onboarding", {"flow": flow, "role": role})
        for flow in ("client_adds_partner", "partner_adds_client", "access_client_account")
        for role in ("legal_representative", "administrator", "collaborator")
    ),
    ("support_code", {"premium_support": True}),
    ("support_code", {"premium_support": False}),
    # errors
    ("nope", {}),
    ("eligibility", {}),
    ("eligibility", {**ELIGIBLE, "annual_amount": -1}),
    ("eligibility", {**ELIGIBLE, "annual_amount": "beaucoup"}),
    ("eligibility", {**ELIGIBLE, "currency": "USD"}),
    ("eligibility", {**ELIGIBLE, "extra": 1}),
    ("access", {"partners": "x", "request": {}}),
    ("access", {"partners": [PARTNER, PARTNER], "request": PARTNER}),
    ("access", {"partners": [PARTNER] * 100, "request": PARTNER}),
    ("payment", {"access": "full", "payer": "client", "price": 10}),
    ("payment", {"access": "full", "payer": "client", "price": 10, "rate": 50}),
    ("payment", {"access": "full", "payer": "client", "price": True, "rate": 1}),
    ("payment", {"access": "total", "payer": "client"}),
    ("vat", {"number": 12}),
    ("vat", {"number": "CHE-116.281.710", "country": "ZZ"}),
    ("onboarding", {"flow": "x", "role": "y"}),
    ("support_code", {"premium_support": "oui"}),
    ("support_code", []),
]


def _strings(value: object) -> Iterator[str]:
    """Every string a reader may see in an answer (codes, rule IDs and anchors are not shown)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key in ("text", "label", "value", "message", "summary", "title", "detail", "steps", "items",
                       "reasons", "details", "next", "error", "warnings", "notes"):  # fmt: skip
                yield from _strings(item)


def test_bridge_calls_cover_every_call() -> None:
    assert {name for name, _ in BRIDGE_CALLS} >= set(CALLS)
    answers = [call(name, payload) for name, payload in BRIDGE_CALLS]
    assert any("error" in answer for answer in answers) and any("error" not in answer for answer in answers)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_kb_logic_strings_pass_the_typography_check(lang: str) -> None:
    problems: list[str] = []
    seen = 0
    for name, payload in BRIDGE_CALLS:
        if not isinstance(payload, dict) and lang != "fr":
            continue  # no "lang" to read: the answer is in French
        with_lang = {**payload, "lang": payload.get("lang", lang)} if isinstance(payload, dict) else payload
        answer = call(name, with_lang)
        for text in _strings(answer):
            seen += 1
            problems += [f"{name} {with_lang!r}: {problem}" for problem in check_text(text, lang)]
    assert seen > len(BRIDGE_CALLS)  # the answers were read
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_catalogue_message_passes_the_typography_check(lang: Lang) -> None:
    """Every text kb_logic can return, as messages.message() renders it (placeholders filled with words)."""
    problems: list[str] = []
    keys = messages.keys()  # a function of kb_logic.messages, not a dict
    for key in keys:
        names = messages.placeholders(messages.catalogue(lang)[key]) - set(messages.values(lang))
        text = messages.message(key, lang, **dict.fromkeys(names, "valeur"))
        problems += [f"{key}: {problem}" for problem in check_text(text, lang)]
    assert len(keys) > 100
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_readers_input_comes_back_as_typed(lang: Lang) -> None:
    """Typography applies to kb_logic's text, never to what the reader typed (a partner's name)."""
    name = "Agence 12345 : l'O'Neil \"2000 CHF\" ?"
    answer = call("access", {"partners": [], "request": {"name": name, "access": "full"}, "lang": lang})
    shown = answer["message"]
    assert isinstance(shown, str) and name in shown and shown != name
