"""What the site tests share: the pages (from docs/), the built pages parsed once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
LANGS = ("fr", "en")
PREFIX = {"fr": "", "en": "en/"}  # French at /, English at /en/


@dataclass(frozen=True)
class Page:
    lang: str
    src: str   # path inside docs/<lang>/, e.g. "billing-and-vat/vat-number.md"
    path: str  # site path without the leading slash, e.g. "en/billing-and-vat/vat-number/"

    @property
    def file(self) -> str:
        return self.path + "index.html"

    @property
    def is_guide(self) -> bool:
        return self.src not in ("index.md", "glossary.md")

    @property
    def counterpart(self) -> Page:
        other = "en" if self.lang == "fr" else "fr"
        return page_for(other, self.src)

    def __str__(self) -> str:
        return "/" + self.path


def source_files(lang: str) -> list[str]:
    """docs/<lang>/**/*.md, without the partials (`_*.md`, excluded from the build like in mkdocs.yml)."""
    base = DOCS / lang
    return sorted(
        p.relative_to(base).as_posix() for p in base.rglob("*.md")
        if not any(part.startswith("_") for part in p.relative_to(base).parts)
    )


def page_for(lang: str, src: str) -> Page:
    stem = src.removesuffix(".md")
    rel = "" if stem == "index" else stem.removesuffix("/index") + "/"
    return Page(lang, src, PREFIX[lang] + rel)


def pages(lang: str | None = None) -> list[Page]:
    return [page_for(lg, src) for lg in ([lang] if lang else LANGS) for src in source_files(lg)]


def guides(lang: str | None = None) -> list[Page]:
    return [p for p in pages(lang) if p.is_guide]


_SITE_URL = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
assert _SITE_URL, "mkdocs.yml has no site_url"
SITE_URL = _SITE_URL[1]


@cache
def _parse(path: Path, mtime: float) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def soup(built_site: Path, file: str) -> BeautifulSoup:
    """A built page, parsed once per session (the same file is read by several tests): read it, never change
    it (`copy.copy()` it first), or a later test sees the change."""
    path = built_site / file
    assert path.is_file(), f"/{file} is not in the built site"
    return _parse(path, path.stat().st_mtime)


