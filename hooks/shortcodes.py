"""Expands the HTML-comment shortcodes of the guides; an unknown or malformed one fails the build.

    <!-- kb:rule ID -->       a rule's statement (kb_logic's catalogue) with its anchor, as a paragraph,
                              or as a list item when written after "- " or "1. "
    <!-- kb:value NAME -->    a constant as the language writes it (threshold_chf, max_rate…), inline
    <!-- kb:list KEY -->      a list published by kb_logic (conditions, advantages…) with its rule anchors
    <!-- kb:widget NAME -->   an interactive helper (markup rendered by widget_markup from widgets/)

Statements hold their links docs-root-relative (``glossary.md#cashback``): each is made relative to
the page that shows it.

It also appends the page language's glossary abbreviations (docs/<lang>/_abbreviations.md), so the
glossary terms get a tooltip on every page of that language. A tooltip is an attribute, which the
typography hook never changes: each definition gets the language's typography here.
"""

from __future__ import annotations

import posixpath
import re
import sys
from functools import cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb_logic import published, rules, typography
from kb_logic.constants import Lang
from kb_logic.messages import LANGS, values

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the helpers' markup lives in widgets/
from widgets import markup as widget_markup

SHORTCODE = re.compile(r"<!--\s*kb:(?P<kind>[\w-]+)(?P<args>[^>]*?)\s*-->")
# Anything that looks like our prefix but is not a well-formed shortcode is a typo: fail loudly.
LOOKS_LIKE_SHORTCODE = re.compile(r"<!--\s*kb\b")


def page_lang(page: Page) -> Lang:
    locale = getattr(page.file, "locale", None)
    for lang in LANGS:
        if locale == lang:
            return lang
    raise PluginError(f"{page.file.src_uri}: cannot tell the page language (got {locale!r})")


LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)")
LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d+\.)[ \t]+")


def relative_links(markdown: str, lang: Lang, where: str) -> str:
    """Make the docs-root-relative links of a kb_logic text relative to the page ``where``."""
    page = where.removeprefix(f"{lang}/")
    base = posixpath.dirname(page)

    def relink(match: re.Match[str]) -> str:
        target = match["target"]
        if re.match(r"[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            return match[0]  # an absolute URL, or an anchor of the same page
        path, hash_, fragment = target.partition("#")
        shown = "" if path == page else posixpath.relpath(path, base or ".")
        return f"[{match['text']}]({shown}{hash_}{fragment})"

    return LINK.sub(relink, markdown)


def render_rule(rule_id: str, lang: Lang, where: str, before: str) -> str:
    """A rule's statement and its anchor: a paragraph, or the list item that ``before`` opens."""
    if rule_id not in rules.RULE_IDS:
        raise PluginError(f"{where}: unknown rule {rule_id!r} in <!-- kb:rule --> (see kb_logic.rules.RULE_IDS)")
    text = relative_links(rules.statement(rule_id, lang), lang, where)
    if LIST_ITEM.fullmatch(before):
        # attr_list only attaches to a list item from its own continuation line
        return f"{text}\n{' ' * len(before)}{{ #{rules.anchor(rule_id)} }}"
    if before.strip():
        raise PluginError(f"{where}: <!-- kb:rule {rule_id} --> must start a paragraph or a list item")
    return f"{text}\n{{ #{rules.anchor(rule_id)} }}"


def render_value(name: str, lang: Lang, where: str) -> str:
    shown = values(lang)
    if name not in shown:
        raise PluginError(f"{where}: unknown value {name!r} in <!-- kb:value --> (known: {', '.join(shown)})")
    return shown[name]


def render_list(key: str, lang: Lang, where: str) -> str:
    lists = published.lists(lang)
    if key not in lists:
        known = ", ".join(sorted(lists))
        raise PluginError(f"{where}: unknown list {key!r} in <!-- kb:list --> (known: {known})")
    lines: list[str] = []
    for item in lists[key]:
        lines.append(f"- {relative_links(item.text, lang, where)}")
        if item.rule:
            # attr_list only attaches to a list item from its own continuation line
            lines.append(f"  {{ #{item.rule.lower()} }}")
    return "\n".join(lines)


def expand(markdown: str, lang: Lang, where: str, page_url: str, widgets: list[str]) -> str:
    def replace(match: re.Match[str]) -> str:
        kind, args = match["kind"], match["args"].split()
        if kind == "rule" and len(args) == 1:
            line_start = markdown.rfind("\n", 0, match.start()) + 1
            return render_rule(args[0], lang, where, markdown[line_start : match.start()])
        if kind == "value" and len(args) == 1:
            return render_value(args[0], lang, where)
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
        raise PluginError(f"{where}: unknown shortcode {match[0]!r} (known: kb:rule ID, kb:value NAME, kb:list KEY,"
                          " kb:widget NAME)")

    expanded = SHORTCODE.sub(replace, markdown)
    stray = LOOKS_LIKE_SHORTCODE.search(expanded)
    if stray:
        line = expanded[: stray.start()].count("\n") + 1
        raise PluginError(f"{where}:{line}: malformed kb shortcode")
    return expanded


ABBREVIATION = re.compile(r"^(?P<head>\*\[(?P<term>[^\]]+)\]:)(?P<definition>.*)$")


@cache
def _abbreviations(path: Path, mtime: float, lang: Lang) -> tuple[tuple[str, str], ...]:
    """(term, definition line with the typography of `lang`) of each abbreviation; read again when the file changes."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(
        (found["term"], found["head"] + typography.apply(found["definition"], lang))
        for line in lines
        if (found := ABBREVIATION.match(line))
    )


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = page_lang(page)
    widgets: list[str] = []
    markdown = expand(markdown, lang, page.file.src_uri, page.url, widgets)
    # The page template loads the widget runtime only where a helper is (pages without: no Pyodide bytes).
    page.meta["kb_widgets"] = widgets
    abbreviations = Path(config.docs_dir) / lang / "_abbreviations.md"
    if abbreviations.is_file():
        # Only the terms this page uses: the abbr extension pays for every definition on every page.
        used = [line for term, line in _abbreviations(abbreviations, abbreviations.stat().st_mtime, lang)
                if term in markdown]
        if used:
            markdown += "\n\n" + "\n".join(used)
    return markdown
