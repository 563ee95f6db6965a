"""French and English typography: one function for the pages (through ``hooks/typography.py``) and for
kb_logic's strings, so writers and the catalogue type plain text and the reader sees one convention.

French (fr-CH): a narrow no-break space (U+202F) before ``; ! ?``, inside « » and between groups of
digits; a no-break space (U+00A0) before ``:`` and between a number and its unit; ``’`` for the
apostrophe; straight quotes become « ». English: no space before ``: ; ! ?``, typographic apostrophes
and quotes; amounts stay as written (kb_logic's formatter already writes "CHF 2,000", "€1,800").

Never touched: URLs, e-mail addresses, ``{placeholders}`` and identifiers mixing digits and letters
(``CHE-116.281.710``, ``ISO 27001``); times, decimals' fractional part, numbers that start with 0
and digit sequences (phone numbers) are not grouped; a year (1900-2099) standing alone is not grouped.
:func:`apply` is idempotent: applying it to its own result changes nothing.

>>> show = lambda text: text.replace(NNBSP, "_").replace(NBSP, "~")
>>> show(apply("Pourquoi choisir Infomaniak ? Voici : l'offre ; merci!", "fr"))
'Pourquoi choisir Infomaniak_? Voici~: l’offre_; merci_!'
>>> show(apply('Cliquez sur "Partenaire" puis sur « Valider ».', "fr"))
'Cliquez sur «_Partenaire_» puis sur «_Valider_».'
>>> show(apply("Au moins CHF 2000 par an ou 1800 € par an, jusqu'à 35%.", "fr"))
'Au moins 2_000~CHF par an ou 1_800~€ par an, jusqu’à 35_%.'
>>> show(apply("Certifiée ISO 27001 en 2021, numéro CHE-116.281.710, appel à 14:30.", "fr"))
'Certifiée ISO 27001 en 2021, numéro CHE-116.281.710, appel à 14:30.'
>>> apply('Note : the partner\\'s "Manager" ; done !', "en")
'Note: the partner’s \\u201cManager\\u201d; done!'
>>> show(apply("Voir https://www.infomaniak.com/fr?x=1 : ok", "fr"))
'Voir https://www.infomaniak.com/fr?x=1~: ok'
"""

from __future__ import annotations

import re
from typing import Final

from kb_logic.constants import LANGS, Lang

__all__ = ["BREAK", "INLINE", "NBSP", "NNBSP", "OPAQUE", "UNITS", "apply", "apply_marked"]

NBSP: Final = "\u00a0"
"""No-break space: before ``:`` and between a number and its unit (fr)."""
NNBSP: Final = "\u202f"
"""Narrow no-break space: before ``; ! ?`` and ``%``, inside « », between groups of digits (fr)."""

_SHIELD: Final = "\ue003"  # a span shielded by this module (restored at the end)

# Markers for apply_marked (Unicode private use: never in real text; apply() shields any that are).
INLINE: Final = "\ue000"
"""Stands for an inline tag (``<strong>``, ``</a>``): the rules see through it."""
OPAQUE: Final = "\ue001"
"""Stands for text the rules must not touch (``<code>…</code>``, a URL): a word they cannot read."""
BREAK: Final = "\ue002"
"""Stands for a block boundary (``<p>``, ``<li>``): no rule reaches across it."""

UNITS: Final[tuple[str, ...]] = (
    "CHF", "EUR", "USD", "GBP", "€", "$", "£", "fr.", "francs", "franc", "euros", "euro",
    "Ko", "Mo", "Go", "To", "KB", "MB", "GB", "TB", "kB", "octets", "Mbit/s", "Gbit/s",
    "an", "ans", "mois", "semaine", "semaines", "jour", "jours", "heure", "heures", "h", "min", "minutes",
    "seconde", "secondes", "ms", "km", "kg", "cm", "mm", "°C",
)  # fmt: skip
"""Units a French number is kept with (no-break space between them); ``%`` has its own rule."""

_CURRENCIES: Final = ("CHF", "EUR", "USD", "GBP", "€", "$", "£")

# The rules find what they act on with a plain scan for a trigger character (fast in `re`), then look
# around it in Python: a pattern that starts with a look-behind is tried at every character of a page.
_SPACES: Final = frozenset(" \t\n\r\u00a0\u202f")  # a space as typed or as already made no-break
_GAP: Final = _SPACES | {INLINE}  # what may stand between a word and its punctuation mark
_NO_SPACE_AFTER: Final = frozenset(f"{BREAK}([«;:!?")  # and whitespace: no space is added after these
_WORD: Final = re.compile(r"[^\W_]")  # a letter or a digit

