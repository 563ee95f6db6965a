"""Gate 8: usable at 360 px, checked on what a reader sees (layout boxes, not pixels).

Every page: no horizontal overflow, the title and the first lines of the text on the screen, legible text.
Representative pages also open the navigation drawer: the menu button is on the screen, and a tap shows the
site's navigation inside the screen with the other guides reachable.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, FloatRect
from playwright.sync_api import Page as BrowserPage

from .site_helpers import Page, pages

pytestmark = pytest.mark.browser
WIDTH, HEIGHT = 360, 740
MIN_FONT_PX = 14  # body text smaller than this is hard to read on a phone
# Representative pages for the drawer: the home page, a guide with a helper and lists, the glossary.
DRAWER_PAGES = {"", "billing-and-vat/vat-number/", "glossary/"}


@pytest.fixture(scope="module")
def phone(browser: Browser, site_server: str) -> Iterator[BrowserPage]:
    context = browser.new_context(base_url=site_server, viewport={"width": WIDTH, "height": HEIGHT},
                                  device_scale_factor=1, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def on_screen(box: FloatRect | None) -> bool:
    return (box is not None and box["width"] > 0 and box["height"] > 0
            and box["x"] >= -1 and box["x"] + box["width"] <= WIDTH + 1)


@pytest.mark.parametrize("page", pages(), ids=str)
def test_usable_at_360px(phone: BrowserPage, page: Page) -> None:
    phone.goto(page.path, wait_until="load")
    widths = phone.evaluate("() => [document.documentElement.scrollWidth, document.body.scrollWidth]")
    if max(widths) > WIDTH:
        wide = phone.evaluate("""(w) => [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > w + 1 && el.offsetParent !== null)
            .filter((el) => !el.closest('.md-sidebar, .md-nav, [hidden], dialog:not([open])'))
            .slice(0, 5).map((el) => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
                + ' right=' + Math.round(el.getBoundingClientRect().right))""", WIDTH)
        pytest.fail(f"{page}: page is {max(widths)} px wide at {WIDTH} px; widest: {wide}")
    title = phone.locator("article h1").first
    assert title.is_visible(), f"{page}: the page title is not visible"
    assert on_screen(title.bounding_box()), f"{page}: title outside the screen {title.bounding_box()}"
    # the text starts on the first screen, below the header, not hidden under it
    text = phone.locator("article > p, article .md-typeset > p, article p").first
    box = text.bounding_box()
    header = phone.locator("header.md-header").bounding_box()
    assert on_screen(box) and box is not None, f"{page}: the first paragraph is not on the screen ({box})"
    assert header is not None and header["y"] + header["height"] <= box["y"] + 1 < HEIGHT, \
        f"{page}: the first paragraph starts at y={box['y']:.0f}, header {header}"
    size = float(text.evaluate("(el) => parseFloat(getComputedStyle(el).fontSize)"))
    assert size >= MIN_FONT_PX, f"{page}: body text {size:.1f} px"


@pytest.mark.parametrize("page", [p for p in pages() if p.path.removeprefix("en/") in DRAWER_PAGES], ids=str)
def test_navigation_reachable_at_360px(phone: BrowserPage, page: Page) -> None:
    phone.goto(page.path, wait_until="load")
    menu = phone.locator("header label[for='__drawer']")
    assert menu.is_visible() and on_screen(menu.bounding_box()), f"{page}: no menu button on the screen"
    menu.tap()
    nav = phone.locator("nav.md-nav--primary")
    nav.wait_for(state="visible")
    phone.wait_for_timeout(400)  # the drawer slides in (CSS transition)
    assert on_screen(nav.bounding_box()), f"{page}: the opened navigation is off the screen {nav.bounding_box()}"
    # the drawer shows the level of the current page (others slide out of the screen): count what is on it
    links = [link for link in nav.locator("a.md-nav__link[href], label.md-nav__link").all()
             if link.is_visible() and on_screen(link.bounding_box())]
    assert len(links) >= 3, f"{page}: the opened navigation shows {len(links)} links on the screen"
