"""What static-i18n leaves undone for a truly bilingual site.

Each language gets its own 404 page. static-i18n renders the theme's 404 template once per language
into the same site root, so the last language built (English) won /404.html. We keep each rendering
and write French (the default language) at /404.html and English at /en/404.html.

The toc extension titles each heading's link "Permanent link" whatever the language: each page gets its
language's `extra.ui.permalink` instead.

Material's script reads every <link rel=alternate hreflang> of the head as a language root and fetches
"<href>/sitemap.xml"; static-i18n makes those links point at the page itself, so each page load made two
requests that end in 404. The hreflang alternates stay where search engines read them, in sitemap.xml,
and the language switcher in the header keeps its per-page links.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

import build_phase
from build_phase import PostBuild, PostPage
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


class _Rendered404:
    """Each language's rendering of the 404 template, kept until the outer build writes them all."""

    pages: ClassVar[dict[str, str]] = {}


_rendered = _Rendered404()
SWITCHER_LINK = re.compile(r'<a href="[^"]*" hreflang="(?P<lang>[a-z]{2})"')
# No leading \s*: a pattern that starts with a literal is found by a fast scan (5 s less at 2000 pages).
HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[a-z-]+">\n?')


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    # read when the page's Markdown is converted, with the language's `extra` in place
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = config.extra["ui"]["permalink"]
    return page


def on_post_page(output: str, page: object, config: MkDocsConfig) -> str:
    return HEAD_ALTERNATE.sub("", output)


@event_priority(PostPage.LAST)  # after hooks/csp.py rewrote the page
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        output_content = HEAD_ALTERNATE.sub("", output_content)
        # static-i18n leaves the switcher pointing at the last page built; a 404 offers the home pages.
        output_content = SWITCHER_LINK.sub(
            lambda m: f'<a href="{"/" if m["lang"] == "fr" else "/" + m["lang"] + "/"}" hreflang="{m["lang"]}"',
            output_content,
        )
        _rendered.pages[build_phase.language(config)] = output_content
    return output_content


@event_priority(PostBuild.PAGES_404)
def on_post_build(config: MkDocsConfig) -> None:
    if not build_phase.site_done(config):
        return  # a nested language build: the outer build writes every language at the end
    default = build_phase.default_language(config)
    site = Path(config.site_dir)
    for lang, html in _rendered.pages.items():
        target = site / "404.html" if lang == default else site / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    _rendered.pages.clear()
