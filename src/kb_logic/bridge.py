"""The one JSON entry point: :func:`call` (the browser's only door, and the CLI's).

``call(name, payload)`` never raises. Every payload accepts ``"lang": "fr" | "en"``
(default ``fr``); every answer carries ``"rules"`` (the rule IDs that decided it) and a
localized ``"message"``. A request that cannot be understood gets
``{"error": {"code", "message", "field"}}`` with a code from :data:`kb_logic.errors.ERROR_CODES`.

>>> call("eligibility", {"entity": "company", "registered": True, "annual_amount": 2000,
...     "currency": "CHF", "provides_support": True, "handles_billing": True,
...     "exclusive_tenders": True, "accepts_conditions": True, "lang": "en"})["message"]
'Eligible: the six conditions of the reseller programme are met.'
>>> call("vat", {"number": "CHE-116.281.710 MWST"})["compact"]
'CHE116281710MWST'
>>> call("payment", {"access": "full", "payer": "client", "price": True})["error"]["code"]
'type'
>>> call("nope", [])["error"]["code"]
'unknown_call'
>>> sorted(CALLS)
['access', 'eligibility', 'onboarding', 'payment', 'support_code', 'vat']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from kb_logic import access, eligibility, onboarding, payment, support_code, vat
from kb_logic._payload import JsonObject, obj
from kb_logic.constants import CURRENCIES, DEFAULT_LANG, LANGS, Lang
from kb_logic.errors import ERROR_CODES, InternalError, KbError, LangError, UnknownCallError, WrongTypeError

__all__ = ["CALLS", "call", "describe"]

Runner = Callable[[JsonObject, Lang], dict[str, object]]


@dataclass(frozen=True, slots=True)
class _Call:
    description: str
    fields: dict[str, str]
    run: Runner


def _runner[I, R](
    parse: Callable[[JsonObject], I],
    evaluate: Callable[[I], R],
    to_json: Callable[[R, Lang], dict[str, object]],
) -> Runner:
    def run(payload: JsonObject, lang: Lang) -> dict[str, object]:
        return to_json(evaluate(parse(payload)), lang)

    return run


_BOOL: Final = "boolean"
_GRANT: Final = "{name: string, access: 'limited'|'full', products?: [string] (non-empty for limited)}"

_REGISTRY: Final[dict[str, _Call]] = {
    "eligibility": _Call(
        "May this applicant become an Infomaniak reseller/partner? (ELIG-1..6)",
        {
            "entity": "'company'|'individual'",
            "registered": _BOOL,
            "annual_amount": "number >= 0",
            "currency": "|".join(f"'{c}'" for c in CURRENCIES),
            "provides_support": _BOOL,
            "handles_billing": _BOOL,
            "exclusive_tenders": _BOOL,
            "accepts_conditions": _BOOL,
        },
        _runner(eligibility.parse, eligibility.evaluate, eligibility.to_json),
    ),
    "access": _Call(
        "May the client grant this access to a partner, and what may the partner do? (ACC-*)",
        {"partners": f"[{_GRANT}]", "request": _GRANT},
        _runner(access.parse, access.evaluate, access.to_json),
    ),
    "payment": _Call(
        "Who pays, who sees the invoices, what the partner earns; amounts for an assumed rate (PAY-*)",
        {
            "access": "'full'|'limited'",
            "payer": "'client'|'partner'",
            "price?": "number >= 0 (with rate)",
            "rate?": "number, 0 <= rate <= 0.35 (with price)",
        },
        _runner(payment.parse, payment.evaluate, payment.to_json),
    ),
    "vat": _Call(
        "Is this VAT number well formed with valid check digits (not: registered)? Where to enter it (VAT-*)",
        {"number": "string", "country?": "string|null (for a number written without prefix)"},
        _runner(vat.parse, vat.evaluate, vat.to_json),
    ),
    "onboarding": _Call(
        "The steps to add a partner, add a client or access a client's account (ONB-*)",
        {
            "flow": "|".join(f"'{f}'" for f in onboarding.FLOWS),
            "role": "|".join(f"'{r}'" for r in onboarding.ROLES),
        },
        _runner(onboarding.parse, onboarding.evaluate, onboarding.to_json),
    ),
    "support_code": _Call(
        "Where to find the support code and the VIP code (CODE-*)",
        {"premium_support": _BOOL},
        _runner(support_code.parse, support_code.evaluate, support_code.to_json),
    ),
}

CALLS: Final[dict[str, str]] = {name: spec.description for name, spec in _REGISTRY.items()}
"""The call names, with a one-line description each."""


def describe() -> dict[str, object]:
    """What the front end needs to know: calls, their fields, languages, error codes.

    >>> describe()["calls"]["support_code"]["fields"]
    {'premium_support': 'boolean', 'lang?': "'fr'|'en'"}
    """
    return {
        "calls": {
            name: {"description": spec.description, "fields": {**spec.fields, "lang?": "'fr'|'en'"}}
            for name, spec in _REGISTRY.items()
        },
        "langs": list(LANGS),
        "default_lang": DEFAULT_LANG,
        "errors": list(ERROR_CODES),
    }


def _lang(data: JsonObject) -> Lang:
    value = data.get("lang", DEFAULT_LANG)
    if not isinstance(value, str):
        raise WrongTypeError("lang", expected="string")
    for lang in LANGS:
        if value == lang:
            return lang
    raise LangError("lang", value=value)


def call(name: object, payload: object) -> dict[str, object]:
    """Answer one request; never raises (errors come back as ``{"error": {...}}``)."""
    lang: Lang = DEFAULT_LANG
    try:
        if isinstance(payload, dict) and payload.get("lang") in LANGS:
            lang = "en" if payload["lang"] == "en" else "fr"
        if not isinstance(name, str) or name not in _REGISTRY:
            shown = name if isinstance(name, str) else repr(name)
            raise UnknownCallError(None, name=shown, calls=", ".join(CALLS))
        data = obj(payload, None)
        lang = _lang(data)
        return _REGISTRY[name].run({key: value for key, value in data.items() if key != "lang"}, lang)
    except KbError as err:
        return {"error": err.to_json(lang)}
    except Exception as exc:  # a bug: still an answer, never a traceback
        try:
            return {"error": InternalError(None, info=type(exc).__name__).to_json(lang)}
        except Exception:
            return {"error": {"code": "internal", "message": "internal error", "field": None}}
