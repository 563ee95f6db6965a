"""Gate 4: the language of every page, the language switcher, the sitemap's alternates, the 404 pages."""

from __future__ import annotations

import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page as BrowserPage

from .site_helpers import SITE_URL, Page, pages, soup

LOCAL = "http://site.invalid/"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
# What each 404 page must say, in its own language (the theme's default "404 - Not found" is English only).
NOT_FOUND_HEADING = {"fr": "Page introuvable", "en": "Page not found"}
NOT_FOUND_TEXT = {"fr": ("introuvable", "n'existe pas", "n’existe pas"), "en": ("not found",)}


def html_lang(html: BeautifulSoup) -> str | None:
    root = html.find("html")
    return str(root.get("lang")) if root is not None and root.get("lang") else None


@pytest.mark.parametrize("page", pages(), ids=str)
def test_html_lang_matches_the_part_of_the_site(built_site: Path, page: Page) -> None:
    assert html_lang(soup(built_site, page.file)) == page.lang


@pytest.mark.parametrize("page", pages(), ids=str)
def test_language_switcher_points_to_the_counterpart(built_site: Path, page: Page) -> None:
    html = soup(built_site, page.file)
    switcher = {str(a["hreflang"]): str(a["href"]) for a in html.select("header a[hreflang]")}
    assert set(switcher) == {"fr", "en"}, f"{page}: language switcher links {switcher}"
    for lang, href in switcher.items():
        target = urlsplit(urljoin(urljoin(LOCAL, page.path), href)).path.lstrip("/")
        expected = page if lang == page.lang else page.counterpart
        assert target == expected.path, f"{page}: the {lang} link goes to /{target}, not to {expected}"
        assert (built_site / expected.file).is_file(), f"{expected} (switcher target) is not built"


PERMALINK = {"fr": "Lien permanent", "en": "Permanent link"}


@pytest.mark.parametrize("page", pages(), ids=str)
def test_heading_links_are_titled_in_the_pages_language(built_site: Path, page: Page) -> None:
    html = soup(built_site, page.file)
    titles = {str(a.get("title")) for a in html.select("a.headerlink")}
    expected = {PERMALINK[page.lang]} if html.select("article :is(h2, h3, h4, h5, h6)[id]") else set()
    assert titles == expected, f"{page}: heading links titled {titles}"


def sitemap(built_site: Path) -> dict[str, dict[str, str]]:
    """Sitemap entry path -> {hreflang: alternate path}."""
    root = ET.parse(built_site / "sitemap.xml").getroot()
    prefix = urlsplit(SITE_URL).path
    entries: dict[str, dict[str, str]] = {}
    for url in root.findall("sm:url", NS):
        loc = urlsplit(url.findtext("sm:loc", "", NS).strip()).path.removeprefix(prefix)
        entries[loc] = {
            link.get("hreflang", ""): urlsplit(link.get("href", "")).path.removeprefix(prefix)
            for link in url.findall("xhtml:link", NS) if link.get("rel") == "alternate"
        }
    return entries


def test_sitemap_has_hreflang_alternates_for_every_page(built_site: Path) -> None:
    entries = sitemap(built_site)
    problems = []
    for page in pages():
        expected = {page.lang: page.path, page.counterpart.lang: page.counterpart.path}
        if page.path not in entries:
            problems.append(f"{page}: not in sitemap.xml")
        elif entries[page.path] != expected:
            problems.append(f"{page}: alternates {entries[page.path]}, expected {expected}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_404_page_is_in_its_language(built_site: Path, lang: str) -> None:
    file = "404.html" if lang == "fr" else "en/404.html"
    html = soup(built_site, file)
    assert html_lang(html) == lang, f"/{file}: <html lang={html_lang(html)!r}>"
    heading = html.select_one("article h1")
    assert heading is not None and heading.get_text(strip=True) == NOT_FOUND_HEADING[lang], f"/{file}: {heading}"
    text = (html.select_one("article") or html).get_text(" ", strip=True).lower()
    assert any(words in text for words in NOT_FOUND_TEXT[lang]), f"/{file} does not say it in {lang}: {text!r}"
    # its language switcher offers the home pages, not some page built last
    switcher = {str(a["hreflang"]): urlsplit(urljoin(LOCAL, str(a["href"]))).path
                for a in html.select("header a[hreflang]")}
    assert switcher in ({}, {"fr": "/", "en": "/en/"}), f"/{file}: language switcher {switcher}"


@pytest.mark.browser
@pytest.mark.parametrize(("path", "lang", "heading"), [
    ("nowhere/deeper/still/", "fr", "Page introuvable"),
    ("en/nowhere/deeper/still/", "en", "Page not found"),
])
def test_404_page_works_at_any_depth(page: BrowserPage, site_server: str, path: str, lang: str, heading: str) -> None:
    """A host answers any missing path with the site's 404.html of that part of the site (the test server does
    what a host does): the page must then work at any depth. Its styles, scripts and links must not be relative
    to /404.html, and it must speak the reader's language."""
    broken: list[str] = []
    page.on("response", lambda r: broken.append(f"{r.status} {r.url}")
            if r.status >= 400 and r.url != site_server + path else None)
    page.on("requestfailed", lambda r: broken.append(f"failed {r.url}"))
    response = page.goto(site_server + path, wait_until="load")
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    shown = page.locator("article h1").first.inner_text()
    assert shown == heading, f"/{path}: heading {shown!r}"
    assert not broken, f"/{path}: the 404 page's own files fail at this depth:\n" + "\n".join(broken)
    # styled by the theme (its stylesheet resolved), not a bare HTML page
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    hrefs = page.eval_on_selector_all("a[href]", "(links) => links.map((a) => a.href)")
    local = sorted({h.split("#")[0] for h in hrefs if h.startswith(site_server)})
    assert local, f"/{path}: no link back into the site"
    dead = []
    for href in local:
        try:
            urllib.request.urlopen(href, timeout=10).close()
        except urllib.error.HTTPError as error:
            dead.append(f"{error.code} {href}")
    assert not dead, f"/{path}: links of the 404 page lead nowhere:\n" + "\n".join(dead)
