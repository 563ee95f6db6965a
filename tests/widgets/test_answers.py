"""Answers a reader can read and hand on: one screen at 360 px, no layout shift, copy link / copy number,
and the no-JavaScript fallback laid out exactly like the answer the browser renders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString
from playwright.sync_api import Browser, Page, ViewportSize

from .conftest import PAGES, READY_TIMEOUT_MS, Helper, OpenHelper, url

pytestmark = pytest.mark.browser

PHONE: ViewportSize = {"width": 360, "height": 640}
SCREEN_PX = 640


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def open_in(page: Page, site_server: str, name: str, lang: str, fragment: str = "") -> Helper:
    page.goto(url(site_server, name, lang, fragment))
    helper = Helper(page, name)
    helper.wait_ready()
    return helper


def result_height(helper: Helper) -> float:
    box = helper.result.locator(".kb-result").first.bounding_box()
    assert box is not None
    return float(box["height"])


# ---------- one screen at 360 px ----------

@pytest.mark.parametrize("lang", ["fr", "en"])
def test_vat_and_eligibility_answers_fit_one_phone_screen(phone: Any, site_server: str, lang: str) -> None:
    heights: dict[str, float] = {}
    vat = open_in(phone, site_server, "vat", lang)
    vat.field("number").fill("CHE-116.281.710 MWST")
    vat.wait_verdict("ok")
    heights["vat valid"] = result_height(vat)
    vat.field("number").fill("CHE-116.281.711 MWST")
    vat.wait_verdict("ko")
    heights["vat invalid"] = result_height(vat)
    elig = open_in(phone, site_server, "eligibility", lang)
    for box in ("registered", "provides_support", "handles_billing", "exclusive_tenders", "accepts_conditions"):
        elig.field(box).check()
    elig.field("annual_amount").fill("2000")
    elig.wait_verdict("ok")
    heights["eligible"] = result_height(elig)
    elig.field("annual_amount").fill("1999.99")
    elig.wait_verdict("ko")
    heights["not eligible"] = result_height(elig)
    print(f"\n{lang} answer heights at 360 px: " + ", ".join(f"{k} {v:.0f} px" for k, v in heights.items()))
    too_tall = {k: v for k, v in heights.items() if v > SCREEN_PX}
    assert not too_tall, f"answers taller than one {SCREEN_PX} px screen: {too_tall}"
    assert not phone.evaluate("document.documentElement.scrollWidth > innerWidth"), "horizontal overflow"


# ---------- no layout shift ----------

SHIFTS = """
window.__kbShifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    window.__kbShifts.push({ value: e.value, input: e.hadRecentInput,
      nodes: e.sources.map((s) => s.node?.className || s.node?.nodeName || "?") });
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def centre(helper: Helper) -> None:
    """The status and answer box mid-screen: what follows it is in view, so moving it would count."""
    helper.root.locator(".kb-widget__output").evaluate("el => el.scrollIntoView({block: 'center'})")


def shifts_without_input(page: Page) -> list[dict[str, Any]]:
    page.wait_for_timeout(300)  # let the observer deliver the last frame's entries
    return [s for s in page.evaluate("window.__kbShifts") if not s["input"]]


DESKTOP: ViewportSize = {"width": 1280, "height": 800}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_runtime_states_do_not_shift_the_page(browser: Browser, site_server: str, viewport: ViewportSize) -> None:
    """Idle -> loading -> ready, then a typed answer (input-driven, so it may move what follows), then a failed
    runtime: the status and result box keeps its reserved height; the layout-shift score stays 0."""
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.add_init_script(SHIFTS)
        page.goto(url(site_server, "vat", "en"))
        vat = Helper(page, "vat")
        centre(vat)
        vat.wait_state("ready")
        assert shifts_without_input(page) == [], "loading the helper moved the page"
        vat.field("number").click()
        page.keyboard.type("CHE-116.281.710 MWST")
        vat.wait_verdict("ok")
        assert shifts_without_input(page) == [], "answering moved the page without the reader's input"

        page.goto(url(site_server, "vat", "en", fragment="vat=CHE-116.281.710"))  # a deep link, landing as is
        Helper(page, "vat").wait_verdict("ok")
        assert shifts_without_input(page) == [], "the restored answer moved the page"

        page.route("**/pyodide.asm*.wasm", lambda route: route.abort())
        page.goto(url(site_server, "vat", "fr"))
        failed = Helper(page, "vat")
        centre(failed)
        failed.wait_state("error")
        assert shifts_without_input(page) == [], "the failed runtime's message moved the page"
    finally:
        context.close()


