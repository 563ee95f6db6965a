"""Drops the templates' indentation from every page: at scale, the navigation's indentation alone is a
third of the site's HTML bytes (1000 guides x 2: about 113 MB of HTML -> 78 MB).

Each whitespace run that holds a line break becomes one line break. Browsers render any whitespace run
in normal flow as one space, so pages look the same; <pre>, <textarea> and <script> are left as they are.
"""

from __future__ import annotations

import re

from build_phase import PostPage
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

KEEP = re.compile(r"<(pre|textarea|script)\b", re.I)
INDENT = re.compile(r"\n\s+")


def compact(html: str) -> str:
    out: list[str] = []
    pos = 0
    while (found := KEEP.search(html, pos)) is not None:
        out.append(INDENT.sub("\n", html[pos : found.start()]))
        end = html.find(f"</{found[1]}", found.end())
        end = len(html) if end < 0 else end
        out.append(html[found.start() : end])
        pos = end
    out.append(INDENT.sub("\n", html[pos:]))
    return "".join(out)


@event_priority(PostPage.LAST)  # the very last change to a page (after csp.py)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return compact(output)
