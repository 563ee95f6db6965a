"""The catalogue (both languages, same placeholders), the rule registry (against rules.md when
present), every rule ID tested, the published lists and values, the public surface."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import kb_logic
from kb_logic import messages, published
from kb_logic._catalogue import AREAS, CATALOGUE
from kb_logic.messages import LANGS, catalogue, keys, message, placeholders
from kb_logic.rules import FAMILIES, RULE_IDS, SILENT_CASES, statement

from .conftest import HERE, RULES_MD, unavailable

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
    with pytest.raises(KeyError):
        message("nope", "fr")
    with pytest.raises(ValueError, match="language"):
        message("error.json", "de")  # type: ignore[arg-type]  # an unsupported language on purpose


def catalogue_keys_as_written() -> list[tuple[str, str]]:
    """(module, key) of every key literal written in the catalogue modules, duplicates included."""
    written: list[tuple[str, str]] = []
    for path in sorted((Path(kb_logic.__file__).parent / "_catalogue").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values, strict=True):
                    if isinstance(key, ast.Constant) and isinstance(value, ast.Dict) and "." in str(key.value):
                        written.append((path.name, str(key.value)))
    return written


def test_no_key_written_twice() -> None:
    """A key written twice in one dict literal silently keeps the last text: read the source."""
    written = catalogue_keys_as_written()
    twice = sorted({key for _, key in written if [k for _, k in written].count(key) > 1})
    assert not twice, f"catalogue keys written twice: {twice}"
    assert {key for _, key in written} == set(CATALOGUE)


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
        "label",
        "value",
        "next",
        "country",
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
        unavailable(f"{RULES_MD} not found (only the registry was checked; KB_RULES_MD names it)")
    in_spec = list(dict.fromkeys(RULE_RE.findall(RULES_MD.read_text(encoding="utf-8"))))
    assert in_spec == list(RULE_IDS)


def _marked_rule_ids() -> set[str]:
    """Rule IDs named by a ``@pytest.mark.rule(...)`` marker of a test function. The marker is only
    a promise: conftest fails a marked test that does not check each ID with ``assert_rules()``."""
    found: set[str] = set()
    for path in sorted(Path(HERE).glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef) or not node.name.startswith("test_"):
                continue
            for deco in node.decorator_list:
                if (
                    isinstance(deco, ast.Call)
                    and isinstance(deco.func, ast.Attribute)
                    and deco.func.attr == "rule"
                ):
                    found.update(str(arg.value) for arg in deco.args if isinstance(arg, ast.Constant))
    return found


def test_every_rule_id_has_a_test() -> None:
    tested = _marked_rule_ids()
    assert tested <= set(RULE_IDS), tested - set(RULE_IDS)
    missing = [rule for rule in RULE_IDS if rule not in tested]
    assert not missing, f"no @pytest.mark.rule test checks {missing}"


def test_published_lists() -> None:
    for lang in LANGS:
        lists = published.lists(lang)
        assert tuple(lists) == published.LIST_KEYS
        assert [len(lists[key]) for key in published.LIST_KEYS] == [6, 4, 3, 1, 6, 3]
        assert [item.rule for item in lists["eligibility.conditions"]] == [
            "ELIG-2", "ELIG-1", "ELIG-3", "ELIG-4", "ELIG-5", "ELIG-6"]  # fmt: skip
        for items in lists.values():
            for item in items:
                assert item.text.strip() and "{" not in item.text
                plain = re.sub(r"\[([^\]]+)\]\([^)\s]+\)", r"\1", item.text)  # links are allowed
                assert not set(plain) & set("*_`<>[]|#\\"), item.text  # no other Markdown
                assert "Ă" not in item.text  # no encoding damage


def test_published_french_numbers_and_facts() -> None:
    fr = published.lists("fr")
    assert fr["eligibility.conditions"][0].text.endswith(
        "égal ou supérieur à 2\u202f000\u00a0CHF par an ou à 1\u202f800\u00a0€ par an."
    )
    assert "35\u202f%" in fr["advantages.savings"][1].text
    why = " ".join(item.text for item in fr["why"])
    for fact in (
        "+25\u00a0ans",
        "Genève",
        "Winterthur",
        "+35\u202f% en France",
        "+40\u202f%",
        "2021",
        "ISO 27001",
        "ISO 9001",
        "ISO 14001",
        "ISO 50001",
    ):
        assert fact in why, fact
    en = published.lists("en")
    assert "up to 35%" in en["advantages.savings"][1].text


def test_constants_shown_per_language() -> None:
    assert messages.values("fr") == {
        "threshold_chf": "2\u202f000\u00a0CHF", "threshold_eur": "1\u202f800\u00a0€", "max_rate": "35\u202f%",
        "max_partners": "200",
    }  # fmt: skip
    assert messages.values("en") == {
        "threshold_chf": "CHF 2,000", "threshold_eur": "€1,800", "max_rate": "35%", "max_partners": "200",
    }  # fmt: skip


def test_public_surface() -> None:
    assert sorted(kb_logic.__all__) == sorted([
        "CALLS", "ERROR_CODES", "LANGS", "MAX_RATE", "RULE_IDS", "THRESHOLDS", "KbError", "PublishedItem",
        "__version__", "anchors", "call", "label", "lists", "message", "values",
    ])  # fmt: skip
    for name in kb_logic.__all__:
        assert hasattr(kb_logic, name), name
