"""ELIG: the six conditions, the threshold boundary (decimals), the affiliate redirect, other currencies."""

from __future__ import annotations

import json
import math
from decimal import Decimal

import pytest

from kb_logic.constants import THRESHOLDS, Currency
from kb_logic.rules import text

from ._logic_helpers import Answer, ask, assert_rules, fails

NBSP, NNBSP = "\u00a0", "\u202f"

OK: dict[str, object] = {
    "entity": "company",
    "registered": True,
    "annual_amount": 5000,
    "currency": "CHF",
    "provides_support": True,
    "handles_billing": True,
    "exclusive_tenders": True,
    "accepts_conditions": True,
}


def elig(**change: object) -> Answer:
    return ask("eligibility", **{**OK, **change})


@pytest.mark.rule("ELIG-1", "ELIG-2", "ELIG-3", "ELIG-4", "ELIG-5", "ELIG-6")
def test_all_conditions_met_is_eligible() -> None:
    answer = elig()
    assert answer["eligible"] is True and answer["verdict"] == "ok"
    assert answer["unmet"] == [] and answer["redirect"] is None
    assert_rules(answer, "ELIG-1", "ELIG-2", "ELIG-3", "ELIG-4", "ELIG-5", "ELIG-6")
    assert answer["next"]["anchor"] == "advantages"


@pytest.mark.rule("ELIG-1")
def test_unregistered_company_not_eligible() -> None:
    answer = elig(registered=False)
    assert answer["eligible"] is False and answer["verdict"] == "ko"
    assert answer["unmet"] == ["ELIG-1"] and answer["redirect"] is None
    assert answer["reasons"] == [{"text": text("ELIG-1", "fr"), "anchor": "elig-1"}]
    assert_rules(answer, "ELIG-1")


@pytest.mark.parametrize("registered", [True, False])
def test_individual_redirected_to_affiliate(registered: bool) -> None:
    fr = elig(entity="individual", registered=registered)
    en = elig(entity="individual", registered=registered, lang="en")
    for answer in (fr, en):
        assert answer["eligible"] is False and "ELIG-1" in answer["unmet"]
        assert answer["redirect"] == "affiliate"
    assert "programme d’affiliation" in fr["reasons"][-1]["text"]
    assert "affiliate programme" in en["reasons"][-1]["text"]


@pytest.mark.rule("ELIG-2")
@pytest.mark.parametrize(
    ("currency", "amount", "eligible"),
    [
        pytest.param("CHF", 2000, True, id="CHF-boundary-qualifies"),
        pytest.param("CHF", "2000.00", True, id="CHF-boundary-string"),
        pytest.param("CHF", 1999.99, False, id="CHF-below"),
        pytest.param("CHF", "1999,99", False, id="CHF-below-decimal-comma"),
        pytest.param("CHF", Decimal("1999.99999999999999999"), False, id="CHF-below-by-a-hair-decimal"),
        pytest.param("CHF", "1999.99999999999999999", False, id="CHF-below-by-a-hair-string"),
        pytest.param("EUR", 1800, True, id="EUR-boundary-qualifies"),
        pytest.param("EUR", 1800.0, True, id="EUR-boundary-float"),
        pytest.param("EUR", "1 800", True, id="EUR-boundary-grouped"),
        pytest.param("EUR", 1799, False, id="EUR-below"),
        pytest.param("EUR", 1999, True, id="EUR-between"),
        pytest.param("CHF", 0, False, id="zero"),
    ],
)
def test_threshold(currency: Currency, amount: object, eligible: bool) -> None:
    answer = elig(currency=currency, annual_amount=amount)
    assert answer["eligible"] is eligible
    assert ("ELIG-2" in answer["unmet"]) is not eligible
    assert answer["threshold"] == THRESHOLDS[currency]
    assert answer["currency"] == currency
    assert_rules(answer, "ELIG-2")


def test_json_decimal_boundary_read_as_decimal() -> None:
    """JSON 1999.99999999999999999 (parsed with parse_float=Decimal, as the CLI does) is below 2000."""
    payload = json.loads('{"annual_amount": 1999.99999999999999999}', parse_float=Decimal)
    answer = elig(**payload)
    assert answer["unmet"] == ["ELIG-2"]
    shown = [d["value"] for d in answer["details"] if d["key"] == "annual_amount"]
    assert shown == [f"1{NNBSP}999,99999999999999999{NBSP}CHF"]  # never shown rounded up to the threshold


