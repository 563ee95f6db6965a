"""Text as people paste it: the one way product and partner names are read and compared.

Two names are the same when their :func:`name_key` is: Unicode NFKC (full-width letters,
ligatures and compatibility forms become plain ones), case-folded (``ß`` matches ``SS``),
invisible characters removed (:func:`invisible`: zero-width space and joiners, word joiner,
BOM, soft hyphen, direction marks), runs of spaces (any Unicode space) collapsed to one, and
stripped. :func:`tidy` is the same without the case-folding: the form an answer shows.

>>> name_key("  Web\\u200b   HOSTING ")
'web hosting'
>>> name_key("\\uff4b\\uff2d\\uff41\\uff49\\uff4c") == name_key("kMail")  # full-width
True
>>> name_key("Stra\\u00dfe") == name_key("STRASSE")
True
>>> tidy("Agence\\u00a0\\u00a0Dupont\\ufeff")
'Agence Dupont'
>>> name_key("\\u200b \\u00ad")
''
"""

from __future__ import annotations

import unicodedata

__all__ = ["invisible", "name_key", "tidy"]


def invisible(ch: str) -> bool:
    """A character that shows nothing and means nothing in a name or a number.

    Unicode category Cf ("format"): U+200B-U+200D, U+2060, U+FEFF, U+00AD, U+200E/U+200F,
    U+180E… (spaces are category Z and handled as spaces.)

    >>> [invisible(ch) for ch in "\\u200b\\u00ad\\ufeffa "]
    [True, True, True, False, False]
    """
    return unicodedata.category(ch) == "Cf"


def tidy(text: str) -> str:
    """NFKC, invisible characters removed, spaces collapsed, stripped (case kept).

    >>> tidy(" Web\\u2009\\u2009hosting\\u00ad ")
    'Web hosting'
    """
    visible = "".join(ch for ch in unicodedata.normalize("NFKC", text) if not invisible(ch))
    return " ".join(visible.split())


def name_key(text: str) -> str:
    """The comparison key of a product or partner name (see the module docstring).

    NFKC again after case-folding, as Unicode's NFKC_Casefold does (folding can leave
    a compatibility form behind).

    >>> name_key("  Agence\\u202fDUPONT  ")
    'agence dupont'
    """
    return unicodedata.normalize("NFKC", tidy(text).casefold())
