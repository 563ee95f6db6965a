"""CODE: where to find the support code and the VIP code (neither is a domain transfer code).

>>> evaluate(SupportQuestion(premium_support=False)).vip_code
False
>>> evaluate(SupportQuestion(premium_support=True)).rules
('CODE-1', 'CODE-2', 'CODE-3', 'CODE-4')
"""

from __future__ import annotations

from dataclasses import dataclass

from kb_logic import _answer, _payload
from kb_logic.constants import Lang
from kb_logic.messages import message
from kb_logic.rules import FAMILIES


@dataclass(frozen=True, slots=True)
class SupportQuestion:
    """Whether the client subscribed to Premium Support."""

    premium_support: bool


@dataclass(frozen=True, slots=True)
class SupportCodes:
    """Every client has a support code (CODE-2, CODE-3); the VIP code needs Premium Support (CODE-4)."""

    support_code: bool
    vip_code: bool
    transfer_code: bool
    rules: tuple[str, ...]


def evaluate(question: SupportQuestion) -> SupportCodes:
    """Which codes the client has; neither is the domain transfer code (CODE-1)."""
    return SupportCodes(True, question.premium_support, False, FAMILIES["CODE"])


def parse(payload: _payload.JsonObject, lang: Lang) -> SupportQuestion:
    """The typed input of the ``support_code`` call."""
    data = _payload.fields(payload, "", required=("premium_support",))
    return SupportQuestion(_payload.boolean(data, "premium_support", ""))


def to_json(result: SupportCodes, lang: Lang) -> dict[str, object]:
    """The bridge answer (contract v2): where to find each code, neither being a transfer code."""
    shown = ("CODE-2", "CODE-4", "CODE-1") if result.vip_code else ("CODE-2", "CODE-1")
    return _answer.answer(
        {
            "has_vip_code": result.vip_code,
            "support_code": result.support_code,
            "is_transfer_code": result.transfer_code,
        },
        verdict="info",
        text=message(f"support_code.{'premium' if result.vip_code else 'standard'}", lang),
        reasons=[_answer.reason_for(rule, lang) for rule in shown],
        details=[
            _answer.detail("support_code", _answer.yes_no(result.support_code, lang), lang),
            _answer.detail("vip_code", _answer.yes_no(result.vip_code, lang), lang),
        ],
        next=_answer.next_step("vip_code" if result.vip_code else "support_code", lang),
        rule_ids=result.rules,
    )
