"""What static-i18n leaves undone for a truly bilingual site.

Each language gets its own 404 page. static-i18n renders the theme's 404 template once per language
into the same site root, so the last language built (English) won /404.html. We keep each rendering
and write French (the default language) at /404.html and English at /en/404.html.

Material's script reads every <link rel=alternate hreflang> of the head as a language root and fetches
"<href>/sitemap.xml"; static-i18n makes those links point at the page itself, so each page load made two
requests that end in 404. The hreflang alternates stay where search engines read them, in sitemap.xml,
and the language switcher in the header keeps its per-page links.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

_rendered_404: dict[str, str] = {}
SWITCHER_LINK = re.compile(r'<a href="[^"]*" hreflang="(?P<lang>[a-z]{2})"')
# No leading \s*: a pattern that starts with a literal is found by a fast scan (5 s less at 2000 pages).
HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[a-z-]+">\n?')


def on_post_page(output: str, page: object, config: MkDocsConfig) -> str:
    return HEAD_ALTERNATE.sub("", output)


def _i18n(config: MkDocsConfig) -> object | None:
    return config.plugins.get("i18n")


@event_priority(-400)  # after hooks/csp.py rewrote the page
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        output_content = HEAD_ALTERNATE.sub("", output_content)
        # static-i18n leaves the switcher pointing at the last page built; a 404 offers the home pages.
        output_content = SWITCHER_LINK.sub(
            lambda m: f'<a href="{"/" if m["lang"] == "fr" else "/" + m["lang"] + "/"}" hreflang="{m["lang"]}"',
            output_content,
        )
        lang = getattr(_i18n(config), "current_language", None) or config.theme["language"]
        _rendered_404[str(lang)] = output_content
    return output_content


@event_priority(-150)  # after static-i18n's on_post_build (-100), which runs the other languages' builds
def on_post_build(config: MkDocsConfig) -> None:
    i18n = _i18n(config)
    if getattr(i18n, "building", False):
        return  # a nested language build: the outer build writes every language at the end
    default = str(getattr(i18n, "default_language", None) or config.theme["language"])
    site = Path(config.site_dir)
    for lang, html in _rendered_404.items():
        target = site / "404.html" if lang == default else site / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    _rendered_404.clear()
