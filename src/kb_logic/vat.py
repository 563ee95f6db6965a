"""VAT: is this VAT number well written, with matching check digits? And where to enter it.

This checks the written form and the check digits only (with python-stdnum), never whether
the number is registered (the EU VIES service and the Swiss UID register are online).
Covered: the 27 EU member states (``EL`` for Greece), ``XI`` (Northern Ireland), Switzerland
(``CHE`` + 9 digits, with or without ``MWST``/``TVA``/``IVA``/``TPV``), ``GB`` and ``NO``.

Numbers are accepted as people write them: any case, spaces (also U+00A0, U+202F), dots,
dashes, slashes, commas, underscores. ``compact`` is the canonical form of a valid number
(``None`` when invalid).

>>> check(VatQuery("CHE-116.281.710 MWST", None)).compact
'CHE116281710MWST'
>>> check(VatQuery("fr 40 303 265 045", None)).country
'FR'
>>> r = check(VatQuery("GR 094259216", None))
>>> r.valid, r.reason, r.hint
(False, 'country', 'greece')
>>> check(VatQuery("40303265045", "FR")).compact
'FR40303265045'
>>> check(VatQuery("NO 995 525 828", None)).compact
'NO995525828MVA'
>>> check(VatQuery("DE 136695978", None)).reason
'checksum'
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Final, Literal

from stdnum import exceptions as stdnum_errors
from stdnum.ch import uid as ch_uid
from stdnum.ch import vat as ch_vat
from stdnum.eu import vat as eu_vat
from stdnum.gb import vat as gb_vat
from stdnum.no import mva as no_mva

from kb_logic import _payload
from kb_logic.constants import Lang
from kb_logic.messages import message
from kb_logic.rules import FAMILIES, statement

Reason = Literal["empty", "country", "format", "length", "checksum"]
Hint = Literal["greece", "oss", "prefix", "supported", "swiss", "mismatch"]

EU_STATES: Final[tuple[str, ...]] = (
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
)  # fmt: skip
"""The 27 member states, with their VAT prefix (``EL`` for Greece)."""

COUNTRIES: Final[tuple[str, ...]] = (*EU_STATES, "XI", "CH", "GB", "NO")
"""Every country code a valid answer can name."""

OSS_PREFIXES: Final = ("EU", "IM")
DASHES: Final = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
SEPARATORS: Final = ".,/_" + DASHES
ALLOWED: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+*")  # + and * occur in old Irish numbers


@dataclass(frozen=True, slots=True)
class VatQuery:
    """A number as typed, and optionally its country (for a number written without prefix)."""

    number: str
    country: str | None


@dataclass(frozen=True, slots=True)
class VatCheck:
    """``reason`` says why an invalid number is invalid; ``hint`` names a helpful remark."""

    valid: bool
    country: str | None
    compact: str | None
    reason: Reason | None
    hint: Hint | None
    prefix: str | None
    given: str | None
    rules: tuple[str, ...]


def clean(number: str) -> str:
    """Drop spaces (any Unicode space) and separators, upper-case.

    >>> clean("che-116.281.710\\u202fmwst")
    'CHE116281710MWST'
    """
    text = unicodedata.normalize("NFKC", number)
    return "".join(ch for ch in text if not ch.isspace() and ch not in SEPARATORS).upper()


def _verdict(
    valid: bool,
    country: str | None,
    compact: str | None = None,
    reason: Reason | None = None,
    hint: Hint | None = None,
    prefix: str | None = None,
    given: str | None = None,
) -> VatCheck:
    return VatCheck(valid, country, compact, reason, hint, prefix, given, FAMILIES["VAT"])


def _split(number: str) -> tuple[str | None, str]:
    """(prefix, rest): the two-letter prefix (``CH`` for ``CHE``) or ``None``."""
    if number.startswith("CHE"):
        return "CH", number[3:]
    if len(number) >= 2 and number[0].isalpha() and number[1].isalpha():
        return number[:2], number[2:]
    return None, number


def _stdnum(country: str, rest: str) -> str:
    """The stdnum check for one country; returns the compact number or raises ValidationError."""
    if country == "CH":
        if len(rest) == 9 and rest.isdigit():
            return str(ch_uid.validate("CHE" + rest))
        return str(ch_vat.validate("CHE" + rest))
    if country == "GB":
        return "GB" + gb_vat.validate(rest)
    if country == "NO":
        return "NO" + no_mva.validate(rest if rest.endswith("MVA") else rest + "MVA")
    return str(eu_vat.validate(country + rest))


def check(query: VatQuery) -> VatCheck:
    """Check one number (see the module docstring for what is covered)."""
    number = clean(query.number)
    given = clean(query.country) if query.country else None
    if given == "CHE":
        given = "CH"
    if not number:
        return _verdict(False, None, reason="empty")
    prefix, rest = _split(number)
    if "GR" in (prefix, given):
        return _verdict(False, None, reason="country", hint="greece")
    if prefix in OSS_PREFIXES:
        return _verdict(False, None, reason="country", hint="oss")
    if given is not None and given not in COUNTRIES:
        return _verdict(False, None, reason="country", hint="supported")
    if prefix is not None and given is not None and prefix != given:
        return _verdict(False, None, reason="country", hint="mismatch", prefix=prefix, given=given)
    if prefix == "CH" and not number.startswith("CHE"):
        return _verdict(False, "CH", reason="format", hint="swiss")
    if prefix is not None and prefix not in COUNTRIES:
        return _verdict(False, None, reason="country", hint="supported")
    country = prefix or given
    if country is None:
        return _verdict(False, None, reason="country", hint="prefix")
    hint: Hint | None = "swiss" if country == "CH" else None
    if not rest or not ALLOWED.issuperset(rest):
        return _verdict(False, country, reason="format", hint=hint)
    try:
        compact = _stdnum(country, rest)
    except stdnum_errors.InvalidLength:
        return _verdict(False, country, reason="length", hint=hint)
    except stdnum_errors.InvalidChecksum:
        return _verdict(False, country, reason="checksum")
    except stdnum_errors.ValidationError:  # InvalidFormat, InvalidComponent
        return _verdict(False, country, reason="format", hint=hint)
    return _verdict(True, country, compact=compact)


evaluate = check


def parse(payload: _payload.JsonObject) -> VatQuery:
    """The typed input of the ``vat`` call."""
    data = _payload.fields(payload, "", required=("number",), optional=("country",))
    number = _payload.text(data, "number", "")
    country = None if data.get("country") is None else _payload.text(data, "country", "")
    return VatQuery(number, country)


def to_json(result: VatCheck, lang: Lang) -> dict[str, object]:
    """The bridge answer (with the VAT-1..4 steps: where to enter the number)."""
    shown = result.country or "?"
    if result.valid:
        verdict = message("vat.valid", lang, compact=result.compact, country=shown)
    else:
        verdict = message(f"vat.{result.reason}", lang, country=shown)
    hint = None
    if result.hint is not None:
        hint = message(f"vat.hint.{result.hint}", lang, prefix=result.prefix, country=result.given)
    scope = message("vat.scope", lang)
    return {
        "valid": result.valid,
        "country": result.country,
        "compact": result.compact,
        "reason": result.reason,
        "hint": hint,
        "checks": "form_and_check_digits",
        "scope": scope,
        "steps": [{"id": rule, "text": statement(rule, lang)} for rule in result.rules],
        "rules": list(result.rules),
        "message": " ".join(part for part in (verdict, hint, scope) if part),
    }