_URL: Final = re.compile(
    r"(?:(?:https?|ftp)://|www\.)[^\s<>\"\ue000-\ue003]*[^\s<>\"\ue000-\ue003.,;:!?)\]»’']"
)
_EMAIL: Final = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PLACEHOLDER: Final = re.compile(r"\{[^{}\s]*\}")
_PRIVATE: Final = re.compile("[\ue000-\ue003]")
_DIGITS: Final = re.compile("[0-9]+")

_AFTER_PUNCT: Final = re.compile(f"[\\s{INLINE}{BREAK}»)\\]\"'’.,;:!?…]|$")  # what may follow ; : ! ?
_HIGH: Final = re.compile("[;!?]")
_FR_SWISS_GROUP: Final = re.compile(r"(?<=[0-9])'(?=[0-9]{3}(?![0-9]))")  # "2'000"
_FR_QUOTE: Final = re.compile("[\"\u201c\u201d]")
_FR_OPEN: Final = re.compile(f"«({INLINE}*)[ \\t\\n\\r\u00a0\u202f]*(?=[^\\s{BREAK}])")
_FR_NBSP_GROUPS: Final = re.compile("[0-9]{1,3}(?:\u00a0[0-9]{3})+(?![0-9])")
_FR_SPACED_GROUPS: Final = re.compile("[0-9]{1,3}(?: [0-9]{3})+(?![0-9])")
_UNIT: Final = "(?:" + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)) + ")(?!\\w)"
_FR_UNIT_AFTER: Final = re.compile(f"([0-9])({INLINE}*)[ \\t\\n\\r\u202f]+({INLINE}*)(?={_UNIT})")
_FR_PLACEHOLDER_UNIT: Final = re.compile(
    f"({_PLACEHOLDER.pattern})(?:[ \\t\u00a0\u202f]*(?=%)|[ \\t\u202f]+(?={_UNIT}))"
)
_FR_CURRENCY_FIRST: Final = re.compile(
    "(?<![^\\W\\d_])(CHF|EUR|USD|GBP|€|£)[ \\t\\n\\r\u00a0\u202f]*"
    "([0-9]{1,3}(?:\u202f[0-9]{3})+(?:[.,][0-9]+)?|[0-9]+(?:[.,][0-9]+)?)"
    "(?!\\w|[.,:/\u2013-][\\w\u2013-]|[ \\t\u00a0\u202f][0-9])"
)  # "CHF 2 000" (not "CHF 2 000-3 000", "€ 12.-", "CHF 22 820 35")
_FR_UNIT_BEFORE: Final = re.compile(f"(CHF|EUR|USD|GBP|€|\\$|£)({INLINE}*)[ \\t\\n\\r\u202f]+({INLINE}*)(?=[0-9])")
_WITH_UNIT: Final = re.compile(f"[ \\t\\n\\r\u00a0\u202f]?(?:{_UNIT}|%)")
_AFTER_GROUPS: Final = re.compile(f",[0-9]|[ \u00a0\u202f]?(?:{_UNIT}|%|€|\\$|£|[^\\W\\d_])")
_GROUP_BEFORE: Final = re.compile("[0-9][ \u00a0\u202f]$")
_NOT_A_NUMBER_AFTER: Final = re.compile("\\w|[.:/-]\\w|[ \u00a0\u202f][0-9]")
_YEAR: Final = re.compile("(?:19|20)[0-9][0-9]")
_IDENTIFIER_BEFORE: Final = re.compile("(?:^|\\W)(?:[A-Z]{2,}|n°|N°|No|no)[ \u00a0]$")

_EN_APOSTROPHE: Final = re.compile(r"(?<=[^\W_])'(?=[^\W_])|(?<=s)'(?![^\W_])")
_EN_QUOTE: Final = re.compile("[\"']")


def apply(text: str, lang: Lang) -> str:
    """``text`` with the typography of ``lang`` (``"fr"`` or ``"en"``).

    >>> apply("L'accès « Complet »", "fr") == "L’accès «\\u202fComplet\\u202f»"
    True
    >>> apply("The client's access : full", "en")
    'The client’s access: full'
    >>> apply("x", "de")
    Traceback (most recent call last):
    ...
    ValueError: unsupported language 'de'
    """
    return _shielded(text, lang, plain=True)


