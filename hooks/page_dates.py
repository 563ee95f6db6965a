"""Each page ends with the date of its last change, in the page's language, from git.

    <p class="kb-updated" data-kb-updated="2026-11-30">
      Mis à jour le <time datetime="2026-11-30">30 novembre 2026</time></p>

Each language's page has its own date (docs/fr/x.md and docs/en/x.md are two files). The history comes
from one `git log` pass per build (hooks/git_history.py); mkdocs-git-revision-date-localized runs one
`git log` per page, 2000 processes at 1000 guides x 2. A page edited but not committed says so instead of
showing its previous commit's date; outside git (an unpacked archive) pages show no date at all.
The sentence is `extra.ui.updated` ("{date}" is replaced), so each language has its own.
The 404 pages have no Markdown source: they are dated by their template (overrides/404.html calls
`kb_template_updated("404.html")`, the date of the template's last commit in the theme's custom_dir).
"""

from __future__ import annotations

import datetime
import html
from functools import cache
from pathlib import Path
from typing import Any

import build_phase
import git_history
from babel.dates import format_date
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

__all__ = ["long_date", "updated_html"]

# Babel locale of each page language: the company is Swiss (fr-CH as kb_logic's formats, en-CH: "30 November").
BABEL_LOCALE = {"fr": "fr_CH", "en": "en_CH"}


@cache  # few distinct dates, thousands of pages: Babel once per date
def long_date(day: datetime.date, lang: str) -> str:
    """The date as a reader of ``lang`` writes it.

    >>> long_date(datetime.date(2026, 11, 30), "fr"), long_date(datetime.date(2026, 11, 30), "en")
    ('30 novembre 2026', '30 November 2026')
    >>> long_date(datetime.date(2026, 12, 1), "fr")  # French writes the first day as an ordinal
    '1er décembre 2026'
    """
    text = format_date(day, format="long", locale=BABEL_LOCALE.get(lang, lang))
    if lang == "fr" and day.day == 1 and text.startswith("1 "):
        text = "1er" + text[1:]
    return text


def time_html(day: datetime.date, lang: str) -> str:
    return f'<time datetime="{day.isoformat()}">{html.escape(long_date(day, lang))}</time>'


def sentence_html(template: str, day: datetime.date, lang: str) -> str:
    """``template`` (a chrome string with "{date}") with the date as a <time> element."""
    before, _, after = template.partition("{date}")
    return html.escape(before) + time_html(day, lang) + html.escape(after)


def updated_html(history: git_history.History, path: Path, lang: str, ui: dict[str, str]) -> str:
    """The page's last-updated line; empty outside git."""
    state = history.state(path)
    last = history.last(path)
    if state == "unknown":
        return ""
    # data-pagefind-ignore: the date is not something to search for
    if state == "uncommitted" or last is None:
        return (f'<p class="kb-updated" data-kb-updated="uncommitted" data-pagefind-ignore>'
                f"{html.escape(ui['updated_uncommitted'])}</p>")
    return (f'<p class="kb-updated" data-kb-updated="{last.date.isoformat()}" data-pagefind-ignore>'
            f"{sentence_html(ui['updated'], last.date, lang)}</p>")


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    def template_updated(name: str) -> Markup:
        """The updated line of a page made from a template alone (the 404 pages), from the template's history."""
        custom = config.theme.custom_dir
        if custom is None:
            return Markup("")
        history = git_history.for_build(config, Path(custom))
        lang = build_phase.language(config)
        return Markup(updated_html(history, Path(custom) / name, lang, config.extra["ui"]))  # updated_html escapes

    env.globals["kb_template_updated"] = template_updated
    return env


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.abs_src_path is None:
        return content
    history = git_history.for_build(config, Path(config.docs_dir))
    lang = str(getattr(page.file, "locale", None) or config.theme["language"])
    return content + updated_html(history, Path(page.file.abs_src_path), lang, config.extra["ui"])
