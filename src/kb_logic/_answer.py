"""The answer contract (v2) every call's ``to_json`` builds: raw fields plus what a reader sees.

``verdict`` (``ok``, ``ko``, ``info``, ``not_covered``), ``message`` (one short sentence),
``reasons`` (readable text, each with the guide anchor it comes from or ``None``), ``details``
(label/value display strings), ``next`` (one link to a guide section, or ``None``) and ``rules``
(the rule IDs that decided it: for attributes, never shown as text).

>>> reason_for("PAY-X2", "en")
{'text': 'The partner will be notified of the change by e-mail.', 'anchor': 'pay-x2'}
>>> next_step("support", "en")["anchor"]
'support-code'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Literal, TypedDict

from kb_logic import rules
from kb_logic.constants import CURRENCIES, Lang
from kb_logic.messages import message

Verdict = Literal["ok", "ko", "info", "not_covered"]
VERDICTS: Final[tuple[Verdict, ...]] = ("ok", "ko", "info", "not_covered")


class Reason(TypedDict):
    text: str
    anchor: str | None


class Detail(TypedDict):
    key: str
    label: str
    value: str


class Next(TypedDict):
    text: str
    anchor: str


def reason(text: str, anchor: str | None = None) -> Reason:
    """A reason that is not a rule (a remark, a silent case): ``anchor`` a section or ``None``."""
    if anchor is not None and anchor not in rules.anchors():
        raise KeyError(anchor)
    return {"text": text, "anchor": anchor}


def reason_for(rule_id: str, lang: Lang) -> Reason:
    """A rule as a reason: its statement exactly as the guide shows it, linked to its paragraph."""
    return {"text": rules.text(rule_id, lang), "anchor": rules.anchor(rule_id)}


def other_currency(currency: str, lang: Lang) -> Reason:
    """The silent case of a currency the guides give no amount in (``silent.other_currency``)."""
    return reason(message("silent.other_currency", lang, currency=currency, currencies=", ".join(CURRENCIES)))


def detail(key: str, value: str, lang: Lang) -> Detail:
    """One line of details: ``label.<key>`` and an already formatted value."""
    return {"key": key, "label": message(f"label.{key}", lang), "value": value}


def next_step(key: str, lang: Lang) -> Next:
    """The one link an answer ends with (catalogue ``next.<key>``, anchor ``rules.SECTIONS[key]``)."""
    return {"text": message(f"next.{key}", lang), "anchor": rules.SECTIONS[key]}


def yes_no(value: bool, lang: Lang) -> str:
    return message("value.yes" if value else "value.no", lang)


def answer(
    raw: dict[str, object],
    *,
    verdict: Verdict,
    text: str,
    reasons: Iterable[Reason],
    details: Iterable[Detail],
    next: Next | None,  # the contract's field name
    rule_ids: Iterable[str],
) -> dict[str, object]:
    """The bridge answer: ``raw`` fields, then the contract's fields."""
    return {
        **raw,
        "verdict": verdict,
        "message": text,
        "reasons": list(reasons),
        "details": list(details),
        "next": next,
        "rules": list(rule_ids),
    }