def apply_marked(text: str, lang: Lang) -> str:
    """:func:`apply` for text whose tags were replaced by :data:`INLINE`, :data:`OPAQUE` and :data:`BREAK`.

    The result holds the same markers in the same order, so a caller can put its tags back
    (``hooks/typography.py`` does this for each page): a space that starts an inline element's text
    before a colon (``<strong>mot</strong> :``) is then seen.

    >>> apply_marked("Le \\ue000mot\\ue000 : fin", "fr") == "Le \\ue000mot\\ue000\\u00a0: fin"
    True
    >>> apply_marked("Voir\\ue001 ; puis\\ue002? seul", "fr") == "Voir\\ue001\\u202f; puis\\ue002? seul"
    True
    """
    return _shielded(text, lang, plain=False)


def _shielded(text: str, lang: Lang, plain: bool) -> str:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}")
    if lang == "fr" and "'" in text:
        text = _FR_SWISS_GROUP.sub(NNBSP, text)  # before shielding: "2'000" reads as one token
    if lang == "fr" and "{" in text:
        # a placeholder stands for a number: no break before its unit (before shielding hides it)
        text = _FR_PLACEHOLDER_UNIT.sub(lambda m: m[1] + (NNBSP if m.string[m.end()] == "%" else NBSP), text)
    spans = _shields(text, plain)
    if not spans:
        return _french(text) if lang == "fr" else _english(text)
    kept = [text[start:end] for start, end in spans]
    bounds = [0, *(edge for span in spans for edge in span), len(text)]
    work = _SHIELD.join(text[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2))
    work = _french(work) if lang == "fr" else _english(work)
    parts = work.split(_SHIELD)
    return parts[0] + "".join(original + part for original, part in zip(kept, parts[1:], strict=True))


def _shields(text: str, plain: bool) -> list[tuple[int, int]]:
    """The spans no rule may touch, in order: URLs, e-mails, placeholders (and markers, in plain text).

    Identifiers (CHE-116.281.710, AB12, 14h30) need no span: a number touching a letter, a dot or a
    hyphen is never grouped, and a colon followed by a digit takes no space.
    """
    found: list[tuple[int, int]] = []
    if "://" in text or "www." in text:
        found += [hit.span() for hit in _URL.finditer(text)]
    if "@" in text:
        found += [hit.span() for hit in _EMAIL.finditer(text)]
    if "{" in text:
        found += [hit.span() for hit in _PLACEHOLDER.finditer(text)]
    if plain:
        found += [hit.span() for hit in _PRIVATE.finditer(text)]
    if not found:
        return found
    spans: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
        elif end > spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
    return spans


def _space_before(
    text: str, trigger: re.Pattern[str], space: str, *, after: bool = True, remove: bool = False,
    not_after: frozenset[str] = _NO_SPACE_AFTER, digit: bool = False,
) -> str:
    """The gap (spaces, inline tags) between a word and each ``trigger`` becomes its tags + ``space``.

    ``after``: only where the mark ends a word (``14:30`` and ``a?b`` are left); ``remove``: only gaps
    that hold a space (English); ``not_after``: characters that take no space after them; ``digit``: only
    after a digit (``%``).
    """
    out: list[str] = []
    last = 0
    for found in trigger.finditer(text):
        at = found.start()
        if after and not _AFTER_PUNCT.match(text, at + 1):
            continue
        start = at
        while start > 0 and text[start - 1] in _GAP:
            start -= 1
        if start == 0 or text[start - 1] in not_after or text[start - 1].isspace():
            continue
        if digit and not text[start - 1].isdigit():
            continue
        gap = text[start:at]
        new = INLINE * gap.count(INLINE) + space
        if gap == new or (remove and len(new) == len(gap)):
            continue
        out += (text[last:start], new)
        last = at
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _french(text: str) -> str:
    if "'" in text:
        text = text.replace("'", "\u2019")
    if '"' in text or "\u201c" in text or "\u201d" in text:
        text = _FR_QUOTE.sub(_french_quote, text)
    if "«" in text:
        text = _FR_OPEN.sub(lambda m: "«" + NNBSP + m[1], text)
    if "»" in text:
        text = _space_before(text, _CLOSE, NNBSP, after=False, not_after=frozenset({BREAK, "«"}))
    text = _space_before(text, _HIGH, NNBSP)
    if ":" in text:
        text = _space_before(text, _COLON, NBSP)
    if "%" in text:
        text = _space_before(text, _PERCENT, NNBSP, after=False, digit=True)
    if _DIGITS.search(text) is not None:
        text = _french_numbers(text)
    return text


_CLOSE: Final = re.compile("»")
_COLON: Final = re.compile(":")
_PERCENT: Final = re.compile("%")


