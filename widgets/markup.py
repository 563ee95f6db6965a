"""A helper's markup for `<!-- kb:widget NAME -->`, rendered from widgets/templates/NAME.html.

Templates get the page language, `t(key)` (kb_logic's message catalogue), `href(anchor)` (a link to the
guide paragraph or section that carries that anchor, found from the guides' sources), `call(name, payload)`
(kb_logic's bridge, to render the no-JavaScript fallback at build time) and the `answer` macro, which lays
out an answer exactly as widgets/runtime/render.js does in the browser.

The page embeds, as inert JSON, only what the runtime reads: the `ui.*` strings that widgets/runtime/*.js
ask for (found in their source, so a new `t("ui.…")` there is embedded without a list to keep in step) and
the href of each anchor kb_logic can answer with (`kb_logic.rules.anchors()`).

>>> sorted(names())
['access', 'eligibility', 'onboarding', 'payment', 'support_code', 'vat']
>>> "ui.copy.link" in runtime_keys() and "ui.loading" in runtime_keys()
True
>>> render("nope", "fr", "guide/")
Traceback (most recent call last):
    ...
widgets.markup.UnknownWidget: unknown helper 'nope' in <!-- kb:widget --> (known: access, eligibility, \
onboarding, payment, support_code, vat)
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any, Final

import jinja2
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from kb_logic import bridge, messages, published, rules, vat
from kb_logic.constants import FORM_MAX_PARTNERS, Lang

__all__ = ["FallbackFailed", "MissingAnchor", "UnknownWidget", "WidgetError", "names", "render",
           "runtime_keys"]

HERE: Final = Path(__file__).resolve().parent
TEMPLATES: Final = HERE / "templates"
RUNTIME: Final = HERE / "runtime"
DOCS: Final = HERE.parent / "docs"
GLOSSARY: Final = {"fr": "glossary/", "en": "en/glossary/"}

# Where a guide's source declares an anchor: attr_list ids (`{ #pay-c2 }`, `## Title { #vat-2 }`), and the
# shortcodes that render rule statements with their anchors (`<!-- kb:rule PAY-C2 -->`, `<!-- kb:list KEY -->`).
ATTR_ID: Final = re.compile(r"\{:?[^{}\n]*?#([A-Za-z][\w-]*)[^{}\n]*\}")
RULE_SHORTCODE: Final = re.compile(r"<!--\s*kb:rule\s+(\S+)\s*-->")
LIST_SHORTCODE: Final = re.compile(r"<!--\s*kb:list\s+(\S+)\s*-->")
# The strings the runtime asks for: `t("ui.…")` in widgets/runtime/*.js (never a computed key).
RUNTIME_KEY: Final = re.compile(r"""\bt\(\s*["'](ui\.[\w.]+)["']""")
# Per helper: the detail of its answer that "copy the number" copies (the normalised VAT number).
COPY_DETAIL: Final[dict[str, str]] = {"vat": "compact"}


class WidgetError(PluginError):
    """A helper cannot be rendered: the build stops with this message."""


class UnknownWidget(WidgetError, LookupError):
    """`<!-- kb:widget NAME -->` names no template in widgets/templates."""


class MissingAnchor(WidgetError, LookupError):
    """An anchor kb_logic can answer with is on no guide page (or on two) of that language."""


class FallbackFailed(WidgetError):
    """A no-JavaScript fallback asked kb_logic for an answer and got an error."""


def names() -> list[str]:
    return sorted(p.stem for p in TEMPLATES.glob("*.html") if not p.stem.startswith("_"))


def _page_path(src: Path, lang: str) -> str:
    rel = src.relative_to(DOCS / lang).with_suffix("").as_posix()
    rel = "" if rel == "index" else rel.removesuffix("/index") + "/"
    return rel if lang == "fr" else f"en/{rel}"


@cache
def anchor_pages(lang: Lang, stamp: float) -> dict[str, str]:
    """Each anchor kb_logic can answer with -> the site path of the guide page that carries it."""
    wanted = rules.anchors()
    list_rules = {key: [i.rule.lower() for i in items if i.rule] for key, items in published.lists(lang).items()}
    found: dict[str, list[str]] = {}
    for src in sorted((DOCS / lang).rglob("*.md")):
        if any(part.startswith("_") for part in src.relative_to(DOCS / lang).parts):
            continue  # partials (`_abbreviations.md`) are not pages
        text = src.read_text(encoding="utf-8")
        ids = set(ATTR_ID.findall(text)) | {r.lower() for r in RULE_SHORTCODE.findall(text)}
        for key in LIST_SHORTCODE.findall(text):
            ids.update(list_rules.get(key, []))
        for anchor in ids & wanted:
            found.setdefault(anchor, []).append(_page_path(src, lang))
    missing = sorted(wanted - found.keys())
    if missing:
        raise MissingAnchor(f"helpers: anchors kb_logic answers with are in no docs/{lang} guide: {missing}")
    # The glossary repeats some ids (its own entries); an answer links to the guide that states the rule.
    found = {a: [p for p in pages if p != GLOSSARY[lang]] or pages for a, pages in found.items()}
    twice = {a: p for a, p in found.items() if len(p) > 1}
    if twice:
        raise MissingAnchor(f"helpers: anchors on more than one docs/{lang} page (ambiguous links): {twice}")
    return {anchor: pages[0] for anchor, pages in found.items()}


def _docs_stamp() -> float:
    return max((p.stat().st_mtime for p in DOCS.rglob("*.md")), default=0.0)


@cache
def runtime_keys() -> tuple[str, ...]:
    keys = {k for js in sorted(RUNTIME.glob("*.js")) for k in RUNTIME_KEY.findall(js.read_text(encoding="utf-8"))}
    return tuple(sorted(keys))


@cache
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, lang: Lang, page_url: str) -> str:
    if name not in names():
        raise UnknownWidget(f"unknown helper {name!r} in <!-- kb:widget --> (known: {', '.join(names())})")
    pages = anchor_pages(lang, _docs_stamp())
    hrefs = {anchor: get_relative_url(f"{path}#{anchor}", page_url) for anchor, path in sorted(pages.items())}

    def href(anchor: str) -> str:
        if anchor not in hrefs:
            raise MissingAnchor(f"helper {name!r}: anchor {anchor!r} is not one kb_logic answers with")
        return hrefs[anchor]

    def t(key: str, **params: Any) -> str:
        return messages.message(key, lang, **params)

    def call(call_name: str, payload: dict[str, Any]) -> dict[str, Any]:
        answer = bridge.call(call_name, {**payload, "lang": lang})
        if "error" in answer:
            raise FallbackFailed(f"helper {name!r}: no-JavaScript fallback call {call_name} failed: {answer['error']}")
        return answer

    def rule_items(ids: list[str]) -> list[dict[str, str]]:
        """Rules as an answer's reasons: the statement a reader sees, and its anchor."""
        return [{"text": rules.text(rule, lang), "anchor": rules.anchor(rule)} for rule in ids]

    # What the runtime reads in the browser, as inert JSON: its strings, the anchors' hrefs, what to copy.
    # Anchors point into a handful of pages: each page's relative URL is written once, anchors carry its index.
    page_urls = sorted({href.partition("#")[0] for href in hrefs.values()})
    data: dict[str, Any] = {
        "lang": lang,
        # the "copy the number" strings only where the helper offers it
        "strings": {key: t(key) for key in runtime_keys()
                    if name in COPY_DETAIL or not key.startswith("ui.copy.number")},
        "pages": page_urls,
        "anchors": {anchor: page_urls.index(href.partition("#")[0]) for anchor, href in hrefs.items()},
    }
    if name in COPY_DETAIL:
        data["copy"] = COPY_DETAIL[name]
    runtime_data = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    html = _env().get_template(f"{name}.html").render(
        name=name, lang=lang, t=t, href=href, call=call, published=published, rule_items=rule_items,
        copy_detail=COPY_DETAIL.get(name), runtime_data=Markup(runtime_data),
        vat_countries=[(c, c) for c in sorted(vat.COUNTRIES)], form_max_partners=FORM_MAX_PARTNERS,
    )
    # Blank lines would end the raw-HTML block in Markdown; keep the markup one block.
    return "\n".join(line for line in html.splitlines() if line.strip())
