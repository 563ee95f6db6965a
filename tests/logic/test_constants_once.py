"""Each constant is written once (kb_logic/constants.py): a literal 35 (the rate cap, also as the
string "35"), 2000 or 1800 (the thresholds), or 200 / 100 near "partners" / "products" (MAX_PARTNERS,
MAX_PRODUCTS) anywhere else in code, templates or prose fails here. Docstrings and comments may show
them (doctests check those against the real values); tests are not scanned."""

from __future__ import annotations

import ast
import io
import re
import token
import tokenize
from pathlib import Path

import pytest

from .conftest import REPO

pytestmark = pytest.mark.no_pyodide

CODE_NUMBERS = {"35", "0.35", ".35", "2000", "2_000", "1800", "1_800"}
SHOWN = re.compile(
    r"(?<![\d.,+])(?:35 ?[%\u202f\u00a0]|35\u00a0?%|2[ ,'’\u202f\u00a0]?000|1[ ,'’\u202f\u00a0]?800)(?![\d])"
)
"""The constants as a text shows them: 35 %, 2000, 2 000, 2,000, 1800, 1'800…"""
MARKUP_NUMBER = re.compile(r"(?<![\w.#+-])(?:35|0\.35|2000|1800)(?![\w.])")
"""A bare number in a template or a script (not inside a colour like #a35a00)."""
LIMITS = re.compile(
    r"(?i)(?:\b(?:partner|partenaire)s?\b\D{0,40}(?<![\d.,])200(?![\d.,])"
    r"|(?<![\d.,])200(?![\d.,])\D{0,40}\b(?:partner|partenaire)s?\b"
    r"|\b(?:product|produit)s?\b\D{0,40}(?<![\d.,])100(?![\d.,])"
    r"|(?<![\d.,])100(?![\d.,])\D{0,40}\b(?:product|produit)s?\b)"
)
"""MAX_PARTNERS and MAX_PRODUCTS: 200 and 100 are too common to ban, but not near "partners"/"products"."""

ALLOWED: dict[str, tuple[str, ...]] = {
    # The published "why Infomaniak" list: a growth figure, not the cashback cap.
    "src/kb_logic/_catalogue/published.py": ("+35 % en France", "+35% in France"),
    # Sample inputs of the benchmarks, and a number of calls: not the thresholds.
    "tools/bench_logic.py": ('"annual_amount": 2000', "default=2000", "(default 2000)"),
    "tools/make_snapshot.mjs": ('"annual_amount": 2000',),
}
"""Occurrences that are other facts with the same digits, by file: each one commented above."""

SCANNED = {
    "code": ("src/**/*.py", "hooks/**/*.py", "tools/**/*.py", "widgets/**/*.py"),
    "markup": ("widgets/**/*.html", "widgets/**/*.js", "overrides/**/*.html", "overrides/**/*.js",
               "tools/**/*.mjs", "tools/**/*.js", "mkdocs.yml"),
    "prose": ("docs/**/*.md",),
}  # fmt: skip
HOME = "src/kb_logic/constants.py"


def _value(literal: str) -> str:
    """The text of a string literal (escapes such as \\u202f read), or the literal as written."""
    try:
        value = ast.literal_eval(literal)
    except (ValueError, SyntaxError):
        return literal
    return value if isinstance(value, str) else literal


def _python_hits(source: str) -> list[tuple[int, str]]:
    """Numbers in code, and displayed values in strings that are not docstrings; comments skipped."""
    hits: list[tuple[int, str]] = []
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    for index, tok in enumerate(tokens):
        if tok.type == token.NUMBER:
            if tok.string in CODE_NUMBERS or (tok.string in ("200", "100") and LIMITS.search(tok.line)):
                hits.append((tok.start[0], tok.line.strip()))
        elif tok.type == token.STRING:
            before = next((t for t in reversed(tokens[:index]) if t.type not in (token.NL, token.COMMENT)), None)
            after = next((t for t in tokens[index + 1 :] if t.type not in (token.NL, token.COMMENT)), None)
            docstring = (before is None or before.type in (token.NEWLINE, token.INDENT, token.DEDENT)) and (
                after is None or after.type in (token.NEWLINE, token.ENDMARKER)
            )
            value = _value(tok.string)
            bare = value.strip() in CODE_NUMBERS  # Decimal("35")
            if not docstring and (bare or SHOWN.search(value) or LIMITS.search(value)):
                hits.append((tok.start[0], tok.line.strip()))
    return hits


def _hits(path: Path, kind: str) -> list[tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    if kind == "code":
        return _python_hits(text)
    pattern = SHOWN if kind == "prose" else MARKUP_NUMBER
    lines = text.splitlines()
    return [(n, line.strip()) for n, line in enumerate(lines, 1) if pattern.search(line) or LIMITS.search(line)]


def test_constants_are_written_once() -> None:
    found: list[str] = []
    for kind, globs in SCANNED.items():
        for pattern in globs:
            for path in sorted(REPO.glob(pattern)):
                rel = path.relative_to(REPO).as_posix()
                if rel == HOME or "node_modules" in rel or "/assets/pyodide/" in rel:
                    continue
                for line_no, line in _hits(path, kind):
                    if not any(allowed in line for allowed in ALLOWED.get(rel, ())):
                        found.append(f"{rel}:{line_no}: {line[:100]}")
    assert not found, "a constant written outside kb_logic/constants.py:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("text", "kind", "hit"),
    [
        ('max = 35\n', "code", True),
        ('rate = 0.35\n', "code", True),
        ('x = "jusqu\'à 35 %"\n', "code", True),
        ('x = "CHF 2,000"\n', "code", True),
        ('"""Docstring: up to 35 %."""\n', "code", False),
        ('x = 1  # 2000 pages\n', "code", False),
        ('x = 350 + 135 + 12000\n', "code", False),
        ("jusqu'à 35 % sur les produits", "prose", True),
        ("au moins 2 000 CHF", "prose", True),
        ("ISO 27001, en 2021", "prose", False),
        ('<input max="35">', "markup", True),
        ("color: #a35a00;", "markup", False),
        ('rate = Decimal("35")\n', "code", True),
        ('x = "35"\n', "code", True),
        ('x = "350"\n', "code", False),
        ('if len(partners) > 200:\n', "code", True),
        ('x = "au plus 200 partenaires"\n', "code", True),
        ('products = items[:100]  # products\n', "code", True),
        ('x = 100\n', "code", False),
        ("jusqu'à 200 partenaires par demande", "prose", True),
        ("100 produits au plus", "prose", True),
        ("100 % de vos clients", "prose", False),
        ('<ol data-kb-max="200" class="partners">', "markup", True),
    ],
)
def test_the_scan_finds_what_it_must(tmp_path: Path, text: str, kind: str, hit: bool) -> None:
    sample = tmp_path / "sample.txt"
    sample.write_text(text, encoding="utf-8")
    assert bool(_hits(sample, kind)) is hit
