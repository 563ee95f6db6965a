"""The helpers' build-time markup (widgets/markup.py): what a page embeds, and why a build fails."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from widgets import markup  # noqa: E402

from kb_logic import bridge, messages, rules, values  # noqa: E402
from kb_logic.constants import FORM_MAX_PARTNERS, MAX_PARTNERS, Lang  # noqa: E402

PAGE = {"fr": "billing-and-vat/vat-number/", "en": "en/billing-and-vat/vat-number/"}


def data_of(html: str) -> dict[str, Any]:
    script = BeautifulSoup(html, "html.parser").select_one("script[data-kb-data]")
    assert script is not None
    return dict(json.loads(script.get_text()))


@pytest.mark.parametrize(("lang", "loading"), [("fr", "Préparation de l’assistant…"), ("en", "Preparing the helper…")])
def test_a_page_embeds_only_the_strings_the_runtime_asks_for(lang: Lang, loading: str) -> None:
    data = data_of(markup.render("vat", lang, PAGE[lang]))
    asked = {key for js in (ROOT / "widgets" / "runtime").glob("*.js")
             for key in re.findall(r"""\bt\(\s*["'](ui\.[\w.]+)""", js.read_text(encoding="utf-8"))}
    assert set(data["strings"]) == asked
    assert data["strings"]["ui.loading"] == loading
    assert not [key for key in data["strings"] if key.startswith("rule.")]


def test_the_runtime_asks_for_strings_by_literal_key_only() -> None:
    """A computed key (`t(\\`ui.${x}\\`)`, `t(key)`) would not be embedded: the page would show the bare key."""
    for js in (ROOT / "widgets" / "runtime").glob("*.js"):
        calls = re.findall(r"\bt\(\s*([^)\s,]+)", js.read_text(encoding="utf-8"))
        computed = [c for c in calls if not re.fullmatch(r"""["']ui\.[\w.]+["']""", c)]
        assert computed == [], f"{js.name}: t() with a computed key: {computed}"


def _ui_keys_in(text: str) -> set[str]:
    return set(re.findall(r"""["'](ui\.[\w.]*\w)["']""", text))


def test_every_ui_string_is_used_by_a_helper() -> None:
    """One home for helper strings: a `ui.*` key no template, widgets/markup.py or runtime script names is dead
    (it drifts from the `label.*` text a reader sees in errors); delete it, or use it."""
    sources = [*(ROOT / "widgets" / "templates").glob("*.html"), ROOT / "widgets" / "markup.py",
               *(ROOT / "widgets" / "runtime").glob("*.js")]
    used = set().union(*(_ui_keys_in(p.read_text(encoding="utf-8")) for p in sources))
    ui = {key for key in messages.catalogue("en") if key.startswith("ui.")}
    assert sorted(ui - used) == [], "ui.* keys nothing uses"
    assert sorted(used - ui) == [], "ui.* keys the helpers use but the catalogue lacks"


def test_templates_name_their_strings_by_literal_key() -> None:
    """The test above finds keys by their literal text: a computed key (`t("ui.x." ~ y)`) would escape it."""
    for html in (ROOT / "widgets" / "templates").glob("*.html"):
        calls = re.findall(r"\bt\(\s*([^)\s,]+)", html.read_text(encoding="utf-8"))
        computed = [c for c in calls if not re.fullmatch(r"""["'](ui|label)\.[\w.]+["']""", c)]
        assert computed == [], f"{html.name}: t() with a computed key: {computed}"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_anchor_kb_logic_answers_with_has_an_href(lang: Lang) -> None:
    data = data_of(markup.render("payment", lang, PAGE[lang].replace("vat-number", "payment-methods")))
    assert set(data["anchors"]) == rules.anchors()
    hrefs = {a: data["pages"][i] for a, i in data["anchors"].items()}
    assert hrefs["pay-c2"] == "" and hrefs["vat-2"] == "../vat-number/"  # this page, then a sibling guide
    assert hrefs["elig-2"] == "../../becoming-a-partner/reseller-programme/"


def test_vat_page_strings_shrank() -> None:
    """Issue 11: every helper page embedded every ui.* string and all rule statements (about 16 KB)."""
    langs: tuple[Lang, ...] = ("fr", "en")
    for lang in langs:
        embedded = json.dumps(data_of(markup.render("vat", lang, PAGE[lang])), ensure_ascii=False)
        assert len(embedded.encode()) < 3_000, len(embedded.encode())


def test_unknown_widget_is_only_for_an_unknown_name() -> None:
    with pytest.raises(markup.UnknownWidget, match="unknown helper 'nope'"):
        markup.render("nope", "fr", "guide/")


def test_an_anchor_missing_from_the_guides_fails_with_its_own_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules, "anchors", lambda: frozenset({"pay-c2", "no-such-anchor"}))
    markup.anchor_pages.cache_clear()
    try:
        with pytest.raises(markup.MissingAnchor, match="no-such-anchor") as caught:
            markup.render("vat", "en", PAGE["en"])
        assert not isinstance(caught.value, markup.UnknownWidget)
        assert isinstance(caught.value, PluginError)  # the build stops with the message, no traceback
    finally:
        markup.anchor_pages.cache_clear()


def test_a_failing_fallback_call_fails_with_its_own_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(name: str, payload: dict[str, Any]) -> dict[str, Any]:
        return {"error": {"code": "internal", "message": "boom", "field": None, "label": None}}

    monkeypatch.setattr(bridge, "call", broken)
    with pytest.raises(markup.FallbackFailed, match="onboarding") as caught:
        markup.render("onboarding", "fr", "working-with-a-partner/add-a-client/")
    assert not isinstance(caught.value, markup.UnknownWidget)


def test_rate_is_typed_as_text_and_sent_as_typed() -> None:
    """A number field would drop "19,90" silently in some browsers, and the old `data-kb-scale` sent 35 as 0.35..."""
    soup = BeautifulSoup(markup.render("payment", "en", "en/billing-and-vat/payment-methods/"), "html.parser")
    for name in ("price", "rate"):
        field = soup.select_one(f"input[name={name}]")
        assert field is not None
        assert field["type"] == "text" and field["inputmode"] == "decimal"
        assert not field.has_attr("data-kb-scale")


@pytest.mark.parametrize(("lang", "cap"), [("fr", "35\u202f%"), ("en", "35%")])
def test_rate_hint_states_kb_logics_cap_in_percent(lang: Lang, cap: str) -> None:
    page = ("" if lang == "fr" else "en/") + "billing-and-vat/payment-methods/"
    hint = BeautifulSoup(markup.render("payment", lang, page), "html.parser").select_one("#kb-payment-rate-hint")
    assert hint is not None
    assert cap in hint.get_text() and values(lang)["max_rate"] == cap  # the constant, formatted by kb_logic


def test_access_form_limit_comes_from_kb_logic_only() -> None:
    """The form's row limit is kb_logic's FORM_MAX_PARTNERS, written by the build; the script repeats no number."""
    html = BeautifulSoup(markup.render("access", "en", "working-with-a-partner/access-types/"), "html.parser")
    partners = html.select_one("[data-kb-list='partners']")
    assert partners is not None and partners.get("data-kb-max") == str(FORM_MAX_PARTNERS)
    assert FORM_MAX_PARTNERS < MAX_PARTNERS  # a UI limit inside the bound kb_logic checks
    script = (ROOT / "widgets" / "runtime" / "widgets.js").read_text(encoding="utf-8")
    assert re.findall(r"kbMax\s*(?:\|\||\?\?)", script) == []  # no fallback number for the attribute
