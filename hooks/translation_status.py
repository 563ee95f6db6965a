"""Translation freshness: an English page says when its French original changed after it.

The version a translation follows is read from git (hooks/git_history.py): the English file's last
commit that is a translation (not marked `Translation: not-needed`) translates the French file as it was
at that commit. A later commit of the French file makes the English page stale, unless that commit says
`Translation: not-needed` (trailer, e.g. a typo fix). An English-only fix (a typo in the translation)
carries the same trailer: otherwise it would count as translating the latest French page.
A stale page starts with a short notice in its own language:

    <div class="admonition note" data-kb-translation="stale" data-kb-source-date="2026-11-30">
      The French version of this page changed on <time datetime="2026-11-30">30 November 2026</time>,
      after this translation. <a href="../../x/" hreflang="fr">Read the French page</a></div>

The same rules print `make translations` (tools/translations.py). An English page not committed yet is
being written: no notice. The build also warns (strict: fails) when a page exists in one language only.
"""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import build_phase
import git_history
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from page_dates import sentence_html

__all__ = ["Status", "page_paths", "status"]

log = get_plugin_logger("kb.translations")
Kind = Literal["up_to_date", "stale", "missing", "uncommitted", "unknown"]


@dataclass(frozen=True)
class Status:
    """One translated page: ``since`` is the first French change not translated, ``source_date`` the last."""

    page: str  # path under the language folders, e.g. "billing-and-vat/vat-number.md"
    lang: str
    kind: Kind
    since: datetime.date | None = None
    source_date: datetime.date | None = None
    missing_in: str | None = None  # the language that lacks the page

    def describe(self) -> str:
        """One line for `make translations`."""
        if self.kind == "stale":
            return f"stale since {self.since} (French page changed {self.source_date})"
        if self.kind == "missing":
            return f"missing in {self.missing_in}"
        return {"up_to_date": "up to date", "uncommitted": "not committed yet (no verdict until committed)",
                "unknown": "unknown (no git history: not a git work tree, or a shallow clone)"}[self.kind]


def page_paths(docs: Path, lang: str) -> set[str]:
    """The guides of one language folder (files starting with `_` are excluded, as in mkdocs.yml)."""
    folder = docs / lang
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")
            if not any(part.startswith("_") for part in p.relative_to(folder).parts)}


def status(history: git_history.History, docs: Path, page: str, lang: str, source_lang: str) -> Status:
    """Whether ``docs/<lang>/<page>`` follows ``docs/<source_lang>/<page>``."""
    source, translation = docs / source_lang / page, docs / lang / page
    if not source.is_file() or not translation.is_file():
        return Status(page, lang, "missing", missing_in=source_lang if not source.is_file() else lang)
    if history.root is None:
        return Status(page, lang, "unknown")
    commits = history.commits(translation)
    if history.state(translation) == "uncommitted" or not commits:
        return Status(page, lang, "uncommitted")
    # the last real translation; a file whose every commit says not-needed translates what it first did
    translated = next((c for c in commits if c.translation_needed), commits[-1])
    # `order` counts from the newest commit: a smaller order is a later change
    later = [c for c in history.commits(source) if c.order < translated.order and c.translation_needed]
    if not later:
        return Status(page, lang, "up_to_date")
    return Status(page, lang, "stale", since=later[-1].date, source_date=later[0].date)


def notice_html(found: Status, ui: dict[str, str], href: str, source_lang: str) -> str:
    assert found.source_date is not None
    return (f'<div class="admonition note kb-translation" data-kb-translation="stale" '
            f'data-kb-source-date="{found.source_date.isoformat()}" data-pagefind-ignore><p>'
            f"{sentence_html(ui['translation_stale'], found.source_date, found.lang)} "
            f'<a href="{html.escape(href)}" hreflang="{source_lang}">{html.escape(ui["translation_stale_link"])}</a>'
            "</p></div>")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not build_phase.first_language(config):
        return files  # once per site: in the first language's build only
    langs = build_phase.all_languages(config)
    docs = Path(config.docs_dir)
    pages = {lang: page_paths(docs, lang) for lang in langs}
    everywhere = set().union(*pages.values())
    for lang in langs:
        for page in sorted(everywhere - pages[lang]):
            have = next(other for other in langs if page in pages[other])
            log.warning(f"docs/{lang}/{page}: missing: the page exists in docs/{have}/ only. "
                        f"Fix: write docs/{lang}/{page} (same path in every language).")
    return files


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    default = build_phase.default_language(config)
    lang = str(getattr(page.file, "locale", None) or default)
    if lang == default or page.file.abs_src_path is None:
        return content
    docs = Path(config.docs_dir)
    relative = Path(page.file.abs_src_path).resolve().relative_to((docs / lang).resolve()).as_posix()
    found = status(git_history.for_build(config, docs), docs, relative, lang, default)
    if found.kind != "stale":
        return content
    source_url = page.url.removeprefix(f"{lang}/")
    notice = notice_html(found, config.extra["ui"], get_relative_url(source_url or "./", page.url), default)
    # after the page title, where a reader looks first
    end = content.find("</h1>")
    if content.lstrip().startswith("<h1") and end >= 0:
        return content[: end + 5] + "\n" + notice + content[end + 5 :]
    return notice + content