def _french_numbers(text: str) -> str:
    if NBSP in text:
        text = _FR_NBSP_GROUPS.sub(lambda m: _grouped(m, NBSP), text)
    text = _FR_SPACED_GROUPS.sub(lambda m: _grouped(m, " "), text)
    text = _DIGITS.sub(_french_number, text)
    text = _FR_UNIT_AFTER.sub(lambda m: m[1] + m[2] + m[3] + NBSP, text)
    text = _FR_CURRENCY_FIRST.sub(_currency_after, text)
    return _FR_UNIT_BEFORE.sub(_unit_before, text)  # a currency still first: a tag between it and the number


def _grouped(found: re.Match[str], space: str) -> str:
    """Groups typed with ``space``: made narrow no-break (ordinary spaces only before a unit or decimals)."""
    text, start = found.string, found.start()
    if start > 0 and (text[start - 1] in ".,-/:_" or _WORD.match(text[start - 1])):
        return found[0]
    if space == " " and (found[0][0] == "0" or _GROUP_BEFORE.search(text, 0, start)
                         or not _AFTER_GROUPS.match(text, found.end())):
        return found[0]  # "022 820 35" may be a phone number: only an amount or a count is sure
    return found[0].replace(space, NNBSP)


def _french_number(found: re.Match[str]) -> str:
    digits = found[0]
    text, start, end = found.string, found.start(), found.end()
    if len(digits) < 4 or digits[0] == "0":
        return digits  # a code, a phone number or a postcode part starts with 0
    before = text[max(0, start - 6) : start]
    if before and (before[-1] in ".,/:-+#@’'" or _WORD.match(before[-1]) or before[-1] == "_"):
        return digits  # a decimal's fractional part, an identifier
    if _GROUP_BEFORE.search(before) or _NOT_A_NUMBER_AFTER.match(text, end):
        return digits  # a sequence of digit groups (phone, IBAN), a date, a time, a version
    currency_before = before.rstrip(" \u00a0" + INLINE).endswith(_CURRENCIES)
    if not currency_before and _IDENTIFIER_BEFORE.search(before):
        return digits  # ISO 27001, n° 12345: an identifier
    if len(digits) == 4 and _YEAR.fullmatch(digits) and not (currency_before or _WITH_UNIT.match(text, end)):
        return digits  # a year
    head = len(digits) % 3 or 3
    return NNBSP.join([digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))])


def _currency_after(found: re.Match[str]) -> str:
    """"CHF 2 000" is written "2 000 CHF" in French (not in "2 000 CHF 3" or "€ CHF 3": left as typed)."""
    before = found.string[max(0, found.start() - 8) : found.start()].rstrip(" \t\n\r\u00a0\u202f")
    if before[-1:].isdigit() or before.endswith(_CURRENCIES):
        return found[0]
    amount = _DIGITS.sub(_french_number, found[2])  # "CHF1000": a number the rules read as an identifier
    return amount + NBSP + found[1]


def _unit_before(found: re.Match[str]) -> str:
    start = found.start()
    if start > 0 and _WORD.match(found.string[start - 1]):
        return found[0]  # "ABCHF 12": not a currency
    return found[1] + found[2] + found[3] + NBSP


def _french_quote(found: re.Match[str]) -> str:
    quote = found[0]
    if quote == "\u201c" or (quote == '"' and _opens(found.string, found.start())):
        return "«"
    return "»"


def _opens(text: str, at: int) -> bool:
    """A straight quote opens when it starts a text or follows a space or an opening bracket."""
    before = at - 1
    while before >= 0 and text[before] == INLINE:
        before -= 1
    after = at + 1
    while after < len(text) and text[after] == INLINE:
        after += 1
    starts = before < 0 or text[before].isspace() or text[before] in f"([{{{BREAK}\u2014\u2013/"
    ends = after >= len(text) or text[after].isspace() or text[after] == BREAK
    return starts and not ends


_EN_BEFORE: Final = re.compile("[:;!?]")


def _english(text: str) -> str:
    text = _space_before(text, _EN_BEFORE, "", remove=True)
    if "'" in text:
        text = _EN_APOSTROPHE.sub("\u2019", text)
    if '"' in text or "'" in text:
        text = _EN_QUOTE.sub(_english_quote, text)
    return text


def _english_quote(found: re.Match[str]) -> str:
    opens = _opens(found.string, found.start())
    if found[0] == '"':
        return "\u201c" if opens else "\u201d"
    return "\u2018" if opens else "\u2019"
