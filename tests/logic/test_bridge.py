"""The JSON bridge: calls, the answer contract v2 in both languages, error codes, never raising."""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal

import pytest

from kb_logic import anchors, lists
from kb_logic.bridge import CALLS, call
from kb_logic.constants import Lang
from kb_logic.errors import ERROR_CODES
from kb_logic.messages import keys, message
from kb_logic.rules import RULE_IDS, SECTIONS

from ._logic_helpers import ask, assert_rules, fails
from .conftest import REPO

EXAMPLES: dict[str, dict[str, object]] = {
    "eligibility": {"entity": "company", "registered": True, "annual_amount": 2000, "currency": "CHF",
                    "provides_support": True, "handles_billing": True, "exclusive_tenders": True,
                    "accepts_conditions": True},
    "access": {"partners": [], "request": {"name": "A", "access": "full"}},
    "payment": {"access": "full", "payer": "client", "price": 100, "rate": 20},
    "vat": {"number": "CHE-116.281.710 MWST"},
    "onboarding": {"flow": "partner_adds_client", "role": "legal_representative"},
    "support_code": {"premium_support": True},
}  # fmt: skip


def test_calls_are_the_rule_modules() -> None:
    assert set(CALLS) == set(EXAMPLES)
    assert CALLS["payment"].startswith("PAY:") and CALLS["vat"].startswith("VAT:")


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_call_answers_v2_in_both_languages(name: str) -> None:
    fr = ask(name, **EXAMPLES[name])
    en = ask(name, **EXAMPLES[name], lang="en")
    assert fr["message"] != en["message"]
    assert fr["rules"] == en["rules"] and fr["verdict"] == en["verdict"]
    assert [r["anchor"] for r in fr["reasons"]] == [r["anchor"] for r in en["reasons"]]
    assert [d["key"] for d in fr["details"]] == [d["key"] for d in en["details"]]
    assert call(name, {**EXAMPLES[name], "lang": "fr"}) == fr  # fr is the default


@pytest.mark.rule("VAT-1", "VAT-2", "VAT-3", "VAT-4")
def test_vat_answer_is_short_and_links_where_to_enter_the_number() -> None:
    """Issue 8: the VAT answer repeated the four-step procedure; now one link to where to enter it."""
    valid = ask("vat", number="CHE-116.281.710 MWST", lang="en")
    assert valid["verdict"] == "ok"
    assert valid["next"] == {"text": message("next.vat_existing", "en"), "anchor": "vat-2"}
    assert all(reason["anchor"] is None for reason in valid["reasons"])
    assert {"key": "country", "label": "Country", "value": "Switzerland"} in valid["details"]
    assert_rules(valid, "VAT-1", "VAT-2", "VAT-3", "VAT-4")
    invalid = ask("vat", number="FR40303265046")
    assert invalid["verdict"] == "ko"
    assert invalid["message"] == "Numéro non valable\u00a0: les chiffres de contrôle ne correspondent pas (France)."


@pytest.mark.parametrize(
    ("lang", "number", "reason"),
    [
        ("fr", "FR40303265046", "Un numéro de TVA commence par le préfixe de son pays, par exemple FR ou DE\u202f;"
         " pour la Grèce, ce préfixe est EL."),
        ("en", "FR40303265046", "A VAT number starts with its country\u2019s prefix, for example FR or DE; for Greece,"
         " the prefix is EL."),
        ("fr", "", "Un numéro de TVA commence par le préfixe de son pays, par exemple FR ou DE\u202f;"
         " pour la Grèce, ce préfixe est EL."),
        ("en", "GR094259216", "For Greece, the VAT prefix is EL, not GR."),
        ("fr", "CHE-116.281.71", "Un numéro suisse s\u2019écrit CHE suivi de 9 chiffres, éventuellement de MWST,"
         " TVA, IVA ou TPV."),
    ],
)  # fmt: skip
def test_an_invalid_vat_answer_says_why_and_where_to_enter_it(lang: Lang, number: str, reason: str) -> None:
    """An invalid number had no reason and no next step: now why, linked to the guide's list of how
    a number is written (the same texts as the guide), and where to enter it once right."""
    invalid = ask("vat", number=number, lang=lang)
    assert invalid["verdict"] == "ko"
    assert invalid["reasons"] == [{"text": reason, "anchor": "vat-form"}]
    assert reason in [item.text for item in lists(lang)["vat.form"]] or number == "GR094259216"
    assert invalid["next"] == {"text": message("next.vat_existing", lang), "anchor": "vat-2"}


def test_anchor_set_is_every_rule_and_section() -> None:
    assert anchors() == {rule.lower() for rule in RULE_IDS} | set(SECTIONS.values())


