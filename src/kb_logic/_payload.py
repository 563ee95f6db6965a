"""Reading JSON payloads: shape, types and ranges, each failure a :class:`KbError` naming its field.

>>> obj = fields({"a": 1, "p": "19,90"}, "", required=("a", "p"))
>>> decimal(obj, "a", "", "fr", places=2), decimal(obj, "p", "", "fr", places=2)
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

from kb_logic.constants import CURRENCIES, MAX_DIGITS, MAX_INTEGER_DIGITS, MAX_TEXT, Lang
from kb_logic.errors import InvalidValueError, MissingFieldError, UnknownFieldError, WrongTypeError

JsonObject = dict[str, object]

GROUPING: Final = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009'’](?=\d)")
"""Thousands separators a reader may type between digits in either language ("1 234,50", "1'234.50")."""
GROUPED: Final[dict[Lang, re.Pattern[str]]] = {
    "en": re.compile(r"[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?"),
    "fr": re.compile(r"[+-]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d*)?"),
}
"""A number grouped with the separator that is not the language's decimal mark: English "1,999.50",
French "1.234,50" (a group never starts with 0, so French "0.125" is a decimal point)."""
EXPONENT: Final = re.compile(r"[eE]([+-]?\d+)$")
"""A typed exponent ("1e-999999999"): bounded before Decimal reads it, whose range depends on the
platform (32-bit Pyodide refuses exponents past 4.25e8), so every platform gives the same error."""
PERCENT: Final = re.compile(r"\s*%\s*$")
"""A trailing percent sign, as a reader types a rate in a field labelled "%"."""


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


def _digits(value: str, field: str, lang: Lang, *, grouped: bool) -> str:
    """A typed number in the form :class:`~decimal.Decimal` reads: groups dropped, "." as the mark.

    Only unambiguous forms: with ``grouped``, English "," groups thousands when followed by
    exactly 3 digits ("2,000", "1,999.50"), and French "." does ("1.234,50"; a first group never
    starts with 0: "0.125" is a decimal point). Otherwise one "," or one "." is the decimal mark
    ("19,90" and "19.90" in both languages). Anything else ("1,234.50" in French, "1,2,3") is
    refused with the form to write, never guessed.

    >>> _digits("1,999.50", "x", "en", grouped=True), _digits("1.234,50", "x", "fr", grouped=True)
    ('1999.50', '1234.50')
    >>> _digits("19,90", "x", "en", grouped=True), _digits("35.000", "x", "fr", grouped=False)
    ('19.90', '35.000')
    >>> _digits("1,234.50", "x", "fr", grouped=True)
    Traceback (most recent call last):
        ...
    kb_logic.errors.InvalidValueError: x: “1,234.50”: write 1234 or 1234.50.
    """
    written = GROUPING.sub("", value.strip())
    if grouped and GROUPED[lang].fullmatch(written):
        if lang == "en":
            return written.replace(",", "")
        return written.replace(".", "").replace(",", ".")
    if "," in written and ("." in written or written.count(",") > 1):
        raise InvalidValueError(field, detail="ambiguous", value=value)
    return written.replace(",", ".")


def decimal(
    data: Mapping[str, object], key: str, prefix: str, lang: Lang, *, places: int, percent: bool = False
) -> Decimal:
    """A finite, non-negative decimal with at most ``places`` decimal places: a JSON number
    (``int``, ``float``, or ``Decimal`` when the JSON was parsed with ``parse_float=Decimal``) or a
    string as the browser sends what the reader typed, read in the reader's language (``"19.90"``,
    ``"19,90"``, ``"1 234,50"``, English ``"1,234.50"``; see :func:`_digits`). ``percent`` accepts
    a trailing "%" (``"35 %"``). ``bool`` is not a number. More decimal places than ``places``
    (``1e-999999999`` too) is an error, never a silent rounding.

    >>> decimal({"x": "1999.99999999999999999"}, "x", "", "en", places=40) < 2000
    True
    >>> decimal({"x": 0.1}, "x", "", "fr", places=2), decimal({"x": "2,000"}, "x", "", "en", places=2)
    (Decimal('0.1'), Decimal('2000'))
    >>> decimal({"x": "12,5 %"}, "x", "", "fr", places=2, percent=True)
    Decimal('12.5')
    >>> decimal({"x": "1e-9"}, "x", "", "en", places=2)
    Traceback (most recent call last):
        ...
    kb_logic.errors.InvalidValueError: x: at most 2 decimal places.
    """
    value = data[key]
    field = path(prefix, key)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise WrongTypeError(field, expected="number")
    if isinstance(value, str):
        typed = PERCENT.sub("", value) if percent else value
        power = EXPONENT.search(typed.strip())
        # An exponent larger than the text's length plus the limits puts any digit out of range.
        if power and int(power[1]) > len(typed) + MAX_DIGITS:
            raise InvalidValueError(field, detail="too_large")
        if power and -int(power[1]) > len(typed) + MAX_DIGITS:
            raise InvalidValueError(field, detail="too_many_places", places=places)
        try:  # a rate (at most 35 %) has no thousands: "35.000" is 35
            exact = Decimal(_digits(typed, field, lang, grouped=not percent))
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
    if not exact:
        return Decimal(0)  # 0e-999999999 is 0, and formats as 0 (its exponent would not)
    if exact and exact.adjusted() >= MAX_INTEGER_DIGITS:
        raise InvalidValueError(field, detail="too_large")
    _, digits, exponent = exact.as_tuple()
    assert isinstance(exponent, int)  # finite
    zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    if len(digits) > MAX_DIGITS:
        raise InvalidValueError(field, detail="too_many_digits", max=MAX_DIGITS)
    if -(exponent + zeros) > places:  # trailing zeros do not count: "19.900" has 1 place
        raise InvalidValueError(field, detail="too_many_places", places=places)
    return exact.copy_abs()  # drops a negative zero's sign; arithmetic would round at 28 digits


def currency(data: Mapping[str, object], key: str, prefix: str) -> str:
    """A currency: an ISO code of three letters (any case, spaces around), upper-cased. CHF and
    EUR are the covered ones; another code is a silent case of the guides, for the caller to say.

    >>> currency({"c": " eur "}, "c", ""), currency({"c": "usd"}, "c", "")
    ('EUR', 'USD')
    """
    typed = text(data, key, prefix)
    written = typed.strip().upper()
    if len(written) == 3 and written.isascii() and written.isalpha():
        return written
    raise InvalidValueError(path(prefix, key), detail="choice", value=typed, choices=", ".join(CURRENCIES))


def text(data: Mapping[str, object], key: str, prefix: str) -> str:
    value = data[key]
    field = path(prefix, key)
    if not isinstance(value, str):
        raise WrongTypeError(field, expected="string")
    if len(value) > MAX_TEXT:
        raise InvalidValueError(field, detail="too_long", max=MAX_TEXT)
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
            raise InvalidValueError(f"{field}[{index}]", detail="too_long", max=MAX_TEXT)
        items.append(item)
    return tuple(items)
