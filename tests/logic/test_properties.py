"""Property tests (hypothesis): bridge.call never raises, for any JSON-like payload, any VAT text
(invisible characters included) and any call name; the CLI's ``call`` always answers one JSON object
with exit 0 or 2, for any bytes."""

from __future__ import annotations

import json
import sys
from decimal import Decimal

import pytest

if sys.platform == "emscripten":  # hypothesis is not installed in Pyodide; elsewhere its absence fails
    pytest.skip("hypothesis runs in CPython only", allow_module_level=True)

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kb_logic import _text
from kb_logic.__main__ import run_call
from kb_logic.bridge import CALLS, call
from kb_logic.constants import MAX_RATE
from kb_logic.errors import ERROR_CODES
from kb_logic.vat import VatQuery, evaluate

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
    "BE (0)403.019.261",
    "FR: 40 303 265 045",
    "19,90",
    "1 234,50",
]
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u180e"
"""What a paste from a PDF or an e-mail brings along (format characters, category Cf)."""
ODD_SPACES = "\u00a0\u202f\u2007\u2009\u3000\t"
SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)

# Text with everything people paste, lone surrogates included (hypothesis leaves those out by default).
pasted = st.text(
    st.characters(codec=None) | st.sampled_from(INVISIBLE + ODD_SPACES + ":()-./") | SURROGATES, max_size=30
)
EXPONENTS = st.tuples(st.integers(min_value=0, max_value=10**6), st.integers(min_value=-(10**9), max_value=10**9))
"""Mantissa and exponent: 1e-999999999 crashed eligibility and showed a rate as "0 %"."""
exponent_forms = (
    EXPONENTS.map(lambda pair: Decimal(f"{pair[0]}E{pair[1]}"))  # a JSON number read with parse_float=Decimal
    | EXPONENTS.map(lambda pair: f"{pair[0]}e{pair[1]}")  # typed, as the browser sends it
    | st.sampled_from(["1e-999999999", "1E-999999999", "35e0", "3.5e1 %", "2e3", "0e-999999999"])
)
numbers = (
    st.integers()
    | st.floats()
    | st.decimals(allow_nan=True, allow_infinity=True)
    | st.integers(min_value=0, max_value=10**60).map(lambda n: Decimal(n).scaleb(-20))
    | exponent_forms
)
scalars = st.none() | st.booleans() | numbers | st.sampled_from(WORDS) | pasted
json_like = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=5), inner, max_size=5)
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


@settings(max_examples=100, deadline=None)
@given(json_like.filter(lambda value: not isinstance(value, str)), payloads)
@example(None, {}).via("explicit")
@example(3, {"number": "FR40303265045"}).via("explicit")
@example(["vat"], {"number": "FR40303265045"}).via("explicit")
@example({"name": "vat"}, {}).via("explicit")
def test_a_call_name_that_is_not_a_string_is_an_unknown_call(name: object, payload: object) -> None:
    answer = call(name, payload)
    error = answer["error"]
    assert isinstance(error, dict) and error["code"] == "unknown_call"


@settings(max_examples=300, deadline=None)
@given(
    pasted, st.none() | pasted | st.sampled_from(["GR", "gr", "EL", "CHE", "FR\u200b"]), st.sampled_from(["fr", "en"])
)
def test_vat_answers_any_text(number: str, country: str | None, lang: str) -> None:
    answer = call("vat", {"number": number, "country": country, "lang": lang})
    _check(answer)
    assert "error" not in answer


def scatter(text: str, noise: list[str], data: st.DataObject) -> str:
    """``text`` with each character of ``noise`` inserted at a position hypothesis draws."""
    for ch in noise:
        at = data.draw(st.integers(min_value=0, max_value=len(text)))
        text = text[:at] + ch + text[at:]
    return text


