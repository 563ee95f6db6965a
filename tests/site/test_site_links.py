"""Gate 3: no broken internal link or anchor in either language; only the expected external hosts."""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .site_helpers import SITE_URL, soup

EXPECTED_EXTERNAL_HOSTS = {"manager.infomaniak.com", "welcome.infomaniak.com"}
LOCAL = "http://site.invalid/"  # the built folder, seen as a site; SITE_URL's origin is the same site
URL_ATTRS = ("href", "src", "action", "poster", "data")
SKIPPED_SCHEMES = ("mailto", "tel", "data", "blob")


def html_files(built_site: Path) -> list[str]:
    return sorted(
        p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
        if not p.relative_to(built_site).as_posix().startswith(("assets/", "pagefind/"))
    )


def target_file(built_site: Path, path: str) -> Path | None:
    """The file a URL path is served from (a folder → its index.html), or None."""
    target = built_site / unquote(path).lstrip("/")
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


@cache
def scan(built_site: Path) -> tuple[list[str], dict[str, set[str]]]:
    broken: list[str] = []
    external: dict[str, set[str]] = defaultdict(set)
    site_origins = {urlsplit(LOCAL).netloc, urlsplit(SITE_URL).netloc}
    for file in html_files(built_site):
        # 404 pages are served at any path: their links are absolute; resolve them from the site root
        base = urljoin(LOCAL, file)
        for el in soup(built_site, file).find_all(True):
            for attr in URL_ATTRS:
                raw = el.get(attr)
                if not isinstance(raw, str) or el.name == "meta" or (el.name == "object" and attr != "data"):
                    continue
                raw = raw.strip()
                if not raw or (raw.startswith("#") and len(raw) == 1):
                    continue
                where = f"/{file}: <{el.name} {attr}={raw!r}>"
                url = urlsplit(urljoin(base, raw))
                if url.scheme in SKIPPED_SCHEMES:
                    continue
                if url.scheme not in ("http", "https"):
                    broken.append(f"{where}: unexpected scheme {url.scheme!r}")
                    continue
                if url.netloc not in site_origins:
                    external[url.netloc].add(f"/{file}")
                    continue
                if url.netloc == urlsplit(SITE_URL).netloc and el.name == "a":
                    broken.append(f"{where}: absolute link to site_url ({SITE_URL}) instead of a relative one")
                    continue
                target = target_file(built_site, url.path)
                if target is None:
                    broken.append(f"{where}: no file for {url.path}")
                    continue
                fragment = unquote(url.fragment)
                if fragment and target.suffix == ".html":
                    page = soup(built_site, target.relative_to(built_site).as_posix())
                    if page.find(id=fragment) is None and page.find(None, {"name": fragment}) is None:
                        broken.append(f"{where}: no element #{fragment} in /{target.relative_to(built_site)}")
    return broken, external


def test_no_broken_internal_link_or_anchor(built_site: Path) -> None:
    broken, _ = scan(built_site)
    assert not broken, f"{len(broken)} broken internal links/anchors:\n" + "\n".join(broken)


def test_only_expected_external_hosts(built_site: Path) -> None:
    _, external = scan(built_site)
    unexpected = {host: sorted(pages) for host, pages in external.items() if host not in EXPECTED_EXTERNAL_HOSTS}
    assert not unexpected, "links to unexpected hosts:\n" + "\n".join(
        f"{host} (on {len(pages)} pages, e.g. {pages[0]})" for host, pages in sorted(unexpected.items())
    )
    assert set(external) == EXPECTED_EXTERNAL_HOSTS, "the guides' expected external links are missing"
