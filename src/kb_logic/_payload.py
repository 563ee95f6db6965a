"""Reading JSON payloads: shape, types and ranges, each failure a :class:`KbError` naming its field.

>>> obj = fields({"a": 1, "p": "19,90"}, "", required=("a", "p"))
>>> decimal(obj, "a", ""), decimal(obj, "p", "")
(Decimal('1'), Decimal('19.90'))
>>> boolean({"b": 1}, "b", "")
Traceback (most recent call last):
    ...
kb_logic.errors.WrongTypeError: b: expected a boolean (true or false).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Final

from kb_logic.errors import InvalidValueError, MissingFieldError, UnknownFieldError, WrongTypeError

JsonObject = dict[str, object]

MAX_TEXT: Final = 1000
"""Longest accepted string field (names, products, VAT numbers)."""

MAX_DIGITS: Final = 40
"""Most significant digits a number may carry (``1999.99999999999999999`` has 21)."""
MAX_INTEGER_DIGITS: Final = 15
"""Most digits before the decimal point: no order or yearly amount comes near 10**15."""
GROUPING: Final = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009'’](?=\d)")
"""Thousands separators a reader may type between digits ("1 234,50", "1'234.50")."""


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


def decimal(data: Mapping[str, object], key: str, prefix: str) -> Decimal:
    """A finite, non-negative decimal: a JSON number (``int``, ``float``, or ``Decimal`` when the
    JSON was parsed with ``parse_float=Decimal``) or a decimal string as the browser sends what the
    reader typed (``"19.90"``, ``"19,90"``, ``"1 234,50"``). ``bool`` is not a number.

    >>> decimal({"x": "1999.99999999999999999"}, "x", "") < 2000
    True
    >>> decimal({"x": 0.1}, "x", "")
    Decimal('0.1')
    """
    value = data[key]
    field = path(prefix, key)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise WrongTypeError(field, expected="number")
    if isinstance(value, str):
        written = GROUPING.sub("", value.strip())
        if "," in written and "." not in written:  # the French decimal comma
            written = written.replace(",", ".")
        try:
            exact = Decimal(written)
        except InvalidOperation:
            raise InvalidValueError(field, detail="not_a_number", value=value) from None
    elif isinstance(value, float):
        exact = Decimal(repr(value))  # the shortest decimal that reads back as this float
    else:
        exact = Decimal(value)
    if not exact.is_finite():
        raise InvalidValueError(field, detail="not_finite")
    if exact < 0:
        raise InvalidValueError(field, detail="negative")
    if exact and exact.adjusted() >= MAX_INTEGER_DIGITS:
        raise InvalidValueError(field, detail="too_large")
    if len(exact.as_tuple().digits) > MAX_DIGITS:
        raise InvalidValueError(field, detail="too_many_digits", max=str(MAX_DIGITS))
    return exact.copy_abs()  # drops a negative zero's sign; arithmetic would round at 28 digits


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
