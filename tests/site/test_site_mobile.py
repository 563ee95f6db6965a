"""Gate 8: usable at 360 px: no horizontal overflow, the title visible; screenshots that show something."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from png_check import distinct_colours
from site_helpers import pages

pytestmark = pytest.mark.browser
WIDTH, HEIGHT = 360, 740
# Representative pages: the home page, a guide with a helper and lists, the glossary (long text).
SCREENSHOTS = {"", "billing-and-vat/vat-number/", "glossary/"}


@pytest.fixture(scope="module")
def phone(browser: Any, site_server: str) -> Any:
    context = browser.new_context(base_url=site_server, viewport={"width": WIDTH, "height": HEIGHT},
                                  device_scale_factor=1, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots-360")


@pytest.mark.parametrize("page", pages(), ids=str)
def test_usable_at_360px(phone: Any, shots: Path, page):
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
    box = title.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH + 1, f"{page}: title outside the screen {box}"
    if page.path.removeprefix("en/") in SCREENSHOTS:
        file = shots / f"{page.path.strip('/').replace('/', '_') or page.lang}.png"  # home pages: fr.png, en.png
        phone.screenshot(path=str(file), full_page=True)
        png = file.read_bytes()
        assert len(png) > 10_000, f"{page}: screenshot only {len(png)} bytes"
        assert distinct_colours(png) >= 8, f"{page}: screenshot is (almost) one colour"
