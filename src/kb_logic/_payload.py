"""Reading JSON payloads: shape, types and ranges, each failure a :class:`KbError` naming its field.

>>> obj = fields({"a": 1}, "", required=("a",))
>>> number(obj, "a", "")
1
>>> boolean({"b": 1}, "b", "")
Traceback (most recent call last):
    ...
kb_logic.errors.WrongTypeError: b: expected a boolean (true or false).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Final

from kb_logic.errors import InvalidValueError, MissingFieldError, UnknownFieldError, WrongTypeError

JsonObject = dict[str, object]

MAX_TEXT: Final = 1000
"""Longest accepted string field (names, products, VAT numbers)."""


def path(prefix: str, key: str) -> str:
    """A dotted field path (``request.products``)."""
    return f"{prefix}.{key}" if prefix else key


def obj(value: object, field: str | None) -> JsonObject:
    """``value`` as a JSON object (a dict with string keys)."""
    if not isinstance(value, dict) or not all(isinstance(key, str) for key in value):
        raise WrongTypeError(field, expected="object")
    return value


def fields(
    value: object, prefix: str, *, required: Iterable[str], optional: Iterable[str] = ()
) -> JsonObject:
    """Check an object holds all ``required`` keys and nothing beyond ``optional``."""
    data = obj(value, prefix or None)
    required = tuple(required)
    known = set(required) | set(optional)
    for key in required:
        if key not in data:
            raise MissingFieldError(path(prefix, key))
    for key in data:
        if key not in known:
            raise UnknownFieldError(path(prefix, key[:60]))
    return data


def boolean(data: Mapping[str, object], key: str, prefix: str) -> bool:
    value = data[key]
    if not isinstance(value, bool):
        raise WrongTypeError(path(prefix, key), expected="boolean")
    return value


def number(data: Mapping[str, object], key: str, prefix: str) -> int | float:
    """A finite, non-negative JSON number (``bool`` is not a number)."""
    value = data[key]
    field = path(prefix, key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise WrongTypeError(field, expected="number")
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an int too large for a float
        finite = False
    if not finite:
        raise InvalidValueError(field, detail="not_finite")
    if value < 0:
        raise InvalidValueError(field, detail="negative")
    return value


def text(data: Mapping[str, object], key: str, prefix: str) -> str:
    value = data[key]
    field = path(prefix, key)
    if not isinstance(value, str):
        raise WrongTypeError(field, expected="string")
    if len(value) > MAX_TEXT:
        raise InvalidValueError(field, detail="too_long")
    return value


def choice[T: str](data: Mapping[str, object], key: str, prefix: str, choices: tuple[T, ...]) -> T:
    """One of ``choices`` (exact spelling)."""
    value = text(data, key, prefix)
    for option in choices:
        if value == option:
            return option
    raise InvalidValueError(path(prefix, key), detail="choice", value=value, choices=", ".join(choices))


def text_list(data: Mapping[str, object], key: str, prefix: str) -> tuple[str, ...]:
    value = data[key]
    field = path(prefix, key)
    if not isinstance(value, list):
        raise WrongTypeError(field, expected="list")
    items: list[str] = []
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise WrongTypeError(f"{field}[{index}]", expected="string")
        if len(item) > MAX_TEXT:
            raise InvalidValueError(f"{field}[{index}]", detail="too_long")
        items.append(item)
    return tuple(items)
