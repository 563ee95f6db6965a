"""ELIG: the six conditions, the threshold boundary, the affiliate redirect."""

from __future__ import annotations

import math

import pytest
from _logic_helpers import ask, fails

from kb_logic.constants import THRESHOLDS

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


def elig(**change: object) -> dict[str, object]:
    return ask("eligibility", **{**OK, **change})


def test_all_conditions_met_is_eligible() -> None:
    answer = elig()
    assert answer["eligible"] is True
    assert answer["unmet"] == []
    assert answer["redirect"] is None
    assert answer["rules"] == ["ELIG-1", "ELIG-2", "ELIG-3", "ELIG-4", "ELIG-5", "ELIG-6"]


def test_ELIG_1_unregistered_company_not_eligible() -> None:
    answer = elig(registered=False)
    assert answer["eligible"] is False
    assert answer["unmet"] == ["ELIG-1"]
    assert answer["redirect"] is None


def test_ELIG_1_individual_redirected_to_affiliate() -> None:
    for registered in (True, False):
        answer = elig(entity="individual", registered=registered)
        assert answer["eligible"] is False
        assert "ELIG-1" in answer["unmet"]
        assert answer["redirect"] == "affiliate"
        assert "affiliation" in str(answer["message"])


@pytest.mark.parametrize(
    ("currency", "amount", "eligible"),
    [
        pytest.param("CHF", 2000, True, id="ELIG-2-CHF-boundary-qualifies"),
        pytest.param("CHF", 1999.99, False, id="ELIG-2-CHF-below"),
        pytest.param("EUR", 1800, True, id="ELIG-2-EUR-boundary-qualifies"),
        pytest.param("EUR", 1800.0, True, id="ELIG-2-EUR-boundary-float"),
        pytest.param("EUR", 1799, False, id="ELIG-2-EUR-below"),
        pytest.param("EUR", 1999, True, id="ELIG-2-EUR-between"),
        pytest.param("CHF", 0, False, id="ELIG-2-zero"),
    ],
)
def test_ELIG_2_threshold(currency: str, amount: float, eligible: bool) -> None:
    answer = elig(currency=currency, annual_amount=amount)
    assert answer["eligible"] is eligible
    assert ("ELIG-2" in answer["unmet"]) is not eligible
    assert answer["threshold"] == THRESHOLDS[currency]  # type: ignore[index]
    assert answer["currency"] == currency


@pytest.mark.parametrize(
    ("field", "rule"),
    [
        pytest.param("provides_support", "ELIG-3", id="ELIG-3"),
        pytest.param("handles_billing", "ELIG-4", id="ELIG-4"),
        pytest.param("exclusive_tenders", "ELIG-5", id="ELIG-5"),
        pytest.param("accepts_conditions", "ELIG-6", id="ELIG-6"),
    ],
)
def test_each_commitment_is_a_condition(field: str, rule: str) -> None:
    answer = elig(**{field: False})
    assert answer["eligible"] is False
    assert answer["unmet"] == [rule]


def test_unmet_in_rule_order_and_conditions_detail() -> None:
    answer = elig(accepts_conditions=False, annual_amount=1, registered=False)
    assert answer["unmet"] == ["ELIG-1", "ELIG-2", "ELIG-6"]
    conditions = answer["conditions"]
    assert isinstance(conditions, list)
    assert [c["met"] for c in conditions] == [False, False, True, True, True, False]


def test_bilingual_messages() -> None:
    fr = elig(annual_amount=10, lang="fr")["message"]
    en = elig(annual_amount=10, lang="en")["message"]
    assert "Non éligible" in str(fr) and "CHF 2000 /an" in str(fr)
    assert "Not eligible" in str(en) and "CHF 2,000/year" in str(en)


@pytest.mark.parametrize("currency", ["USD", "chf", "GBP", ""])
def test_other_currency_is_not_covered(currency: str) -> None:
    error = fails("eligibility", {**OK, "currency": currency})
    assert error["code"] == "currency"
    assert error["field"] == "currency"
    assert "CHF" in str(error["message"]) and "EUR" in str(error["message"])


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        (True, "type"),
        (False, "type"),
        ("2000", "type"),
        (None, "type"),
        (math.nan, "value"),
        (math.inf, "value"),
        (-math.inf, "value"),
        (-1, "value"),
        (10**400, "value"),
    ],
)
def test_bad_amounts(amount: object, code: str) -> None:
    error = fails("eligibility", {**OK, "annual_amount": amount})
    assert error["code"] == code
    assert error["field"] == "annual_amount"


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
