"""Helpers of the kb_logic tests: bridge answers that must succeed or fail."""

from __future__ import annotations

import json

from kb_logic.bridge import call


def ask(name: str, **payload: object) -> dict[str, object]:
    """A bridge answer that must be a success, and JSON-serialisable."""
    answer = call(name, payload)
    assert "error" not in answer, answer
    json.dumps(answer, allow_nan=False)
    assert isinstance(answer["rules"], list)
    assert isinstance(answer["message"], str) and answer["message"]
    return answer


def fails(name: str, payload: object) -> dict[str, object]:
    """The ``error`` object of a bridge answer that must be an error."""
    answer = call(name, payload)
    assert set(answer) == {"error"}, answer
    json.dumps(answer, allow_nan=False)
    error = answer["error"]
    assert isinstance(error, dict)
    assert set(error) == {"code", "message", "field"}
    return error
