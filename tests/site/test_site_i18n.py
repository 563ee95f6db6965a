"""Gate 4: the language of every page, the language switcher, the sitemap's alternates, the 404 pages."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from site_helpers import SITE_URL, pages, soup

LOCAL = "http://site.invalid/"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
# What each 404 page must say, in its own language (the theme's default "404 - Not found" is English only).
NOT_FOUND_TEXT = {"fr": ("introuvable", "n'existe pas", "n’existe pas"), "en": ("not found",)}


@pytest.mark.parametrize("page", pages(), ids=str)
def test_html_lang_matches_the_part_of_the_site(built_site: Path, page):
    assert soup(built_site, page.file).html.get("lang") == page.lang


@pytest.mark.parametrize("page", pages(), ids=str)
def test_language_switcher_points_to_the_counterpart(built_site: Path, page):
    html = soup(built_site, page.file)
    switcher = {a["hreflang"]: a["href"] for a in html.select("header a[hreflang]")}
    assert set(switcher) == {"fr", "en"}, f"{page}: language switcher links {switcher}"
    for lang, href in switcher.items():
        target = urlsplit(urljoin(urljoin(LOCAL, page.path), href)).path.lstrip("/")
        expected = page if lang == page.lang else page.counterpart
        assert target == expected.path, f"{page}: the {lang} link goes to /{target}, not to {expected}"
        assert (built_site / expected.file).is_file(), f"{expected} (switcher target) is not built"


def sitemap(built_site: Path) -> dict[str, dict[str, str]]:
    """Sitemap entry path -> {hreflang: alternate path}."""
    root = ET.parse(built_site / "sitemap.xml").getroot()
    prefix = urlsplit(SITE_URL).path
    entries = {}
    for url in root.findall("sm:url", NS):
        loc = urlsplit(url.findtext("sm:loc", "", NS).strip()).path.removeprefix(prefix)
        entries[loc] = {
            link.get("hreflang"): urlsplit(link.get("href")).path.removeprefix(prefix)
            for link in url.findall("xhtml:link", NS) if link.get("rel") == "alternate"
        }
    return entries


def test_sitemap_has_hreflang_alternates_for_every_page(built_site: Path):
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
def test_404_page_is_in_its_language(built_site: Path, lang: str):
    file = "404.html" if lang == "fr" else "en/404.html"
    html = soup(built_site, file)
    assert html.html.get("lang") == lang, f"/{file}: <html lang={html.html.get('lang')!r}>"
    text = (html.select_one("article") or html.body).get_text(" ", strip=True).lower()
    assert any(words in text for words in NOT_FOUND_TEXT[lang]), f"/{file} does not say it in {lang}: {text!r}"
    # its language switcher offers the home pages, not some page built last
    switcher = {a["hreflang"]: urlsplit(urljoin(LOCAL, a["href"])).path for a in html.select("header a[hreflang]")}
    assert switcher in ({}, {"fr": "/", "en": "/en/"}), f"/{file}: language switcher {switcher}"


@pytest.mark.parametrize(("path", "lang"), [("nowhere/", "fr"), ("en/nowhere/", "en")])
def test_missing_page_is_served_with_the_404_of_its_language(site_server: str, path: str, lang: str):
    import urllib.error
    import urllib.request

    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(site_server + path, timeout=10)
    assert error.value.code == 404
    body = error.value.read().decode("utf-8")
    assert f'<html lang="{lang}"' in body
