"""Renders a helper's markup for `<!-- kb:widget NAME -->` from widgets/templates/NAME.html.

Templates get the page language, `t(key)` (kb_logic's message catalogue), `rule_link(ID)` (a link to the
paragraph of the guides that states the rule, found from the `{ #rule-id }` anchors in docs/), and
`call(name, payload)` (kb_logic's bridge, to render the no-JavaScript fallback at build time).
"""

from __future__ import annotations

import json
import posixpath
import re
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from kb_logic import bridge, messages, published, vat

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "widgets" / "templates"
DOCS = ROOT / "docs"
RULE_ANCHOR = re.compile(r"\{\s*#((?:elig|acc|pay|vat|code|onb)-[a-z0-9]+)\s*\}")
LIST_SHORTCODE = re.compile(r"<!--\s*kb:list\s+(\S+)\s*-->")


class UnknownWidget(LookupError):
    pass


def names() -> list[str]:
    return sorted(p.stem for p in TEMPLATES.glob("*.html") if not p.stem.startswith("_"))


def _page_path(src: Path, lang: str) -> str:
    rel = src.relative_to(DOCS / lang).with_suffix("").as_posix()
    rel = "" if rel == "index" else rel.removesuffix("/index") + "/"
    return rel if lang == "fr" else f"en/{rel}"


@cache
def rule_pages(lang: str, stamp: float) -> dict[str, str]:
    """Rule ID -> site path of the page (and anchor) that states it, in that language."""
    found: dict[str, str] = {}
    list_rules = {key: [i.rule for i in items if i.rule] for key, items in published.lists(lang).items()}
    for src in sorted((DOCS / lang).rglob("*.md")):
        text = src.read_text(encoding="utf-8")
        ids = RULE_ANCHOR.findall(text)
        for key in LIST_SHORTCODE.findall(text):
            ids += [r.lower() for r in list_rules.get(key, [])]
        for anchor in ids:
            found.setdefault(anchor.upper(), f"{_page_path(src, lang)}#{anchor}")
    return found


def _docs_stamp() -> float:
    return max((p.stat().st_mtime for p in DOCS.rglob("*.md")), default=0.0)


@cache
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, lang: str, page_url: str) -> str:
    if name not in names():
        raise UnknownWidget(f"unknown helper {name!r} in <!-- kb:widget --> (known: {', '.join(names())})")
    links = rule_pages(lang, _docs_stamp())
    page_dir = posixpath.dirname(page_url.rstrip("/")) if page_url.endswith(".html") else page_url

    def rule_link(rule: str) -> str:
        target = links.get(rule.upper())
        if target is None:
            raise UnknownWidget(f"helper {name!r}: rule {rule} has no anchor in docs/{lang}")
        path, anchor = target.split("#")
        rel = posixpath.relpath(path or ".", page_dir or ".")
        return f"{'' if rel == '.' else rel + '/'}#{anchor}".replace("//", "/")

    def t(key: str, **params: Any) -> str:
        return messages.message(key, lang, **params)

    def call(call_name: str, payload: dict[str, Any]) -> dict[str, Any]:
        answer = bridge.call(call_name, {**payload, "lang": lang})
        if "error" in answer:
            raise UnknownWidget(f"helper {name!r}: fallback call {call_name} failed: {answer['error']}")
        return answer

    # What the runtime needs in the browser: the strings and rule links of this helper, as inert JSON.
    strings = {k: v for k, v in messages.catalogue(lang).items() if k.startswith(("ui.", "rule."))}
    runtime_data = json.dumps(
        {"lang": lang, "strings": strings, "rules": {r: rule_link(r) for r in links}},
        ensure_ascii=False, separators=(",", ":"),
    ).replace("</", "<\\/")
    html = _env().get_template(f"{name}.html").render(
        name=name, lang=lang, t=t, rule_link=rule_link, call=call, published=published,
        runtime_data=Markup(runtime_data), vat_countries=[(c, c) for c in sorted(vat.COUNTRIES)],
    )
    # Blank lines would end the raw-HTML block in Markdown; keep the markup one block.
    return "\n".join(line for line in html.splitlines() if line.strip())
