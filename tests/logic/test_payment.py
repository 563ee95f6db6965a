"""PAY: client pays / partner pays, change of method, amounts for an assumed rate."""

from __future__ import annotations

import pytest
from _logic_helpers import ask, fails

from kb_logic.constants import MAX_RATE


def pay(**payload: object) -> dict[str, object]:
    return ask("payment", **payload)


def test_PAY_C1_to_C5_client_pays() -> None:
    answer = pay(access="full", payer="client")
    assert answer["applicable"] is True and answer["not_covered"] is False
    assert answer["who_pays"] == "client"  # PAY-C1
    assert answer["partner_benefit"] == "cashback"  # PAY-C2
    assert answer["cashback_on_client_orders"] is True  # PAY-C3
    assert answer["invoices_visible_to"] == "client"  # PAY-C4
    assert answer["installed_in"] == "client"  # PAY-C5
    assert answer["rules"] == ["PAY-C1", "PAY-C2", "PAY-C3", "PAY-C4", "PAY-C5", "PAY-X1", "PAY-X2"]


def test_PAY_P1_to_P5_partner_pays() -> None:
    answer = pay(access="full", payer="partner")
    assert answer["who_pays"] == "partner"  # PAY-P1
    assert answer["partner_benefit"] == "discount"  # PAY-P2
    assert answer["cashback_on_client_orders"] is True  # PAY-P3
    assert answer["invoices_visible_to"] == "partner"  # PAY-P4
    assert answer["installed_in"] == "client"  # PAY-P5
    assert answer["rules"] == ["PAY-P1", "PAY-P2", "PAY-P3", "PAY-P4", "PAY-P5", "PAY-X1", "PAY-X2"]


@pytest.mark.parametrize("payer", ["client", "partner"])
def test_PAY_X1_PAY_X2_change_by_client_notified_by_email(payer: str) -> None:
    answer = pay(access="full", payer=payer, lang="en")
    assert answer["changed_by"] == "client"  # PAY-X1
    assert answer["change_notice"] == "email"  # PAY-X2
    assert "e-mail" in str(answer["message"])


def test_amounts_client_pays_cashback() -> None:
    answer = pay(access="full", payer="client", price=120, rate=0.15)
    assert answer["amounts"] == {
        "price": 120, "rate": 0.15, "client_pays": 120.0, "partner_pays": 0.0,
        "partner_earns": 18.0, "partner_saves": 0.0,
    }  # fmt: skip


def test_amounts_partner_pays_discount_rounded_to_cents() -> None:
    answer = pay(access="full", payer="partner", price=99.99, rate=0.35)
    amounts = answer["amounts"]
    assert isinstance(amounts, dict)
    assert amounts["partner_pays"] == 64.99 and amounts["partner_saves"] == 35.0
    assert amounts["client_pays"] == 0.0


def test_silent_actual_rates_rate_is_an_assumption() -> None:
    fr = pay(access="full", payer="client", price=10, rate=0.1)["message"]
    en = pay(access="full", payer="client", price=10, rate=0.1, lang="en")["message"]
    assert "hypothèse" in str(fr) and "35\u00a0%" in str(fr)
    assert "assumption" in str(en) and "35%" in str(en)


def test_huge_price_still_answers() -> None:
    answer = pay(access="full", payer="partner", price=1e300, rate=0.35)
    assert isinstance(answer["amounts"], dict)


def test_silent_limited_payment_not_covered() -> None:
    for lang in ("fr", "en"):
        answer = pay(access="limited", payer="partner", lang=lang)
        assert answer["applicable"] is False
        assert answer["not_covered"] is True
        assert answer["silent"] == "limited_payment"
        assert answer["rules"] == ["ACC-F3"]


@pytest.mark.parametrize("rate", [-0.01, MAX_RATE + 0.0001, 1, 35])
def test_rate_out_of_range(rate: float) -> None:
    error = fails("payment", {"access": "full", "payer": "client", "price": 10, "rate": rate})
    assert (error["code"], error["field"]) == ("value", "rate")


def test_rate_boundaries_accepted() -> None:
    for rate in (0, 0.0, MAX_RATE):
        pay(access="full", payer="client", price=10, rate=rate)


def test_price_and_rate_go_together() -> None:
    assert fails("payment", {"access": "full", "payer": "client", "price": 10})["field"] == "rate"
    assert fails("payment", {"access": "full", "payer": "client", "rate": 0.1})["field"] == "price"
    assert (
        fails("payment", {"access": "full", "payer": "client", "price": True, "rate": 0.1})["code"] == "type"
    )
    assert fails("payment", {"access": "full", "payer": "bank"})["code"] == "value"


def test_pay_currency_is_optional_and_echoed_for_display() -> None:
    """PAY-P2 amounts with the reader's currency: kb_logic echoes it, the front end formats."""
    from kb_logic import call

    answer = call("payment", {"access": "full", "payer": "partner", "price": 100, "rate": 0.2, "currency": "EUR"})
    assert answer["currency"] == "EUR" and answer["amounts"]["partner_pays"] == 80.0
    assert call("payment", {"access": "full", "payer": "client"})["currency"] is None
    bad = call("payment", {"access": "full", "payer": "client", "currency": "USD"})
    assert bad["error"]["code"] == "currency" and bad["error"]["field"] == "currency"
