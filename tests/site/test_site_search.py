"""Gate 5: search per language (Pagefind), loaded only when the reader opens it, with stemming."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from ..conftest import ThirdPartyRecorder
from .site_helpers import pages, soup

pytestmark = pytest.mark.browser

# (start page, query, opened with) per language; the stemming query is a plural/inflected form.
CASES = {
    "fr": ("billing-and-vat/payment-methods/", "facturation", "renouvellements"),
    "en": ("en/billing-and-vat/payment-methods/", "invoices", "renewals"),
}


def article_words(built_site: Path, path: str) -> set[str]:
    shared = soup(built_site, path + "index.html").select_one("article")
    assert shared is not None, f"/{path}: no <article>"
    article = copy.copy(shared)  # the parsed page is shared by the session's tests: never change it
    for hidden in article.select("[data-kb-widget], .headerlink"):  # what Pagefind is told to skip
        hidden.decompose()
    return set(re.findall(r"\w+", article.get_text(" ").lower()))


def search(page: Page, query: str) -> list[str]:
    """Types the query in the open dialog; the paths of all result pages (after "load more")."""
    box = page.locator("#kb-search-ui input").first
    box.fill("")
    box.fill(query)
    results = page.locator("#kb-search-ui .pagefind-ui__result-link")
    try:  # done: "N result(s) for QUERY" (a count: not "searching…"), links shown, no result still loading
        page.wait_for_function(
            """(q) => { const m = document.querySelector('#kb-search-ui .pagefind-ui__message');
                return m && m.textContent.includes(q) && /\\d/.test(m.textContent)
                    && document.querySelector('#kb-search-ui .pagefind-ui__result-link')
                    && !document.querySelector('#kb-search-ui .pagefind-ui__loading'); }""",
            arg=query, timeout=10_000,
        )
    except PlaywrightTimeout:
        return []
    more = page.locator("#kb-search-ui .pagefind-ui__button")
    while more.count() and more.first.is_visible():
        more.first.click()
        page.wait_for_function("() => !document.querySelector('#kb-search-ui .pagefind-ui__loading')")
    return sorted({urlsplit(href).path for href in results.evaluate_all("(els) => els.map((a) => a.href)")})


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_search_stays_in_the_page_language(page: Page, no_third_party: ThirdPartyRecorder, site_server: str,
                                           built_site: Path, lang: str) -> None:
    start, query, stemmed = CASES[lang]
    pagefind: list[str] = []
    page.on("request", lambda r: pagefind.append(r.url) if "/pagefind/" in r.url else None)
    page.goto(site_server + start, wait_until="load")
    page.wait_for_load_state("networkidle")
    assert pagefind == [], f"the page fetched search files before search was opened: {pagefind}"

    # French: the "/" key; English: the header button
    if lang == "fr":
        page.locator("body").press("/")
    else:
        page.locator("header [data-kb-search-open]").click()
    dialog = page.locator("dialog#kb-search")
    assert dialog.evaluate("(d) => d.open"), "the search dialog did not open"
    page.locator("#kb-search-ui input").first.wait_for(state="visible", timeout=15_000)
    assert pagefind, "opening search loaded no Pagefind file"

    known = {"/" + p.path: p for p in pages()}
    found = search(page, query)
    assert found, f"no result for {query!r}"
    strays = [path for path in found if known.get(path) is None or known[path].lang != lang]
    assert not strays, f"{lang} search for {query!r} returned pages that are not {lang} guides: {strays}"

    # Stemming: some result must contain an inflection of the query but not the query word itself.
    found = search(page, stemmed)
    assert found, f"no result for {stemmed!r}"
    assert all(known.get(path) and known[path].lang == lang for path in found), found
    without_word = [path for path in found if stemmed not in article_words(built_site, known[path].path)]
    assert without_word, (
        f"every result for {stemmed!r} contains the exact word: stemming is not shown to work ({found})"
    )


# Every kind of page, in each language: the search bundle's URL must resolve the same way everywhere.
# The 404s are asked for at a missing deep path (the server answers with that language's 404 page, whose
# relative URLs would point below the missing folder) and at their own address.
PAGE_KINDS = {
    "home": {"fr": "", "en": "en/"},
    "guide": {"fr": "billing-and-vat/vat-number/", "en": "en/billing-and-vat/vat-number/"},
    "glossary": {"fr": "glossary/", "en": "en/glossary/"},
    "404": {"fr": "404.html", "en": "en/404.html"},
    "404-deep": {"fr": "no/such/page/", "en": "en/no/such/page/"},
}
QUERY = {"fr": "facturation", "en": "invoices"}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_search_works_from_every_kind_of_page(page: Page, no_third_party: ThirdPartyRecorder, site_server: str,
                                              kind: str, lang: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" and "404" not in msg.text else None)
    response = page.goto(site_server + PAGE_KINDS[kind][lang], wait_until="load")
    assert response is not None and response.status == (404 if kind == "404-deep" else 200)
    assert page.locator("html").get_attribute("lang") == lang
    page.locator("header [data-kb-search-open]").click()  # the home pages have a second one (test_site_home.py)
    page.locator("#kb-search-ui input").first.wait_for(state="visible", timeout=15_000)
    found = search(page, QUERY[lang])
    assert found, f"no result for {QUERY[lang]!r} from /{PAGE_KINDS[kind][lang]}: {errors}"
    known = {"/" + p.path: p for p in pages()}
    assert all(known.get(path) and known[path].lang == lang for path in found), found
    assert not errors, errors
