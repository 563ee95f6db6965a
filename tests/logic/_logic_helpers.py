"""Helpers of the kb_logic tests: bridge answers that must succeed (in the v2 contract's shape) or
fail, and :func:`assert_rules`, the assertion a ``@pytest.mark.rule`` test must make."""

from __future__ import annotations

import json
import re
from typing import Any

from kb_logic import anchors
from kb_logic.bridge import call
from kb_logic.rules import RULE_IDS, text

VERDICTS = {"ok", "ko", "info", "not_covered"}
RULE_ID = re.compile(r"\b(?:ELIG|ACC|PAY|VAT|CODE|ONB)-[A-Z]?\d+\b")

Answer = dict[str, Any]
"""A bridge answer once :func:`check_contract` has checked its shape: JSON the tests index into freely."""

ASSERTED: set[str] = set()
"""Rule IDs :func:`assert_rules` checked during the current test (conftest resets it per test)."""


def check_contract(answer: dict[str, object]) -> None:
    """The v2 fields: verdict, one message, reasons, details, next, rules; IDs never shown as text."""
    assert answer["verdict"] in VERDICTS, answer
    shown: list[str] = []
    message = answer["message"]
    assert isinstance(message, str) and message and "\n" not in message
    shown.append(message)
    reasons = answer["reasons"]
    assert isinstance(reasons, list)
    for reason in reasons:
        assert set(reason) == {"text", "anchor"} and isinstance(reason["text"], str) and reason["text"]
        anchor = reason["anchor"]
        assert anchor is None or anchor in anchors(), anchor
        if anchor is not None and anchor.upper() in RULE_IDS:  # a rule: its statement, exactly
            assert reason["text"] in (text(anchor.upper(), "fr"), text(anchor.upper(), "en"))
        shown.append(reason["text"])
    details = answer["details"]
    assert isinstance(details, list)
    for detail in details:
        assert set(detail) == {"key", "label", "value"}
        assert all(isinstance(detail[key], str) and detail[key] for key in detail)
        shown += [detail["label"], detail["value"]]
    step = answer["next"]
    if step is not None:
        assert isinstance(step, dict) and set(step) == {"text", "anchor"} and step["anchor"] in anchors()
        shown.append(step["text"])
    rules = answer["rules"]
    assert isinstance(rules, list) and rules and all(rule in RULE_IDS for rule in rules)
    for piece in shown:
        assert not RULE_ID.search(piece), f"a rule ID shown as text: {piece!r}"


def ask(name: str, **payload: object) -> Answer:
    """A bridge answer that must be a success in the v2 shape, and JSON-serialisable."""
    answer = call(name, payload)
    assert "error" not in answer, answer
    json.dumps(answer, allow_nan=False)
    check_contract(answer)
    return answer


def assert_rules(answer: dict[str, object], *rule_ids: str) -> None:
    """Assert the answer was decided by each of ``rule_ids`` (and record it for the rule meta-test)."""
    rules = answer["rules"]
    assert isinstance(rules, list)
    for rule in rule_ids:
        assert rule in rules, (rule, rules)
    ASSERTED.update(rule_ids)


def fails(name: str, payload: object) -> dict[str, str | None]:
    """The ``error`` object of a bridge answer that must be an error."""
    answer = call(name, payload)
    assert set(answer) == {"error"}, answer
    json.dumps(answer, allow_nan=False)
    error = answer["error"]
    assert isinstance(error, dict)
    assert set(error) == {"code", "message", "field", "label"}
    assert isinstance(error["message"], str) and error["message"]
    if error["field"] is not None:  # the message names the field by its label
        assert isinstance(error["label"], str) and error["label"] in error["message"], error
    return error
