"""Moves the theme's inline scripts into same-origin files, so pages run under a strict CSP.

The Content-Security-Policy (overrides/main.html) allows scripts from this origin only (plus
'wasm-unsafe-eval' for Pyodide and Pagefind). Material writes three small inline scripts per page; each
becomes assets/inline/inline.<sha256>.js, written once and shared by every page with the same code.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

import build_phase
from build_phase import PostPage
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

INLINE_SCRIPT = re.compile(r"<script>(?P<code>.*?)</script>", re.S)

def _externalize(html: str, site_dir: str, root: str) -> str:
    def replace(match: re.Match[str]) -> str:
        code = match["code"]
        name = "inline." + hashlib.sha256(code.encode()).hexdigest()[:16] + ".js"  # hashed: cached `immutable`
        target = Path(site_dir) / "assets" / "inline" / name
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(code, encoding="utf-8")
        return f'<script src="{root}assets/inline/{name}"></script>'

    return INLINE_SCRIPT.sub(replace, html)


@event_priority(PostPage.CSP)  # after every other hook and plugin changed the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    depth = posixpath.relpath("/", "/" + posixpath.dirname(page.url.rstrip("/") + "/x"))
    root = "" if depth == "." else depth + "/"
    html = _externalize(output, config.site_dir, root)
    # `mkdocs serve` injects its livereload script inline into each page it serves, after every hook: allow
    # inline scripts there only, or an edited page never reloads by itself (the static build is unchanged).
    if build_phase.serving():
        html = html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'", 1)
    return html


@event_priority(PostPage.CSP)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content
    # 404.html is served at any depth: it needs paths from the site root.
    root = "/" + (config.site_url or "/").split("//", 1)[-1].partition("/")[2]
    return _externalize(output_content, config.site_dir, root if root.endswith("/") else root + "/")
