"""Numbers as readers type them, read in their language: never silently misread, never a crash.

An English comma was read as the French decimal comma ("2,000" → 2, "1,250" → 1.25); a tiny
exponent (1e-999999999) crashed eligibility and showed a rate as "0 %"; "35 %" was refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kb_logic.__main__ import run_call
from kb_logic.constants import PRICE_PLACES, RATE_PLACES, THRESHOLDS

from ._logic_helpers import ask, fails

NBSP, NNBSP = "\u00a0", "\u202f"
WRITE_FR = "\u00a0: écrivez 1\u202f234 ou 1\u202f234,50."
COMPANY: dict[str, object] = {
    "entity": "company", "registered": True, "currency": "CHF", "provides_support": True,
    "handles_billing": True, "exclusive_tenders": True, "accepts_conditions": True,
}  # fmt: skip
THRESHOLD = THRESHOLDS["CHF"]


def _amount(answer: dict[str, object]) -> str:
    details = answer["details"]
    assert isinstance(details, list)
    return next(str(d["value"]) for d in details if d["key"] == "annual_amount")


@pytest.mark.parametrize(
    ("lang", "typed", "read", "verdict", "shown"),
    [
        ("en", f"{THRESHOLD // 1000},{THRESHOLD % 1000:03}", "2000", "ok", "CHF 2,000.00"),
        ("fr", f"{THRESHOLD // 1000},{THRESHOLD % 1000:03}", "2.000", "ko", f"2,000{NBSP}CHF"),
        ("en", "1,999.50", "1999.50", "ko", "CHF 1,999.50"),
        ("fr", "1.999,50", "1999.50", "ko", f"1{NNBSP}999,50{NBSP}CHF"),
        ("fr", "1 999,50", "1999.50", "ko", f"1{NNBSP}999,50{NBSP}CHF"),
        ("en", "1'999.50", "1999.50", "ko", "CHF 1,999.50"),
        ("en", "19,90", "19.90", "ko", "CHF 19.90"),
        ("fr", "19.90", "19.90", "ko", f"19,90{NBSP}CHF"),
        ("fr", "0.125", "0.125", "ko", f"0,125{NBSP}CHF"),
    ],
)
def test_a_typed_amount_is_read_as_its_language_writes_numbers(
    lang: str, typed: str, read: str, verdict: str, shown: str
) -> None:
    answer = ask("eligibility", **COMPANY, annual_amount=typed, lang=lang)
    assert Decimal(str(answer["annual_amount"])) == Decimal(read)
    assert answer["verdict"] == verdict and _amount(answer) == shown


@pytest.mark.parametrize(
    ("lang", "price", "pays"),
    [("en", "1,250", "CHF 1,000.00"), ("fr", "1.250", f"1{NNBSP}000,00{NBSP}CHF"), ("fr", "1,25", f"1,00{NBSP}CHF")],
)
def test_a_typed_price_is_read_as_its_language_writes_numbers(lang: str, price: str, pays: str) -> None:
    """English "1,250" is 1250, not 1.25."""
    answer = ask("payment", access="full", payer="partner", price=price, rate="20", lang=lang)
    details = answer["details"]
    assert isinstance(details, list)
    assert next(d["value"] for d in details if d["key"] == "partner_pays") == pays


@pytest.mark.parametrize(
    ("lang", "typed", "message"),
    [
        ("en", "1.234,50", "Yearly amount: \u201c1.234,50\u201d: write 1234 or 1234.50."),
        ("fr", "1,234.50", f"Montant annuel{NBSP}: «{NNBSP}1,234.50{NNBSP}»{WRITE_FR}"),
        ("en", "1,2,3", "Yearly amount: \u201c1,2,3\u201d: write 1234 or 1234.50."),
        ("fr", "2,000,5", f"Montant annuel{NBSP}: «{NNBSP}2,000,5{NNBSP}»{WRITE_FR}"),
    ],
)
def test_an_ambiguous_number_is_a_clear_error_naming_the_field(lang: str, typed: str, message: str) -> None:
    error = fails("eligibility", {**COMPANY, "annual_amount": typed, "lang": lang})
    assert (error["code"], error["field"], error["message"]) == ("value", "annual_amount", message)


TINY = ["1e-999999999", "1E-999999999", "0.0000000000000000000000000000000000000000001"]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("typed", [*TINY, Decimal("1e-99999")])  # a Decimal of 1e-999999999: 64-bit only
def test_a_tiny_exponent_is_refused_never_a_crash(lang: str, typed: object) -> None:
    error = fails("eligibility", {**COMPANY, "annual_amount": typed, "lang": lang})
    assert error["code"] == "value" and error["field"] == "annual_amount"
    assert error["message"] == (
        f"Montant annuel{NBSP}: au plus 40 décimales." if lang == "fr"
        else "Yearly amount: at most 40 decimal places."
    )


@pytest.mark.parametrize(
    ("field", "lang", "message"),
    [
        ("rate", "fr", f"Taux{NBSP}: au plus {RATE_PLACES} décimales."),
        ("rate", "en", f"Rate: at most {RATE_PLACES} decimal places."),
        ("price", "fr", f"Prix public{NBSP}: au plus {PRICE_PLACES} décimales."),
        ("price", "en", f"Public price: at most {PRICE_PLACES} decimal places."),
    ],
)
def test_a_rate_or_price_with_a_tiny_exponent_is_refused_not_shown_as_zero(field: str, lang: str, message: str) -> None:
    """The rate 1e-999999999 was shown as "0 %"; a price beyond the cent is refused, not rounded."""
    payload = {"access": "full", "payer": "client", "price": "10", "rate": "10", "lang": lang}
    for tiny in ("1e-999999999", "0.0001"):
        error = fails("payment", {**payload, field: tiny})
        assert (error["field"], error["message"]) == (field, message)


def test_the_cli_answers_a_tiny_exponent_with_exit_2() -> None:
    """It was an internal error (exit 1)."""
    for raw in (b'{"annual_amount": 1e-999999999', b'{"annual_amount": "1e-999999999"',
                b'{"annual_amount": 1e-99999999999999999999'):  # the last was exit 1: Decimal cannot hold it
        body = raw + b', "entity": "company", "registered": true, "currency": "CHF", "provides_support": true,' \
            b' "handles_billing": true, "exclusive_tenders": true, "accepts_conditions": true}'
        status, text = run_call("eligibility", body)
        assert status == 2 and '"field": "annual_amount"' in text


@pytest.mark.parametrize(
    ("lang", "rate", "shown"),
    [("fr", "35 %", f"35{NNBSP}%"), ("fr", "12,5%", f"12,5{NNBSP}%"), ("en", "35%", "35%"), ("en", " 12.5 % ", "12.5%"),
     ("fr", "35.000", f"35{NNBSP}%")],
)  # fmt: skip
def test_a_rate_may_be_typed_with_its_percent_sign(lang: str, rate: str, shown: str) -> None:
    """The field is labelled "en %": "35 %" was refused."""
    answer = ask("payment", access="full", payer="client", price="100", rate=rate, lang=lang)
    details = answer["details"]
    assert isinstance(details, list)
    assert next(d["value"] for d in details if d["key"] == "rate") == shown


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("fr", f"Taux{NBSP}: «{NNBSP}35 %;{NNBSP}»"),
        ("en", "Rate: \u201c35 %;\u201d"),
    ],
)
def test_a_rate_echoed_in_an_error_is_shown_as_typed(lang: str, message: str) -> None:
    """Typography must not alter what the reader typed ("35 %;" keeps its plain space, no space added)."""
    error = fails("payment", {"access": "full", "payer": "client", "price": "1", "rate": "35 %;", "lang": lang})
    assert str(error["message"]).startswith(message)
