"""The build-time side: shortcodes expand from kb_logic, unknown ones fail, and in the built site each
rule paragraph shows kb_logic's statement, the text the helpers cite, in both languages."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

import shortcodes  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402

from kb_logic import call, published  # noqa: E402
from kb_logic.constants import LANGS, Lang  # noqa: E402
from kb_logic.messages import values  # noqa: E402
from kb_logic.rules import RULE_IDS, statement, text  # noqa: E402

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize("bad", [
    "<!-- kb:widget nonexistent -->",
    "<!-- kb:list no.such.list -->",
    "<!-- kb:rule NOPE-1 -->",
    "<!-- kb:rule pay-c2 -->",
    "<!-- kb:rule -->",
    "<!-- kb:value no_such_value -->",
    "<!-- kb:frobnicate -->",
    "<!-- kb:widget -->",
    "<!-- kb widget vat -->",
    "Some text <!-- kb:rule PAY-C1 -->",
])
def test_unknown_or_malformed_shortcode_fails_the_build(bad: str) -> None:
    with pytest.raises(PluginError):
        shortcodes.expand(f"# Title\n\n{bad}\n", "fr", "guide.md", "guide/", [])


def test_same_helper_twice_on_a_page_fails() -> None:
    with pytest.raises(PluginError, match="twice"):
        shortcodes.expand("<!-- kb:widget vat -->\n\n<!-- kb:widget vat -->", "en", "g.md", "g/", [])


def test_list_shortcode_carries_rule_anchors() -> None:
    out = shortcodes.expand("<!-- kb:list eligibility.conditions -->", "fr", "g.md", "g/", [])
    assert "{ #elig-2 }" in out and out.count("\n- ") + 1 == len(published.lists("fr")["eligibility.conditions"])


def test_rule_shortcode_as_paragraph_and_as_list_item() -> None:
    paragraph = shortcodes.expand("<!-- kb:rule ONB-P6 -->\n", "fr", "fr/a/b.md", "a/b/", [])
    assert paragraph == f"{statement('ONB-P6', 'fr')}\n{{ #onb-p6 }}\n"
    item = shortcodes.expand("1. <!-- kb:rule ONB-P3 -->\n", "en", "en/a/b.md", "a/b/", [])
    assert item == f"1. {statement('ONB-P3', 'en')}\n   {{ #onb-p3 }}\n"


def test_rule_links_are_made_relative_to_the_page() -> None:
    assert "](glossary.md#cashback)" in statement("PAY-C2", "fr")  # written docs-root-relative
    out = shortcodes.expand("- <!-- kb:rule PAY-C2 -->", "fr", "fr/billing-and-vat/payment-methods.md", "", [])
    assert "](../glossary.md#cashback)" in out
    assert "](../becoming-a-partner/reseller-programme.md#advantages)" in out
    same_page = shortcodes.relative_links("[x](glossary.md#cashback)", "en", "en/glossary.md")
    assert same_page == "[x](#cashback)"
    absolute = "[m](https://manager.infomaniak.com)"
    assert shortcodes.relative_links(absolute, "fr", "fr/a/b.md") == absolute


def test_value_shortcode_per_language() -> None:
    fr = shortcodes.expand("jusqu'à <!-- kb:value max_rate -->", "fr", "g.md", "g/", [])
    en = shortcodes.expand("up to <!-- kb:value max_rate -->", "en", "g.md", "g/", [])
    assert (fr, en) == (f"jusqu'à 35{NNBSP}%", "up to 35%")
    out = shortcodes.expand("<!-- kb:value threshold_eur -->", "en", "g.md", "g/", [])
    assert out == values("en")["threshold_eur"] == "€1,800"


def _squash(text: str) -> str:
    """ASCII whitespace runs as one space; no-break spaces are kept (they are typography to check)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def _plain(node: Tag) -> str:
    # get_text("") so that <abbr> tooltips around glossary terms do not split the sentence
    return _squash(node.get_text(""))


def _page(built_site: Path, lang: Lang, rel: str) -> BeautifulSoup:
    page = built_site / ("" if lang == "fr" else "en") / rel
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def _rule_elements(built_site: Path, lang: Lang) -> dict[str, Tag]:
    """Every element of the built guides whose id is a rule anchor."""
    found: dict[str, Tag] = {}
    ids = {rule.lower(): rule for rule in RULE_IDS}
    root = built_site if lang == "fr" else built_site / "en"
    for page in sorted(root.rglob("index.html")):
        if lang == "fr" and page.relative_to(built_site).parts[0] == "en":
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(id=True):
            rule = ids.get(str(element["id"]))
            if rule is not None:
                assert rule not in found, f"{lang}: {rule} shown twice"
                found[rule] = element
    return found