VALID = ["FR40303265045", "BE0403019261", "CHE116281710MWST", "EL094259216", "DE136695976", "NO995525828MVA"]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(VALID), st.lists(st.sampled_from(INVISIBLE + ODD_SPACES + " .-"), max_size=6), st.data())
def test_pasted_invisible_characters_and_spaces_never_change_the_verdict(
    number: str, noise: list[str], data: st.DataObject
) -> None:
    noisy = scatter(number, noise, data)
    assert evaluate(VatQuery(noisy, None)) == evaluate(VatQuery(number, None))


@settings(max_examples=200, deadline=None)
@given(pasted, st.lists(st.sampled_from(INVISIBLE), max_size=4), st.data())
def test_name_key_ignores_invisible_characters_and_is_idempotent(
    name: str, noise: list[str], data: st.DataObject
) -> None:
    noisy = scatter(name, noise, data)
    key = _text.name_key(name)
    assert _text.name_key(noisy) == key
    assert _text.name_key(key) == key
    assert key == key.strip() and "  " not in key


@settings(max_examples=300, deadline=None)
@given(
    names | SURROGATES.map(str), st.binary(max_size=200) | payloads.map(lambda p: json.dumps(p, default=str).encode())
)
def test_cli_call_is_always_one_json_object_with_exit_0_or_2(name: str, raw: bytes) -> None:
    status, text = run_call(name, raw)
    assert status in (0, 2), text
    answer = json.loads(text.encode("utf-8"))  # strict UTF-8: no lone surrogate reaches the output
    assert isinstance(answer, dict) and "\n" not in text
    assert ("error" in answer) == (status == 2)


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(["\ufeff", ""]), st.sampled_from(sorted(CALLS)), payloads)
def test_cli_call_with_a_bom_reads_the_same_as_without(bom: str, name: str, payload: object) -> None:
    raw = json.dumps(payload, default=str).encode()
    assert run_call(name, bom.encode() + raw) == run_call(name, raw)


@settings(max_examples=200, deadline=None)
@given(
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.decimals(min_value=0, max_value=MAX_RATE, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from(["client", "partner"]),
)
@example(Decimal("19.90"), Decimal("25"), "partner")  # a half-cent share: rounding twice gives 19.91
@example(Decimal("0.10"), Decimal("5"), "client")
def test_payment_amounts_are_cents_that_add_up(price: Decimal, rate: Decimal, payer: str) -> None:
    answer = call("payment", {"access": "full", "payer": payer, "price": price, "rate": rate})
    _check(answer)
    amounts = answer["amounts"]
    assert isinstance(amounts, dict)
    money = {key: Decimal(amounts[key]) for key in ("client_pays", "partner_pays", "partner_earns", "partner_saves")}
    for value in money.values():
        assert value >= 0 and value == value.quantize(Decimal("0.01"))
    if payer == "partner":
        assert money["partner_pays"] + money["partner_saves"] == price
    else:
        assert money["client_pays"] == price


@settings(max_examples=300, deadline=None)
@given(exponent_forms, st.sampled_from(["annual_amount", "price", "rate"]), st.sampled_from(["fr", "en"]))
@example("1e-999999999", "annual_amount", "fr").via("explicit")
@example(Decimal("1e-999999999"), "rate", "en").via("explicit")
def test_numbers_with_any_exponent_are_answered_or_refused_by_name(value: object, field: str, lang: str) -> None:
    """Never an internal error; a refusal names the field; an accepted rate is never shown as a rounded 0."""
    if field == "annual_amount":
        payload: dict[str, object] = {
            "entity": "company", "registered": True, "annual_amount": value, "currency": "CHF",
            "provides_support": True, "handles_billing": True, "exclusive_tenders": True, "accepts_conditions": True,
        }  # fmt: skip
        name = "eligibility"
    else:
        payload = {"access": "full", "payer": "client", "price": "100", "rate": "10", field: value}
        name = "payment"
    answer = call(name, {**payload, "lang": lang})
    _check(answer)
    if "error" in answer:
        error = answer["error"]
        assert isinstance(error, dict) and error["field"] == field and error["code"] == "value"
    elif field == "rate":
        amounts = answer["amounts"]
        assert isinstance(amounts, dict)
        rate = Decimal(amounts["rate"])
        assert rate == 0 or rate >= Decimal("0.001")
