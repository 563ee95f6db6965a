"""Expands the HTML-comment shortcodes of the guides; an unknown or malformed one fails the build.

    <!-- kb:list KEY -->      a list published by kb_logic (conditions, advantages…) with its rule anchors
    <!-- kb:widget NAME -->   an interactive helper (markup rendered by widget_markup from widgets/)

It also appends the page language's glossary abbreviations (docs/<lang>/_abbreviations.md), so the
glossary terms get a tooltip on every page of that language.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import widget_markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb_logic import published
from kb_logic.messages import LANGS

SHORTCODE = re.compile(r"<!--\s*kb:(?P<kind>[\w-]+)(?P<args>[^>]*?)\s*-->")
# Anything that looks like our prefix but is not a well-formed shortcode is a typo: fail loudly.
LOOKS_LIKE_SHORTCODE = re.compile(r"<!--\s*kb\b")


def page_lang(page: Page) -> str:
    lang = getattr(page.file, "locale", None)
    if lang not in LANGS:
        raise PluginError(f"{page.file.src_uri}: cannot tell the page language (got {lang!r})")
    return str(lang)


def render_list(key: str, lang: str, where: str) -> str:
    lists = published.lists(lang)
    if key not in lists:
        known = ", ".join(sorted(lists))
        raise PluginError(f"{where}: unknown list {key!r} in <!-- kb:list --> (known: {known})")
    lines: list[str] = []
    for item in lists[key]:
        lines.append(f"- {item.text}")
        if item.rule:
            # attr_list only attaches to a list item from its own continuation line
            lines.append(f"  {{ #{item.rule.lower()} }}")
    return "\n".join(lines)


def expand(markdown: str, lang: str, where: str, page_url: str, widgets: list[str]) -> str:
    def replace(match: re.Match[str]) -> str:
        kind, args = match["kind"], match["args"].split()
        if kind == "list" and len(args) == 1:
            return render_list(args[0], lang, where)
        if kind == "widget" and len(args) == 1:
            if args[0] in widgets:
                raise PluginError(f"{where}: helper {args[0]!r} twice on one page (its state lives in the URL)")
            widgets.append(args[0])
            try:
                return widget_markup.render(args[0], lang, page_url)
            except widget_markup.UnknownWidget as exc:
                raise PluginError(f"{where}: {exc}") from None
        raise PluginError(f"{where}: unknown shortcode {match[0]!r} (known: kb:list KEY, kb:widget NAME)")

    expanded = SHORTCODE.sub(replace, markdown)
    stray = LOOKS_LIKE_SHORTCODE.search(expanded)
    if stray:
        line = expanded[: stray.start()].count("\n") + 1
        raise PluginError(f"{where}:{line}: malformed kb shortcode")
    return expanded


ABBREVIATION = re.compile(r"^\*\[(?P<term>[^\]]+)\]:")


@cache
def _abbreviations(path: Path, mtime: float) -> tuple[tuple[str, str], ...]:
    """(term, definition line) of each glossary abbreviation; read again when the file changes."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple((found["term"], line) for line in lines if (found := ABBREVIATION.match(line)))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = page_lang(page)
    widgets: list[str] = []
    markdown = expand(markdown, lang, page.file.src_uri, page.url, widgets)
    # The page template loads the widget runtime only where a helper is (pages without: no Pyodide bytes).
    page.meta["kb_widgets"] = widgets
    abbreviations = Path(config.docs_dir) / lang / "_abbreviations.md"
    if abbreviations.is_file():
        # Only the terms this page uses: the abbr extension pays for every definition on every page.
        used = [line for term, line in _abbreviations(abbreviations, abbreviations.stat().st_mtime)
                if term in markdown]
        if used:
            markdown += "\n\n" + "\n".join(used)
    return markdown