def _cited(lang: Lang) -> dict[str, str]:
    """What the helpers cite: the reasons of a set of answers that together name every cited rule."""
    company = {"entity": "company", "registered": True, "annual_amount": 1, "currency": "CHF",
               "provides_support": False, "handles_billing": False, "exclusive_tenders": False,
               "accepts_conditions": False}  # fmt: skip
    requests: list[tuple[str, dict[str, object]]] = [
        ("eligibility", {**company, "entity": "individual"}),
        ("payment", {"access": "full", "payer": "client"}),
        ("payment", {"access": "full", "payer": "partner"}),
        ("payment", {"access": "limited", "payer": "partner"}),
        ("access", {"partners": [{"name": "A", "access": "full"}], "request": {"name": "B", "access": "full"}}),
        ("access", {"partners": [{"name": "A", "access": "limited", "products": ["x"]}],
                    "request": {"name": "a", "access": "limited", "products": ["y"]}}),
        ("onboarding", {"flow": "client_adds_partner", "role": "collaborator"}),
        ("onboarding", {"flow": "partner_adds_client", "role": "legal_representative"}),
        ("onboarding", {"flow": "partner_adds_client", "role": "collaborator"}),
        ("onboarding", {"flow": "access_client_account", "role": "collaborator"}),
        ("onboarding", {"flow": "access_client_account", "role": "administrator"}),
        ("support_code", {"premium_support": True}),
    ]  # fmt: skip
    cited: dict[str, str] = {}
    for name, payload in requests:
        answer: dict[str, Any] = call(name, {**payload, "lang": lang})  # JSON: its reasons are dicts
        for reason in answer["reasons"]:
            if reason["anchor"] and reason["anchor"].upper() in RULE_IDS:
                cited[reason["anchor"].upper()] = reason["text"]
    return cited


@pytest.mark.parametrize("lang", LANGS)
def test_each_rule_paragraph_is_the_catalogue_statement_the_helpers_cite(built_site: Path, lang: Lang) -> None:
    shown = _rule_elements(built_site, lang)
    assert sorted(shown) == sorted(RULE_IDS), f"{lang}: rules not shown {set(RULE_IDS) - set(shown)}"
    for rule, element in shown.items():
        assert _plain(element) == _squash(text(rule, lang)), f"{lang} {rule}"
    cited = _cited(lang)
    assert len(cited) >= 30, sorted(cited)
    for rule, reason in cited.items():
        assert _squash(reason) == _plain(shown[rule]), f"{lang} {rule}: the helper cites another text"


def test_statements_differ_per_language() -> None:
    for rule in RULE_IDS:
        assert text(rule, "fr") != text(rule, "en"), rule


@pytest.mark.parametrize("lang", LANGS)
def test_published_lists_and_constants_in_the_guide(built_site: Path, lang: Lang) -> None:
    """ELIG-2's thresholds and the up-to-35 % cap in the guide come from kb_logic, in both languages."""
    plain = _plain(_page(built_site, lang, "becoming-a-partner/reseller-programme/index.html"))
    vat = _plain(_page(built_site, lang, "billing-and-vat/vat-number/index.html"))
    for key, items in published.lists(lang).items():
        for item in items:
            shown = _squash(re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", item.text))
            assert shown in (vat if key == "vat.form" else plain), f"{lang} {key}: {shown!r} not in the published guide"
    expected = {"fr": (f"2{NNBSP}000{NBSP}CHF", f"1{NNBSP}800{NBSP}€", f"35{NNBSP}%"),
                "en": ("CHF 2,000", "€1,800", "35%")}[lang]  # fmt: skip
    for value in expected:
        assert value in plain, f"{lang}: {value!r} not shown"


def test_site_chrome_strings_exist_in_both_languages() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    fr = config["extra"]["ui"]
    (en_lang,) = [lang for lang in config["plugins"][0]["i18n"]["languages"] if lang["locale"] == "en"]
    en = en_lang["extra"]["ui"]
    assert set(fr) == set(en) and all(fr.values()) and all(en.values())
    assert fr != en
