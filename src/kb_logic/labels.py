"""Field labels: how an error (and an answer's details) names a payload field to the reader.

A payload field is a dotted path (``rate``, ``request.products[1]``, ``partners[0].name``); its
label is the catalogue text ``label.<last name>``, with the item it belongs to when the field is
inside a list. A name the catalogue does not know (an unknown field the reader sent) is shown as
typed.

>>> label("rate", "fr"), label("rate", "en")
('Taux', 'Rate')
>>> label("partners[0].name", "en")
'Partner name (existing partner 1)'
>>> label("request.products[1]", "fr")
'Produits, produit 2 (Accès demandé)'
>>> label(None, "en"), label("frobnicate", "en")
('Request', 'frobnicate')
"""

from __future__ import annotations

import re
from typing import Final

from kb_logic.constants import Lang
from kb_logic.messages import keys, message

__all__ = ["label"]

_PART: Final = re.compile(r"(?P<name>[^.\[\]]+)(?:\[(?P<index>\d+)\])?")


def _known(name: str) -> bool:
    return f"label.{name}" in _KEYS


_KEYS: Final = frozenset(key for key in keys() if key.startswith("label."))


def _item(name: str, index: str | None, lang: Lang) -> str:
    """One path part: ``partners[0]`` → "existing partner 1"; ``rate`` → "Rate"."""
    if index is not None and _known(f"{name}.item"):
        return message(f"label.{name}.item", lang, n=int(index) + 1)
    return message(f"label.{name}", lang) if _known(name) else name


def label(field: str | None, lang: Lang) -> str:
    """The reader's name of ``field`` (``None``: the request as a whole)."""
    if field is None:
        return message("label.request_root", lang)
    parts = [(found["name"], found["index"]) for found in _PART.finditer(field)]
    if not parts:
        return field
    name, index = parts[-1]
    shown = message(f"label.{name}", lang) if _known(name) else name
    if index is not None:
        shown = f"{shown}, {_item(name, index, lang)}"
    context = [_item(part, idx, lang) for part, idx in parts[:-1]]
    return f"{shown} ({', '.join(context)})" if context else shown
