"""French and English typography on every page's text: guides, home, glossary, 404, helpers' fallbacks.

Writers type plain text; this hook gives each page the typography of its `<html lang>` with
`kb_logic.typography` (the function kb_logic's own strings go through, so a page and a helper's answer
read alike). Only text nodes change: tags and attributes are re-emitted byte for byte, and the content
of code, pre, kbd, samp, var, script, style, textarea, template, svg and math is never read.

The site's own strings (`extra.ui` in mkdocs.yml: search, 404, dates, the dev banner) also reach readers
as attributes (a button's title, the search status a script shows) that this hook never reads: they get
their language's typography once, when each language's build starts (`on_env`), wherever they end up.

A page becomes one string in which every tag is a marker (inline tags are transparent, a block tag is a
boundary, code is an opaque word), so `<strong>mot</strong> :` is seen as one text; the markers come
back in order and each tag is put back where its marker is.
"""

from __future__ import annotations

import html
import re
from typing import Any, Final

import build_phase
from build_phase import PostPage
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from kb_logic.constants import LANGS, Lang
from kb_logic.typography import BREAK, INLINE, OPAQUE, apply, apply_marked

log = get_plugin_logger(__name__)

# One token: a whole raw-text element (its content is not markup), a comment, a doctype, or a tag.
# Attributes, unrolled and possessive: fast, and an unclosed tag cannot make the engine backtrack.
_ATTRIBUTES = r"""[^>"']*+(?:(?:"[^"]*+"|'[^']*+')[^>"']*+)*+"""
TOKEN: Final = re.compile(
    r"(<(?:script\b" + _ATTRIBUTES + r">.*?</script\s*>"
    r"|style\b" + _ATTRIBUTES + r">.*?</style\s*>"
    r"|textarea\b" + _ATTRIBUTES + r">.*?</textarea\s*>"
    r"|/?[A-Za-z]" + _ATTRIBUTES + r">|!--.*?-->|![^>]*>|\?[^>]*>))",
    re.S | re.I,
)
TAG_NAME: Final = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)")
HTML_LANG: Final = re.compile(r"<html\b[^>]*?\blang=[\"']?([A-Za-z]{2})", re.I)
PRIVATE: Final = (INLINE, OPAQUE, BREAK, "\ue003")  # the markers, and the one kb_logic uses inside
MARKERS: Final = re.compile(f"([{INLINE}{OPAQUE}{BREAK}])")
PRIVATE_REFERENCE: Final = re.compile("&#(?:[xX][eE]00[0-3]|5734[4-7]);")

INLINE_TAGS: Final = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "del", "em", "i", "ins", "label", "mark", "q", "s",
     "small", "span", "strong", "sub", "sup", "time", "u", "wbr"}
)
"""Tags inside a sentence: the rules see through them."""
OPAQUE_ELEMENTS: Final = frozenset({"code", "kbd", "samp", "var", "svg", "math", "img", "input"})
"""Elements read as one word whose content is never changed."""
SKIPPED_ELEMENTS: Final = frozenset({"pre", "script", "style", "textarea", "template"})
"""Elements whose content is never changed and that end a sentence."""
RAW_TEXT: Final = frozenset({"script", "style", "textarea"})
"""Their content is not markup: it ends at the first closing tag."""
VOID: Final = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


def typeset(page_html: str) -> str:
    """The page with its language's typography on every text node (unchanged if its language is neither)."""
    found = HTML_LANG.search(page_html, 0, 4000)
    if found is None or found[1].lower() not in ("fr", "en"):
        return page_html
    lang: Lang = "fr" if found[1].lower() == "fr" else "en"
    if any(char in page_html for char in PRIVATE) or ("&#" in page_html and PRIVATE_REFERENCE.search(page_html)):
        # a character the markers use: this page is not ours to change
        log.warning("typography: a page holds a private-use character U+E000-U+E003; left untouched")
        return page_html
    raw_texts, tokens, markers = _split(page_html)
    texts = [html.unescape(raw) if "&" in raw else raw for raw in raw_texts]
    marked = [""] * (2 * len(texts) - 1)
    marked[0::2] = texts
    marked[1::2] = markers
    done = MARKERS.split(apply_marked("".join(marked), lang))
    if done[1::2] != markers:  # never happens; if it did, the page is left as it was
        log.warning("typography: the markers of a page changed; page left untouched")
        return page_html
    out = [""] * (2 * len(texts) - 1)
    out[1::2] = tokens
    for index, text in enumerate(done[0::2]):
        out[2 * index] = raw_texts[index] if text == texts[index] else html.escape(text, quote=False)
    return "".join(out)


