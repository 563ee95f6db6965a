"""The JSON bridge: calls, describe(), error codes, languages, never raising."""

from __future__ import annotations

import json
import math

import pytest
from _logic_helpers import fails

from kb_logic.bridge import CALLS, call, describe
from kb_logic.errors import ERROR_CODES, KbError

EXAMPLES: dict[str, dict[str, object]] = {
    "eligibility": {"entity": "company", "registered": True, "annual_amount": 2000, "currency": "CHF",
                    "provides_support": True, "handles_billing": True, "exclusive_tenders": True,
                    "accepts_conditions": True},
    "access": {"partners": [], "request": {"name": "A", "access": "full"}},
    "payment": {"access": "full", "payer": "client", "price": 100, "rate": 0.2},
    "vat": {"number": "CHE-116.281.710 MWST"},
    "onboarding": {"flow": "partner_adds_client", "role": "legal_representative"},
    "support_code": {"premium_support": True},
}  # fmt: skip


def test_calls_and_describe() -> None:
    assert set(CALLS) == set(EXAMPLES)
    described = describe()
    assert set(described["calls"]) == set(CALLS)  # type: ignore[call-overload]
    assert described["errors"] == list(ERROR_CODES)
    json.dumps(described, allow_nan=False)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_call_answers_in_both_languages(name: str) -> None:
    fr = call(name, EXAMPLES[name])
    en = call(name, {**EXAMPLES[name], "lang": "en"})
    for answer in (fr, en):
        assert "error" not in answer
        assert answer["rules"] and isinstance(answer["message"], str)
        json.dumps(answer, allow_nan=False)
    assert fr["message"] != en["message"]
    assert fr["rules"] == en["rules"]
    assert call(name, {**EXAMPLES[name], "lang": "fr"}) == fr  # fr is the default


def test_error_codes() -> None:
    assert ERROR_CODES == ("json", "unknown_call", "missing_field", "unknown_field", "type", "value",
                           "currency", "lang", "internal")  # fmt: skip
    assert fails("nope", {})["code"] == "unknown_call"
    assert fails(None, {})["code"] == "unknown_call"  # type: ignore[arg-type]
    for payload in ([], "x", 1, None, True, {1: 2}):
        error = fails("vat", payload)
        assert (error["code"], error["field"]) == ("type", None)
    error = fails("vat", {"number": "x", "lang": "de"})
    assert (error["code"], error["field"]) == ("lang", "lang")
    assert fails("vat", {"number": "x", "lang": 1})["code"] == "type"


def test_errors_are_localized() -> None:
    fr = fails("eligibility", {"lang": "fr"})
    en = fails("eligibility", {"lang": "en"})
    assert fr["message"].startswith("Champ manquant")  # type: ignore[union-attr]
    assert en["message"].startswith("Missing field")  # type: ignore[union-attr]


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


def test_kb_error_family() -> None:
    for code in ERROR_CODES:
        assert any(cls.code == code for cls in [KbError, *_subclasses(KbError)])


def _subclasses(cls: type) -> list[type]:
    return [sub for direct in cls.__subclasses__() for sub in (direct, *_subclasses(direct))]
