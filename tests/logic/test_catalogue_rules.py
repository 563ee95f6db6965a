"""The catalogue (both languages, same placeholders), the rule registry (against rules.md when
present), every rule ID tested, the published lists and values, the public surface."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from conftest import HERE, RULES_MD

import kb_logic
from kb_logic import messages, published
from kb_logic._catalogue import AREAS, CATALOGUE
from kb_logic.messages import LANGS, catalogue, keys, message, placeholders
from kb_logic.rules import FAMILIES, RULE_IDS, SILENT_CASES, statement

RULE_RE = re.compile(r"\b(?:ELIG|ACC|PAY|VAT|CODE|ONB)-[A-Z]?\d+\b")


def test_every_key_in_both_languages_non_empty_same_placeholders() -> None:
    assert LANGS == ("fr", "en")
    for key in keys():
        texts = CATALOGUE[key]
        assert set(texts) == set(LANGS), key
        assert all(texts[lang].strip() for lang in LANGS), key
        assert placeholders(texts["fr"]) == placeholders(texts["en"]), key


def test_catalogue_per_language_and_areas_merged() -> None:
    for lang in LANGS:
        assert set(catalogue(lang)) == set(keys())
    assert "ui" in AREAS and "rules" in AREAS
    assert sum(len(area) for area in AREAS.values()) == len(CATALOGUE)  # no key defined twice
    with pytest.raises(KeyError):
        message("nope", "fr")
    with pytest.raises(ValueError, match="language"):
        message("error.json", "de")  # type: ignore[arg-type]


def test_key_naming_scheme() -> None:
    areas = {
        "rule",
        "silent",
        "eligibility",
        "access",
        "payment",
        "vat",
        "onboarding",
        "support_code",
        "list",
        "error",
        "ui",
        "cli",
    }
    for key in keys():
        assert key.split(".", 1)[0] in areas, key


def test_silent_cases_have_messages() -> None:
    for case in SILENT_CASES:
        assert f"silent.{case}" in CATALOGUE


def test_every_rule_has_a_statement_in_both_languages() -> None:
    for rule in RULE_IDS:
        for lang in LANGS:
            text = statement(rule, lang)
            assert text and "{" not in text, rule
    assert set(RULE_IDS) == {key.removeprefix("rule.") for key in keys() if key.startswith("rule.")}


def test_registry_matches_rules_md() -> None:
    assert len(RULE_IDS) == len(set(RULE_IDS))
    assert list(FAMILIES) == ["ELIG", "ACC", "PAY", "VAT", "CODE", "ONB"]
    if not RULES_MD.is_file():
        pytest.skip(f"{RULES_MD} not found (only the registry was checked)")
    in_spec = list(dict.fromkeys(RULE_RE.findall(RULES_MD.read_text(encoding="utf-8"))))
    assert in_spec == list(RULE_IDS)


def _ids_in_name(name: str) -> set[str]:
    """test_ONB_C1_to_C5_x → ONB-C1..C5; test_ACC_F1_F2_x → ACC-F1, ACC-F2."""
    found: set[str] = set()
    family: str | None = None
    ranged = False
    last = ""
    for token in name.split("_"):
        if token in FAMILIES:
            family, ranged = token, False
        elif family and token == "to":
            ranged = True
        elif family and re.fullmatch(r"[A-Z]?\d+", token):
            if ranged:
                prefix = token.rstrip("0123456789")
                lo, hi = int(last[len(prefix) :]), int(token[len(prefix) :])
                found.update(f"{family}-{prefix}{n}" for n in range(lo, hi + 1))
                ranged = False
            found.add(f"{family}-{token}")
            last = token
        else:
            family = None
    return found


def _tested_rule_ids() -> set[str]:
    """Rule IDs named by a test: its name (ELIG_2 → ELIG-2), docstring or parametrize ids."""
    found: set[str] = set()
    for path in sorted(Path(HERE).glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef) or not node.name.startswith("test_"):
                continue
            found |= _ids_in_name(node.name)
            texts = [ast.get_docstring(node) or ""]
            for deco in node.decorator_list:
                texts += [
                    c.value
                    for c in ast.walk(deco)
                    if isinstance(c, ast.Constant) and isinstance(c.value, str)
                ]
            for text in texts:
                found.update(RULE_RE.findall(text))
    return found


def test_every_rule_id_has_a_test() -> None:
    tested = _tested_rule_ids()
    missing = [rule for rule in RULE_IDS if rule not in tested]
    assert not missing, f"no test names {missing}"


def test_published_lists() -> None:
    for lang in LANGS:
        lists = published.lists(lang)
        assert tuple(lists) == published.LIST_KEYS
        assert [len(lists[key]) for key in published.LIST_KEYS] == [6, 4, 3, 1, 6]
        assert [item.rule for item in lists["eligibility.conditions"]] == [
            "ELIG-2", "ELIG-1", "ELIG-3", "ELIG-4", "ELIG-5", "ELIG-6"]  # fmt: skip
        for items in lists.values():
            for item in items:
                assert item.text.strip() and "{" not in item.text
                assert not set(item.text) & set("*_`<>[]|#\\"), item.text  # Markdown-safe
                assert "Ă" not in item.text  # no encoding damage


def test_published_french_numbers_and_facts() -> None:
    fr = published.lists("fr")
    assert fr["eligibility.conditions"][0].text.endswith("égal ou supérieur à CHF 2000 /an ou € 1800 /an.")
    assert "jusqu\u2019à -35\u00a0%" in fr["advantages.savings"][1].text
    why = " ".join(item.text for item in fr["why"])
    for fact in (
        "+25 ans",
        "Genève",
        "Winterthur",
        "+35\u00a0% en France",
        "+40\u00a0%",
        "2021",
        "ISO 27001",
        "ISO 9001",
        "ISO 14001",
        "ISO 50001",
    ):
        assert fact in why, fact
    en = published.lists("en")
    assert "up to -35%" in en["advantages.savings"][1].text


def test_published_values() -> None:
    assert published.values("fr") == {
        "threshold.CHF": "CHF 2000", "threshold.EUR": "€ 1800", "threshold.CHF.number": "2000",
        "threshold.EUR.number": "1800", "max_rate": "35\u00a0%",
    }  # fmt: skip
    assert published.values("en")["threshold.CHF"] == "CHF 2,000"
    assert messages.number_values("en")["max_rate"] == "35%"


def test_public_surface() -> None:
    assert sorted(kb_logic.__all__) == sorted([
        "CALLS", "ERROR_CODES", "LANGS", "MAX_RATE", "RULE_IDS", "THRESHOLDS", "KbError", "PublishedItem",
        "__version__", "call", "describe", "lists", "message", "values",
    ])  # fmt: skip
    for name in kb_logic.__all__:
        assert hasattr(kb_logic, name), name
