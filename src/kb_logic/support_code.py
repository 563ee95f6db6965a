"""CODE: where to find the support code and the VIP code (neither is a domain transfer code).

>>> evaluate(SupportQuestion(premium_support=False)).vip_code
False
>>> evaluate(SupportQuestion(premium_support=True)).rules
('CODE-1', 'CODE-2', 'CODE-3', 'CODE-4')
"""

from __future__ import annotations

from dataclasses import dataclass

from kb_logic import _payload
from kb_logic.constants import Lang
from kb_logic.messages import message
from kb_logic.rules import FAMILIES, statement


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


def parse(payload: _payload.JsonObject) -> SupportQuestion:
    """The typed input of the ``support_code`` call."""
    data = _payload.fields(payload, "", required=("premium_support",))
    return SupportQuestion(_payload.boolean(data, "premium_support", ""))


def to_json(result: SupportCodes, lang: Lang) -> dict[str, object]:
    """The bridge answer: where to find each code."""

    def item(rule: str) -> dict[str, str]:
        return {"id": rule, "text": statement(rule, lang)}

    return {
        "has_vip_code": result.vip_code,
        "support_code": item("CODE-2"),
        "temporary_access": item("CODE-3"),
        "vip_code": item("CODE-4") if result.vip_code else None,
        "is_transfer_code": result.transfer_code,
        "transfer_code_note": item("CODE-1"),
        "rules": list(result.rules),
        "message": message(f"support_code.{'premium' if result.vip_code else 'standard'}", lang),
    }