@pytest.mark.no_pyodide
def test_decimal_boundary_property() -> None:
    """Property: any amount strictly below the threshold, however close, is below; at or above qualifies."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=200, deadline=None)
    @given(st.sampled_from(["CHF", "EUR"]), st.integers(min_value=1, max_value=30), st.booleans())
    def check(currency: Currency, places: int, below: bool) -> None:
        threshold = THRESHOLDS[currency]
        # written out as the reader would type them (Decimal arithmetic would round at 28 digits)
        amount = f"{threshold - 1}.{'9' * places}" if below else f"{threshold}.{'0' * (places - 1)}1"
        answer = elig(currency=currency, annual_amount=amount)
        assert ("ELIG-2" in answer["unmet"]) is below

    check()


@pytest.mark.rule("ELIG-3", "ELIG-4", "ELIG-5", "ELIG-6")
@pytest.mark.parametrize(
    ("field", "rule"),
    [
        ("provides_support", "ELIG-3"),
        ("handles_billing", "ELIG-4"),
        ("exclusive_tenders", "ELIG-5"),
        ("accepts_conditions", "ELIG-6"),
    ],
)
def test_each_commitment_is_a_condition(field: str, rule: str) -> None:
    answer = elig(**{field: False})
    assert answer["eligible"] is False
    assert answer["unmet"] == [rule]
    assert answer["reasons"] == [{"text": text(rule, "fr"), "anchor": rule.lower()}]
    assert_rules(answer, "ELIG-3", "ELIG-4", "ELIG-5", "ELIG-6")


def test_unmet_in_rule_order() -> None:
    answer = elig(accepts_conditions=False, annual_amount=1, registered=False)
    assert answer["unmet"] == ["ELIG-1", "ELIG-2", "ELIG-6"]
    assert [r["anchor"] for r in answer["reasons"]] == ["elig-1", "elig-2", "elig-6"]


def test_answer_per_language() -> None:
    fr = elig(annual_amount=10, lang="fr")
    en = elig(annual_amount=10, lang="en")
    assert fr["message"] == "Vous n’êtes pas éligible au programme revendeur."
    assert en["message"] == "You are not eligible for the reseller programme."
    assert fr["details"] == [
        {"key": "annual_amount", "label": "Montant annuel", "value": f"10,00{NBSP}CHF"},
        {"key": "threshold", "label": "Seuil annuel", "value": f"2{NNBSP}000{NBSP}CHF"},
    ]
    assert en["details"] == [
        {"key": "annual_amount", "label": "Yearly amount", "value": "CHF 10.00"},
        {"key": "threshold", "label": "Yearly threshold", "value": "CHF 2,000"},
    ]
    assert fr["reasons"][0]["text"].endswith(f"2{NNBSP}000{NBSP}CHF par an ou à 1{NNBSP}800{NBSP}€ par an.")
    assert en["reasons"][0]["text"].endswith("CHF 2,000 a year or €1,800 a year.")


@pytest.mark.parametrize("currency", ["chf", " EUR ", "eur"])
def test_currency_case_and_spaces(currency: str) -> None:
    assert elig(currency=currency)["eligible"] is True


@pytest.mark.parametrize("currency", ["USD", "GBP", "jpy"])
def test_other_currency_is_not_covered(currency: str) -> None:
    """rules.md's silent case: thresholds in other currencies → not covered, pointer to Support."""
    fr = elig(currency=currency)
    en = elig(currency=currency, lang="en")
    for answer in (fr, en):
        assert answer["verdict"] == "not_covered" and answer["eligible"] is None
        assert answer["silent"] == "other_currency" and answer["currency"] == currency.upper()
        assert answer["next"]["anchor"] == "support-code"
    assert fr["message"] == "Les guides ne couvrent pas ce cas."
    assert en["message"] == "The guides do not cover this case."
    assert "Support" in fr["reasons"][0]["text"] and currency.upper() in fr["reasons"][0]["text"]


@pytest.mark.parametrize("currency", ["", "dollars", "€"])
def test_unreadable_currency_is_an_error_listing_the_choices(currency: str) -> None:
    error = fails("eligibility", {**OK, "currency": currency})
    assert (error["code"], error["field"], error["label"]) == ("value", "currency", "Devise")
    assert "CHF, EUR" in str(error["message"])


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        (True, "type"),
        (False, "type"),
        (None, "type"),
        ("", "value"),
        ("2 000 CHF", "value"),
        (math.nan, "value"),
        (math.inf, "value"),
        (-math.inf, "value"),
        (-1, "value"),
        (10**400, "value"),
    ],
)
def test_bad_amounts(amount: object, code: str) -> None:
    error = fails("eligibility", {**OK, "annual_amount": amount})
    assert (error["code"], error["field"]) == (code, "annual_amount")


def test_errors_name_the_field_by_its_label_per_language() -> None:
    fr = fails("eligibility", {**OK, "annual_amount": -1})
    en = fails("eligibility", {**OK, "annual_amount": -1, "lang": "en"})
    assert (fr["label"], fr["message"]) == ("Montant annuel", f"Montant annuel{NBSP}: ne peut pas être négatif.")
    assert (en["label"], en["message"]) == ("Yearly amount", "Yearly amount: cannot be negative.")


def test_all_fields_required() -> None:
    for field in OK:
        payload = {k: v for k, v in OK.items() if k != field}
        error = fails("eligibility", payload)
        assert (error["code"], error["field"]) == ("missing_field", field)


def test_unknown_field_and_wrong_types() -> None:
    assert fails("eligibility", {**OK, "extra": 1})["code"] == "unknown_field"
    assert fails("eligibility", {**OK, "registered": "yes"})["code"] == "type"
    assert fails("eligibility", {**OK, "registered": 1})["code"] == "type"
    error = fails("eligibility", {**OK, "entity": "person"})
    assert (error["code"], error["field"]) == ("value", "entity")
