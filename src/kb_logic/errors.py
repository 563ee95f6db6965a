"""The exception family behind every error answer.

Each error carries a machine-readable :attr:`KbError.code` (the set is :data:`ERROR_CODES`),
the payload ``field`` it is about (dotted path such as ``request.products``, or ``None``) and
parameters for its localized message (catalogue keys ``error.<code>``). The message names the
field by its label (:func:`kb_logic.labels.label`) in the reader's language.

>>> err = MissingFieldError("currency")
>>> err.code, err.field
('missing_field', 'currency')
>>> err.to_json("en")
{'code': 'missing_field', 'message': 'Missing field: Currency.', 'field': 'currency', 'label': 'Currency'}
>>> InvalidValueError("rate", detail="rate").to_json("en")["message"]
'Rate: between 0 and 35% (the guides only state “up to 35%”).'
"""

from __future__ import annotations

from typing import ClassVar, Final

from kb_logic import formatting
from kb_logic.constants import Lang
from kb_logic.labels import label
from kb_logic.messages import message

MAX_ECHO: Final = 60
"""Longest piece of user input repeated in an error message."""

ECHOED: Final = frozenset({"value", "name"})
"""The parameters that repeat user input (shortened); the others (choices…) are shown whole."""


def echo(value: object) -> str:
    """Show a piece of user input in a message, shortened.

    >>> echo("x" * 100)[-3:]
    '...'
    """
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= MAX_ECHO else text[: MAX_ECHO - 3] + "..."


class KbError(Exception):
    """Base of all errors kb_logic reports; ``code`` is stable, the message is localized."""

    code: ClassVar[str] = "internal"

    def __init__(self, field: str | None = None, **params: str | int) -> None:
        super().__init__(field)
        self.field = field
        # An int is a limit (a constant), shown as the reader's language writes numbers.
        self.params = {name: echo(value) if name in ECHOED else value for name, value in params.items()}

    def label(self, lang: Lang) -> str:
        """The reader's name of the field (the request as a whole when there is no field)."""
        return label(self.field, lang)

    def message(self, lang: Lang) -> str:
        """The localized message (catalogue key ``error.<code>``), naming the field by its label."""
        params = {
            name: formatting.number(value, lang) if isinstance(value, int) else value
            for name, value in self.params.items()
        }
        params["field"] = self.label(lang)
        for piece in ("expected", "detail"):
            if piece in self.params:
                params[piece] = message(f"error.{piece}.{self.params[piece]}", lang, **params)
        return message(f"error.{self.code}", lang, **params)

    def to_json(self, lang: Lang) -> dict[str, str | None]:
        """The ``error`` object of a bridge answer."""
        shown = None if self.field is None else self.label(lang)
        return {"code": self.code, "message": self.message(lang), "field": self.field, "label": shown}

    def __str__(self) -> str:
        return self.message("en")


class JsonError(KbError):
    """The input is not one well-formed JSON object."""

    code = "json"


class UnknownCallError(KbError):
    """The call name is not one of ``bridge.CALLS``."""

    code = "unknown_call"


class MissingFieldError(KbError):
    """A required payload field is absent."""

    code = "missing_field"


class UnknownFieldError(KbError):
    """The payload holds a field the call does not know."""

    code = "unknown_field"


class WrongTypeError(KbError):
    """A field has the wrong JSON type (``expected``: number, boolean, string, object, list)."""

    code = "type"


class InvalidValueError(KbError):
    """A field has the right type but a value out of range or not among the choices."""

    code = "value"


class LangError(KbError):
    """``lang`` is neither ``fr`` nor ``en``."""

    code = "lang"


class InternalError(KbError):
    """A bug in kb_logic; reported, never raised through the bridge."""

    code = "internal"


ERROR_CODES: Final[tuple[str, ...]] = tuple(
    cls.code
    for cls in (
        JsonError,
        UnknownCallError,
        MissingFieldError,
        UnknownFieldError,
        WrongTypeError,
        InvalidValueError,
        LangError,
        InternalError,
    )
)
"""Every error code an answer can carry."""