_KINDS: dict[str, tuple[str, str | None]] = {}  # token -> (marker, name of an element whose content is skipped)


def _kind(token: str) -> tuple[str, str | None]:
    known = _KINDS.get(token)
    if known is not None:
        return known
    found = TAG_NAME.match(token)
    name = found[2].lower() if found is not None else ""
    if not name or name in INLINE_TAGS:
        kind: tuple[str, str | None] = (INLINE, None)  # comments and doctypes are invisible
    elif name in OPAQUE_ELEMENTS or name in SKIPPED_ELEMENTS:
        opens = found is not None and not found[1] and name not in VOID and not token.endswith("/>")
        raw = name in RAW_TEXT  # the whole element is already one token
        kind = (OPAQUE if name in OPAQUE_ELEMENTS else BREAK, name if opens and not raw else None)
    else:
        kind = (BREAK, None)
    if len(_KINDS) < 4096:  # most tags repeat on every page (</span>, <li class="md-nav__item">)
        _KINDS[token] = kind
    return kind


def _split(page_html: str) -> tuple[list[str], list[str], list[str]]:
    """Raw texts, tokens and one marker per token: text i stands before token i, one more text than tokens.

    An element whose content is skipped (code, pre, svg…) becomes one token, its content included.
    Lists are sliced, not walked, so that a page costs few Python steps per tag.
    """
    pieces = TOKEN.split(page_html)
    texts, tokens = pieces[0::2], pieces[1::2]
    kinds = [_KINDS.get(token) or _kind(token) for token in tokens]
    markers = [kind[0] for kind in kinds]
    skips = [index for index, kind in enumerate(kinds) if kind[1] is not None]
    if not skips:
        return texts, tokens, markers
    out_texts, out_tokens, out_markers = [texts[0]], [], []
    done = 0  # tokens before this index are copied
    for start in skips:
        if start < done:
            continue  # inside an element already taken whole (svg in svg)
        out_tokens += tokens[done:start]
        out_markers += markers[done:start]
        out_texts += texts[done + 1 : start + 1]
        name, depth, end = kinds[start][1], 1, start
        while depth and end + 1 < len(tokens):
            end += 1
            found = TAG_NAME.match(tokens[end])
            if found is not None and found[2].lower() == name and not tokens[end].endswith("/>"):
                depth += -1 if found[1] else 1
        out_tokens.append(tokens[start] + "".join(texts[i] + tokens[i] for i in range(start + 1, end + 1)))
        out_markers.append(markers[start])
        out_texts.append(texts[end + 1])
        done = end + 1
    out_tokens += tokens[done:]
    out_markers += markers[done:]
    out_texts += texts[done + 1 :]
    return out_texts, out_tokens, out_markers


def typeset_strings(strings: dict[str, str], lang: str) -> dict[str, str]:
    """The site's strings of one language with its typography (unchanged if the language is neither)."""
    for known in LANGS:
        if lang == known:
            return {key: apply(text, known) if isinstance(text, str) else text for key, text in strings.items()}
    return strings


def on_env(env: Any, config: MkDocsConfig, files: Any) -> Any:
    # static-i18n gives each language its own extra.ui before this event; a new dict, never a shared one changed
    ui = config.extra.get("ui")
    if isinstance(ui, dict):
        config.extra["ui"] = typeset_strings(ui, build_phase.language(config))
    return env


@event_priority(PostPage.TYPOGRAPHY)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return typeset(output)


@event_priority(PostPage.TYPOGRAPHY)  # the 404 pages are templates, not pages
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return typeset(output_content) if template_name.endswith(".html") else output_content


if __name__ == "__main__":  # figures: .venv/bin/python hooks/typography.py SITE_DIR (ms per page, pages as built)
    import sys
    import time
    from pathlib import Path

    files = sorted(p for p in Path(sys.argv[1]).rglob("*.html") if "assets" not in p.parts)
    pages = [p.read_text(encoding="utf-8") for p in files]
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        for page in pages:
            typeset(page)
        runs.append((time.perf_counter() - start) / len(pages))
    size = sum(map(len, pages)) / len(pages) / 1000
    print(f"{len(pages)} pages, {size:.0f} k characters each: {min(runs) * 1000:.2f} ms per page (best of 5)")
