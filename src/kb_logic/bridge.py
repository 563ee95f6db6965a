"""The one JSON entry point: :func:`call` (the browser's only door, and the CLI's).

``call(name, payload)`` never raises. Every payload accepts ``"lang": "fr" | "en"`` (default
``fr``). Every answer follows the answer contract (v2, :mod:`kb_logic._answer`): its raw fields
(booleans, codes, money as decimal strings) plus ``verdict``, ``message``, ``reasons``,
``details``, ``next`` and ``rules``. A request that cannot be understood gets
``{"error": {"code", "message", "field", "label"}}`` with a code from
:data:`kb_logic.errors.ERROR_CODES` and a message naming the field by its label.

Numbers may come as JSON numbers (``Decimal`` too, when the JSON was parsed with
``parse_float=Decimal``) or as decimal strings, as the browser sends what the reader typed.

>>> call("eligibility", {"entity": "company", "registered": True, "annual_amount": "2000",
...     "currency": "CHF", "provides_support": True, "handles_billing": True,
...     "exclusive_tenders": True, "accepts_conditions": True, "lang": "en"})["message"]
'You are eligible for the reseller programme.'
>>> call("vat", {"number": "CHE-116.281.710 MWST"})["compact"]
'CHE116281710MWST'
>>> call("payment", {"access": "full", "payer": "client", "price": True, "rate": 1})["error"]["label"]
'Prix public'
>>> call("nope", [])["error"]["code"]
'unknown_call'
>>> sorted(CALLS)
['access', 'eligibility', 'onboarding', 'payment', 'support_code', 'vat']
"""

from __future__ import annotations

from typing import Any, Final, Protocol

from kb_logic import access, eligibility, onboarding, payment, support_code, vat
from kb_logic._payload import JsonObject, obj
from kb_logic.constants import DEFAULT_LANG, LANGS, Lang
from kb_logic.errors import InternalError, KbError, LangError, UnknownCallError, WrongTypeError

__all__ = ["CALLS", "RuleModule", "call"]


class RuleModule[Q, R](Protocol):
    """What every rule module is: a typed question read from JSON (in the reader's language), a
    decision, a JSON answer."""

    def parse(self, payload: JsonObject, lang: Lang, /) -> Q: ...
    def evaluate(self, question: Q, /) -> R: ...
    def to_json(self, result: R, lang: Lang, /) -> dict[str, object]: ...


_REGISTRY: Final[dict[str, RuleModule[Any, Any]]] = {
    "eligibility": eligibility,
    "access": access,
    "payment": payment,
    "vat": vat,
    "onboarding": onboarding,
    "support_code": support_code,
}

CALLS: Final[dict[str, str]] = {
    name: (module.__doc__ or name).strip().splitlines()[0] for name, module in _REGISTRY.items()
}
"""The call names, each with its rule module's one-line summary."""


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
        module = _REGISTRY[name]
        # lang too: a typed number is read as the reader's language writes numbers
        question = module.parse({key: value for key, value in data.items() if key != "lang"}, lang)
        return module.to_json(module.evaluate(question), lang)
    except KbError as err:
        return {"error": err.to_json(lang)}
    except Exception as exc:  # a bug: still an answer, never a traceback
        try:
            return {"error": InternalError(None, info=type(exc).__name__).to_json(lang)}
        except Exception:
            return {"error": {"code": "internal", "message": "internal error", "field": None, "label": None}}
