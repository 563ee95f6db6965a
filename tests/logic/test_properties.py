"""Property tests (hypothesis): bridge.call never raises, for any JSON-like payload."""

from __future__ import annotations

import json

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kb_logic.bridge import CALLS, call  # noqa: E402
from kb_logic.errors import ERROR_CODES  # noqa: E402

pytestmark = pytest.mark.no_pyodide

FIELDS = [
    "entity",
    "registered",
    "annual_amount",
    "currency",
    "provides_support",
    "handles_billing",
    "exclusive_tenders",
    "accepts_conditions",
    "partners",
    "request",
    "name",
    "access",
    "products",
    "payer",
    "price",
    "rate",
    "number",
    "country",
    "flow",
    "role",
    "premium_support",
    "lang",
]
WORDS = [
    "company",
    "individual",
    "CHF",
    "EUR",
    "USD",
    "full",
    "limited",
    "client",
    "partner",
    "fr",
    "en",
    "legal_representative",
    "administrator",
    "collaborator",
    "client_adds_partner",
    "partner_adds_client",
    "access_client_account",
    "CHE-116.281.710 MWST",
    "GR094259216",
    "EU372022452",
    "FR40303265045",
]

scalars = (
    st.none() | st.booleans() | st.integers() | st.floats() | st.sampled_from(WORDS) | st.text(max_size=20)
)
json_like = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=5), inner, max_size=5)
    ),
    max_leaves=12,
)
payloads = st.dictionaries(st.sampled_from(FIELDS), json_like, max_size=9) | json_like
names = st.sampled_from(sorted(CALLS)) | st.text(max_size=8)


def _check(answer: dict[str, object]) -> None:
    json.dumps(answer, allow_nan=False)
    if "error" in answer:
        error = answer["error"]
        assert isinstance(error, dict) and error["code"] in ERROR_CODES
        assert error["code"] != "internal", answer
    else:
        assert isinstance(answer["rules"], list) and isinstance(answer["message"], str)


@settings(max_examples=400, deadline=None)
@given(names, payloads)
def test_call_never_raises(name: str, payload: object) -> None:
    _check(call(name, payload))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.none() | st.text(max_size=4), st.sampled_from(["fr", "en"]))
def test_vat_answers_any_text(number: str, country: str | None, lang: str) -> None:
    answer = call("vat", {"number": number, "country": country, "lang": lang})
    _check(answer)
    assert "error" not in answer


@settings(max_examples=200, deadline=None)
@given(
    st.floats(min_value=0, allow_infinity=False) | st.integers(min_value=0, max_value=10**300),
    st.floats(min_value=0, max_value=0.35),
    st.sampled_from(["client", "partner"]),
)
def test_payment_amounts_always_in_cents(price: float, rate: float, payer: str) -> None:
    answer = call("payment", {"access": "full", "payer": payer, "price": price, "rate": rate})
    _check(answer)
    amounts = answer["amounts"]
    assert isinstance(amounts, dict)
    for key in ("client_pays", "partner_pays", "partner_earns", "partner_saves"):
        assert amounts[key] >= 0
