"""The home pages (issue 12 §3): a task card per kind of reader, the eligibility and VAT helpers one click
away, the search in the page (overrides/home.html), both languages, at 360 px and on a desktop, axe-clean."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, ViewportSize, expect

from ..conftest import AxeChecker
from .site_helpers import LANGS, soup
from .test_site_search import search

pytestmark = pytest.mark.browser

HOME = {"fr": "", "en": "en/"}
SIZES: dict[str, ViewportSize] = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
HELPERS = ("eligibility", "vat")
QUERY = {"fr": "facturation", "en": "invoices"}
SEARCH_LABEL = {"fr": "Rechercher dans les guides", "en": "Search the guides"}  # extra.ui.search_title


@pytest.fixture(scope="module", params=list(SIZES))
def context(request: pytest.FixtureRequest, browser: Browser, site_server: str) -> Iterator[BrowserContext]:
    phone = request.param == "phone"
    context = browser.new_context(base_url=site_server, viewport=SIZES[request.param],
                                  is_mobile=phone, has_touch=phone)
    yield context
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_three_task_cards(built_site: Path, lang: str) -> None:
    cards = soup(built_site, HOME[lang] + "index.html").select("article .grid.cards > ul > li")
    assert len(cards) == 3, [card.get_text(" ", strip=True)[:60] for card in cards]
    assert all(card.select("a[href]") for card in cards), "a task card without a link"


@pytest.mark.parametrize("helper", HELPERS)
@pytest.mark.parametrize("lang", LANGS)
def test_a_task_card_reaches_the_helper_in_one_click(context: BrowserContext, lang: str, helper: str) -> None:
    page = context.new_page()
    page.goto(HOME[lang], wait_until="load")
    link = page.locator(f".grid.cards > ul > li a[href$='#kb-{helper}-title']")
    expect(link).to_have_count(1)
    link.click()
    page.wait_for_url(f"**#kb-{helper}-title")
    expect(page.locator(f"[data-kb-widget={helper}]")).to_be_in_viewport()
    page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_is_axe_clean(context: BrowserContext, axe_check: AxeChecker, lang: str) -> None:
    page = context.new_page()
    page.goto(HOME[lang], wait_until="load")
    page.wait_for_load_state("networkidle")
    violations = axe_check(page)
    assert not violations, axe_check.describe(violations)
    page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_search_field_on_the_first_screen_opens_the_search(context: BrowserContext, lang: str) -> None:
    page = context.new_page()
    page.goto(HOME[lang], wait_until="load")
    field = page.locator("article .kb-search-field")
    expect(field).to_have_accessible_name(SEARCH_LABEL[lang])
    expect(field).to_be_visible()
    box, viewport = field.bounding_box(), page.viewport_size
    assert box is not None and viewport is not None
    # full width of the text column, and on the first screen without scrolling
    column = page.locator("article").evaluate("(el) => el.clientWidth - parseFloat(getComputedStyle(el).paddingLeft)"
                                              " - parseFloat(getComputedStyle(el).paddingRight)")
    assert box["width"] >= float(column) - 1, (box, column)
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], box
    field.click()
    expect(page.locator("dialog#kb-search")).to_have_attribute("open", "")
    page.locator("#kb-search-ui input").first.wait_for(state="visible", timeout=15_000)
    found = search(page, QUERY[lang])
    assert found and all(path.startswith("/en/") == (lang == "en") for path in found), found
    page.close()