@pytest.mark.no_pyodide
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_anchor_is_in_exactly_one_guide(lang: Lang) -> None:
    """The build maps each anchor kb_logic can return to one page: it must be there, once."""
    where: dict[str, list[str]] = {}
    for page in sorted((REPO / "docs" / lang).rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        ids = re.findall(r"\{\s*#([\w-]+)\s*\}", text)
        ids += [rule.lower() for rule in re.findall(r"<!--\s*kb:rule\s+([\w-]+)\s*-->", text)]
        for key in re.findall(r"<!--\s*kb:list\s+([\w.]+)\s*-->", text):
            ids += [item.rule.lower() for item in lists(lang)[key] if item.rule]
        for anchor in ids:
            where.setdefault(anchor, []).append(page.name)
    for anchor in sorted(anchors()):
        guides = [page for page in where.get(anchor, []) if page != "glossary.md"]
        assert len(guides) == 1, f"{lang}: anchor {anchor!r} found in {guides}"


# One real request per error code: the codes are what a request can produce, not a list of classes.
ERROR_REQUESTS: dict[str, tuple[str, object]] = {
    "json": ("vat", "not an object"),
    "unknown_call": ("nope", {}),
    "missing_field": ("vat", {}),
    "unknown_field": ("vat", {"number": "x", "extra": 1}),
    "type": ("vat", {"number": 1}),
    "value": ("payment", {"access": "full", "payer": "client", "price": 1, "rate": 36}),
    "lang": ("vat", {"number": "x", "lang": "de"}),
}


def test_error_codes_each_come_from_a_request() -> None:
    assert set(ERROR_CODES) == {*ERROR_REQUESTS, "internal"}
    for code, (name, payload) in ERROR_REQUESTS.items():
        if code == "json":
            continue  # the CLI's: the bridge is given Python objects (see test_cli)
        assert fails(name, payload)["code"] == code, code
    for code in ERROR_CODES:
        assert f"error.{code}" in keys()


def test_error_shape_and_non_string_call_names() -> None:
    assert fails("nope", {})["code"] == "unknown_call"
    for name in (None, 1, ["vat"], {"vat": 1}):
        assert fails(name, {})["code"] == "unknown_call"  # type: ignore[arg-type]  # non-string names on purpose
    payloads: list[object] = [[], "x", 1, None, True, {1: 2}]
    for payload in payloads:
        error = fails("vat", payload)
        assert (error["code"], error["field"], error["label"]) == ("type", None, None)
    error = fails("vat", {"number": "x", "lang": "de"})
    assert (error["code"], error["field"]) == ("lang", "lang")
    assert fails("vat", {"number": "x", "lang": 1})["code"] == "type"


def test_errors_are_localized_with_labels() -> None:
    fr = fails("eligibility", {"lang": "fr"})
    en = fails("eligibility", {"lang": "en"})
    assert (fr["message"], fr["label"]) == ("Champ manquant\u00a0: Type de demandeur.", "Type de demandeur")
    assert (en["message"], en["label"]) == ("Missing field: Applicant type.", "Applicant type")


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_field_has_a_label_in_each_language(name: str) -> None:
    for field in EXAMPLES[name]:
        payload = {key: value for key, value in EXAMPLES[name].items() if key != field}
        fr, en = fails(name, payload), fails(name, {**payload, "lang": "en"})
        assert fr["field"] == en["field"] == field
        assert fr["label"] != field and en["label"] != field and fr["label"] != en["label"], (fr, en)


def test_nested_fields_are_named_by_their_labels() -> None:
    payload = {"partners": [{"name": "A", "access": "full"}, {"name": "B", "access": "x"}],
               "request": {"name": "C", "access": "full"}}  # fmt: skip
    fr = fails("access", payload)
    en = fails("access", {**payload, "lang": "en"})
    assert (fr["field"], fr["label"]) == ("partners[1].access", "Type d’accès (partenaire existant 2)")
    assert (en["field"], en["label"]) == ("partners[1].access", "Access type (existing partner 2)")


def test_numbers_may_be_decimals_or_strings() -> None:
    base = {"access": "full", "payer": "partner"}
    as_float = call("payment", {**base, "price": 19.9, "rate": 25})
    as_decimal = call("payment", {**base, "price": Decimal("19.90"), "rate": Decimal(25)})
    as_string = call("payment", {**base, "price": "19,90", "rate": "25"})
    assert as_float["message"] == as_decimal["message"] == as_string["message"]


def test_nan_and_inf_never_leak_into_answers() -> None:
    for value in (math.nan, math.inf, -math.inf):
        for name, payload in EXAMPLES.items():
            for key in payload:
                fails(name, {**payload, key: value})


def test_internal_errors_are_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    import kb_logic.vat

    def boom(_: object) -> object:
        raise RuntimeError("bug")

    monkeypatch.setattr(kb_logic.vat, "clean", boom)
    error = fails("vat", {"number": "FR1"})
    assert error["code"] == "internal"
    json.dumps(error)
