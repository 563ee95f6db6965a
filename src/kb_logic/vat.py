"""VAT: is this VAT number well written, with matching check digits? And where to enter it.

This checks the written form and the check digits only (with python-stdnum), never whether
the number is registered (the EU VIES service and the Swiss UID register are online).
Covered: the 27 EU member states (``EL`` for Greece), ``XI`` (Northern Ireland), Switzerland
(``CHE`` + 9 digits, with or without ``MWST``/``TVA``/``IVA``/``TPV``), ``GB`` and ``NO``.

Numbers are accepted as people write them, the same way for every country (as leniently as
python-stdnum's ``compact()`` is for its most lenient country): any case, any Unicode space
(U+00A0, U+202F…), dots, dashes, slashes, commas, underscores, colons ("FR: 40…", as Italian
and Luxembourg numbers are written), the Belgian "(0)" after the prefix, and the invisible
characters that copying from a PDF or an e-mail brings along (zero-width space and joiners,
word joiner, BOM, soft hyphen, direction marks: every Unicode format character). ``compact`` is
the canonical form of a valid number (``None`` when invalid).

The country, when given, is a code as an ISO select sends it: ``GR`` means Greece and is
checked as ``EL`` (the answer says so); a number whose prefix is another country's is a
mismatch, and the answer names both.

>>> evaluate(VatQuery("CHE-116.281.710 MWST", None)).compact
'CHE116281710MWST'
>>> evaluate(VatQuery("fr 40 303 265 045", None)).country
'FR'
>>> evaluate(VatQuery("FR: 40 303 265 045", None)).compact
'FR40303265045'
>>> evaluate(VatQuery("BE (0)403.019.261", None)).compact
'BE0403019261'
>>> evaluate(VatQuery("FR\u200b40\u00ad303\ufeff265 045", None)).valid
True
>>> r = evaluate(VatQuery("GR 094259216", None))
>>> r.valid, r.reason, r.hint
(False, 'country', 'greece')
>>> r = evaluate(VatQuery("094259216", "GR"))
>>> r.valid, r.compact, r.hint
(True, 'EL094259216', 'greece_iso')
>>> r = evaluate(VatQuery("DE136695976", "FR"))
>>> r.valid, r.reason, r.prefix, r.given
(False, 'mismatch', 'DE', 'FR')
>>> evaluate(VatQuery("40303265045", "FR")).compact
'FR40303265045'
>>> evaluate(VatQuery("NO 995 525 828", None)).compact
'NO995525828MVA'
>>> evaluate(VatQuery("DE 136695978", None)).reason
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

from kb_logic import _answer, _payload
from kb_logic._text import invisible
from kb_logic.constants import Lang
from kb_logic.messages import message
from kb_logic.rules import FAMILIES, SECTIONS

Reason = Literal["empty", "country", "mismatch", "format", "length", "checksum"]
Hint = Literal["greece", "greece_iso", "oss", "prefix", "supported", "swiss", "mismatch"]

EU_STATES: Final[tuple[str, ...]] = (
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
)  # fmt: skip
"""The 27 member states, with their VAT prefix (``EL`` for Greece)."""

COUNTRIES: Final[tuple[str, ...]] = (*EU_STATES, "XI", "CH", "GB", "NO")
"""Every country code a valid answer can name."""

OSS_PREFIXES: Final = ("EU", "IM")
DASHES: Final = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
SEPARATORS: Final = ".,/_:" + DASHES
"""Dropped wherever they are (python-stdnum drops ``:`` for IT, LU and GR: here for every country)."""
BELGIAN_ZERO: Final = "(0)"
"""Written after the prefix of Belgian numbers ("BE (0)403.019.261"); read as ``0``, for every country."""
ISO_ALIASES: Final[dict[str, str]] = {"GR": "EL", "CHE": "CH"}
"""Country codes a form may send (ISO 3166 for Greece) → the VAT prefix checked."""
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


def _dropped(ch: str) -> bool:
    # isspace() covers every space, no-break ones included; invisible() what a paste brings.
    return ch.isspace() or ch in SEPARATORS or invisible(ch)


def clean(number: str) -> str:
    """Drop spaces (any Unicode space), separators and invisible characters; upper-case.

    >>> clean("che-116.281.710\\u202fmwst")
    'CHE116281710MWST'
    >>> clean("\\ufeffbe:\\u00a0(0)403\\u200b019\\u00ad261")
    'BE(0)403019261'
    """
    text = unicodedata.normalize("NFKC", number)
    return "".join(ch for ch in text if not _dropped(ch)).upper()


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


def evaluate(query: VatQuery) -> VatCheck:
    """Check one number (see the module docstring for what is covered)."""
    number = clean(query.number)
    typed = clean(query.country) if query.country else None
    given = ISO_ALIASES.get(typed, typed) if typed else None
    if not number:
        return _verdict(False, None, reason="empty")
    prefix, rest = _split(number)
    if rest.startswith(BELGIAN_ZERO):
        rest = "0" + rest.removeprefix(BELGIAN_ZERO)
    if prefix == "GR":  # a number written with GR is written wrong: its prefix is EL
        return _verdict(False, None, reason="country", hint="greece")
    if prefix in OSS_PREFIXES:
        return _verdict(False, None, reason="country", hint="oss")
    if given is not None and given not in COUNTRIES:
        return _verdict(False, None, reason="country", hint="supported")
    if prefix is not None and given is not None and prefix != given:
        return _verdict(False, None, reason="mismatch", hint="mismatch", prefix=prefix, given=typed)
    if prefix == "CH" and not number.startswith("CHE"):
        return _verdict(False, "CH", reason="format", hint="swiss")
    if prefix is not None and prefix not in COUNTRIES:
        return _verdict(False, None, reason="country", hint="supported")
    country = prefix or given
    if country is None:
        return _verdict(False, None, reason="country", hint="prefix")
    greek: Hint | None = "greece_iso" if typed == "GR" else None  # say we read GR as EL
    hint: Hint | None = "swiss" if country == "CH" else greek
    if not rest or not ALLOWED.issuperset(rest):
        return _verdict(False, country, reason="format", hint=hint)
    try:
        compact = _stdnum(country, rest)
    except stdnum_errors.InvalidLength:
        return _verdict(False, country, reason="length", hint=hint)
    except stdnum_errors.InvalidChecksum:
        return _verdict(False, country, reason="checksum", hint=greek)
    except stdnum_errors.ValidationError:  # InvalidFormat, InvalidComponent
        return _verdict(False, country, reason="format", hint=hint)
    return _verdict(True, country, compact=compact, hint=greek)


def parse(payload: _payload.JsonObject, lang: Lang) -> VatQuery:
    """The typed input of the ``vat`` call."""
    data = _payload.fields(payload, "", required=("number",), optional=("country",))
    number = _payload.text(data, "number", "")
    country = None if data.get("country") is None else _payload.text(data, "country", "")
    return VatQuery(number, country)


def to_json(result: VatCheck, lang: Lang) -> dict[str, object]:
    """The bridge answer (contract v2, see :mod:`kb_logic._answer`): the verdict; for a valid
    number the hint and what the check does not tell; for an invalid one why (the hint, or how a
    number is written), linked to the guide's list of its form; the link to where to enter it.

    >>> answer = to_json(evaluate(VatQuery("FR40303265046", None)), "en")
    >>> answer["reasons"][0]["anchor"], answer["next"]["anchor"]
    ('vat-form', 'vat-2')
    """
    name = message(f"country.{result.country}", lang) if result.country else "?"
    if result.valid:
        verdict = message("vat.valid", lang, compact=result.compact, country=name)
    else:
        verdict = message(f"vat.{result.reason}", lang, country=name)
    hint = None
    if result.hint is not None:
        hint = message(f"vat.hint.{result.hint}", lang, prefix=result.prefix, country=result.given)
    if result.valid:
        reasons = [_answer.reason(hint)] if hint else []
        reasons.append(_answer.reason(message("vat.scope", lang)))
    else:  # why, linked to the guide's list of how a number is written
        reasons = [_answer.reason(hint or message("vat.form.prefix", lang), SECTIONS["vat_form"])]
    details = []
    if result.compact:
        details.append(_answer.detail("compact", result.compact, lang))
    if result.country:
        details.append(_answer.detail("country", name, lang))
    raw: dict[str, object] = {
        "valid": result.valid,
        "country": result.country,
        "compact": result.compact,
        "reason": result.reason,
        "hint": result.hint,
        # raw pair of a country/prefix mismatch (the hint says it in words)
        "mismatch": (
            {"prefix": result.prefix, "country": result.given} if result.hint == "mismatch" else None
        ),
        "checks": "form_and_check_digits",
    }
    return _answer.answer(
        raw,
        verdict="ok" if result.valid else "ko",
        text=verdict,
        reasons=reasons,
        details=details,
        next=_answer.next_step("vat_existing", lang),  # where to enter it, once right
        rule_ids=result.rules,
    )
