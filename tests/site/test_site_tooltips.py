"""The glossary's abbreviations show their definition as a tooltip (overrides/assets/kb-tooltips.js, in place of
Material's `content.tooltips`, issue 10): on hover with a mouse, on a tap at 360 px, inside the screen, named
to assistive technology while shown, and gone when the reader moves on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, ViewportSize
from playwright.sync_api import Page as BrowserPage

from .site_helpers import page_for

pytestmark = pytest.mark.browser
PHONE: ViewportSize = {"width": 360, "height": 740}
DESKTOP: ViewportSize = {"width": 1280, "height": 800}


@pytest.fixture(params=["desktop", "phone"])
def reader(request: pytest.FixtureRequest, browser: Browser, site_server: str) -> Iterator[BrowserPage]:
    phone = request.param == "phone"
    context = browser.new_context(base_url=site_server, viewport=PHONE if phone else DESKTOP,
                                  is_mobile=phone, has_touch=phone)
    yield context.new_page()
    context.close()


def point_at(reader: BrowserPage, term: Locator) -> None:
    term.scroll_into_view_if_needed()
    if reader.viewport_size == PHONE:
        term.tap()
    else:
        term.hover()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_abbreviation_shows_its_definition(reader: BrowserPage, lang: str) -> None:
    reader.goto(page_for(lang, "glossary.md").path, wait_until="load")
    term = reader.locator("article abbr").nth(3)  # not abbr[title]: the shown term lends its title to the tooltip
    definition = term.get_attribute("title")
    assert definition, f"/{lang} glossary: no <abbr title> to point at"
    point_at(reader, term)
    tip = reader.locator("[role=tooltip]")
    tip.wait_for(state="visible")
    assert tip.inner_text().strip() == definition.strip(), "the tooltip does not show the term's definition"
    assert term.get_attribute("aria-describedby") == tip.get_attribute("id"), "the term does not name its tooltip"
    reader.wait_for_function("() => getComputedStyle(document.querySelector('[role=tooltip]')).opacity === '1'")
    box, under = tip.locator(".md-tooltip2__inner").bounding_box(), term.bounding_box()
    width = (reader.viewport_size or DESKTOP)["width"]
    assert box is not None and under is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"tooltip outside the screen: {box}"
    assert box["y"] >= under["y"] + under["height"], f"tooltip {box} over the term {under}, not below it"
    # moving on (the pointer elsewhere, a tap on the text) hides it; the definition stays on the term
    if reader.viewport_size == PHONE:
        reader.locator("article h1").tap()
    else:
        reader.mouse.move(1, (reader.viewport_size or DESKTOP)["height"] - 1)
    tip.wait_for(state="detached")
    assert term.get_attribute("title") == definition and term.get_attribute("aria-describedby") is None