# ---------- handing an answer on ----------

@pytest.fixture
def clipboard_page(browser: Browser, site_server: str) -> Iterator[Page]:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], base_url=site_server)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("lang", "link_done", "number_done"), [
    ("fr", "Lien copié.", "Numéro copié."), ("en", "Link copied.", "Number copied."),
])
def test_copy_link_and_copy_number(clipboard_page: Any, site_server: str, lang: str, link_done: str,
                                   number_done: str) -> None:
    page = clipboard_page
    vat = open_in(page, site_server, "vat", lang)
    vat.field("number").fill("CHE-116.281.710 MWST")
    vat.wait_verdict("ok")
    status = vat.result.locator(".kb-result__actions [role=status]")

    vat.result.locator("button[data-kb-copy=value]").focus()  # keyboard: focus, then Enter
    page.keyboard.press("Enter")
    status.filter(has_text=number_done).wait_for(timeout=5_000)
    assert page.evaluate("navigator.clipboard.readText()") == "CHE116281710MWST"

    vat.result.locator("button[data-kb-copy=link]").focus()
    page.keyboard.press("Enter")
    status.filter(has_text=link_done).wait_for(timeout=5_000)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.url and "vat.number=CHE-116.281.710+MWST" in copied

    page.goto("about:blank")
    page.goto(copied)  # the link hands the same answer on
    Helper(page, "vat").wait_verdict("ok")


def test_every_helper_answer_offers_copy_link(open_helper: OpenHelper) -> None:
    sup = open_helper("support_code", "en")
    sup.field("premium_support").check()
    sup.wait_verdict("info")
    assert sup.result.locator("button[data-kb-copy=link]").count() == 1
    assert sup.result.locator("button[data-kb-copy=value]").count() == 0  # only VAT has a number to copy


# ---------- the no-JavaScript fallback is the same answer, laid out the same ----------

def shape(node: Tag) -> dict[str, Any]:
    """Tags, classes, links, data attributes and text of an answer, whatever the whitespace or attribute order."""
    kids: list[Any] = []
    for child in node.children:
        if isinstance(child, NavigableString):
            if child.strip():
                kids.append(child.strip())
        elif isinstance(child, Tag) and "kb-result__actions" not in child.get_attribute_list("class"):
            kids.append(shape(child))
    attrs = {k: v for k, v in node.attrs.items() if k in ("class", "href") or k.startswith("data-kb-")}
    return {"tag": node.name, "attrs": attrs, "kids": kids}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_fallback_answer_has_the_renderer_shape(page: Page, site_server: str, built_site: Path, lang: str) -> None:
    prefix = "" if lang == "fr" else "en/"
    built = BeautifulSoup((built_site / prefix / PAGES["onboarding"] / "index.html").read_text(encoding="utf-8"),
                          "html.parser")
    fallback = built.select("[data-kb-widget=onboarding] [data-kb-fallback] .kb-result")
    by_rules = {str(a.get("data-kb-rules")): a for a in fallback}

    onb = open_in(page, site_server, "onboarding", lang)
    onb.field("flow").select_option("partner_adds_client")
    onb.field("role").select_option("legal_representative")
    onb.result.locator(".kb-result[data-kb-rules~='ONB-P1']").wait_for(timeout=READY_TIMEOUT_MS)
    live = BeautifulSoup(onb.result.inner_html(), "html.parser").select_one(".kb-result")
    assert live is not None
    expected = by_rules[str(live.get("data-kb-rules"))]
    assert shape(live) == shape(expected)
