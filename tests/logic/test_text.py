"""Product and partner names as people paste them: one normalisation (kb_logic._text), empty
names refused, duplicates merged (products) or refused (partners), the number of products bounded."""

from __future__ import annotations

import pytest

from kb_logic import _text
from kb_logic.constants import MAX_PARTNERS, MAX_PRODUCTS

from ._logic_helpers import Answer, ask, fails


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Web hosting", "web hosting"),
        ("  WEB   Hosting  ", "web hosting"),
        ("Web\u00a0hosting", "web hosting"),  # no-break space
        ("Web\u202f\u2009hosting", "web hosting"),  # narrow no-break + thin space: one run
        ("Web\u200b hosting", "web hosting"),  # zero-width space
        ("\ufeffWeb hosting\u2060", "web hosting"),  # BOM, word joiner
        ("Web hos\u00adting", "web hosting"),  # soft hyphen
        ("Web\u200c\u200d hosting", "web hosting"),  # zero-width non-joiner, joiner
        ("\u200eWeb hosting\u200f", "web hosting"),  # direction marks
        ("\uff37\uff45\uff42 \uff48\uff4f\uff53\uff54\uff49\uff4e\uff47", "web hosting"),  # full-width (NFKC)
        ("ﬁle", "file"),  # ligature (NFKC)
        ("Straße", "strasse"),  # case-folding, not lower()
        ("Agence\tDupont\n", "agence dupont"),
    ],
)
def test_name_key(written: str, key: str) -> None:
    assert _text.name_key(written) == key


def test_tidy_keeps_the_case_and_name_key_folds_it() -> None:
    assert _text.tidy(" kMail\u200b  Pro ") == "kMail Pro"
    assert _text.name_key(" kMail\u200b  Pro ") == "kmail pro"


@pytest.mark.parametrize("blank", ["", "   ", "\u200b", "\ufeff\u00ad\u2060", "\u00a0\u202f\u200d"])
def test_nothing_visible_normalises_to_empty(blank: str) -> None:
    assert _text.name_key(blank) == "" and _text.tidy(blank) == ""


def _limited(name: str, *products: str) -> Answer:
    return {"name": name, "access": "limited", "products": list(products)}


def test_products_are_compared_after_normalisation() -> None:
    # The zero-width space made "web\u200bhosting" a different product before: no conflict was seen.
    answer = ask(
        "access",
        partners=[_limited("Agence A", "Web\u200b Hosting")],
        request=_limited("Agence B", "\uff57\uff45\uff42  hosting", "kMail"),
    )
    assert answer["allowed"] is False and answer["rules"] == ["ACC-L5"]
    assert answer["conflicts"] == ["web hosting"]


def test_partners_are_matched_after_normalisation() -> None:
    # The same partner written with a BOM and a no-break space: a change of its access (ACC-9).
    answer = ask(
        "access",
        partners=[_limited("\ufeffAgence\u00a0Dupont", "kMail")],
        request=_limited("agence dupont", "kMail", "kDrive"),
    )
    assert answer["allowed"] is True and "ACC-9" in answer["rules"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"partners": [], "request": _limited("\u200b\u00ad", "kMail")}, "request.name"),
        ({"partners": [], "request": _limited("B", "kMail", "\ufeff ")}, "request.products[1]"),
        ({"partners": [_limited("\u00a0", "kMail")], "request": _limited("B", "x")}, "partners[0].name"),
    ],
)
def test_empty_after_normalisation_is_an_error_naming_the_field(payload: dict[str, object], field: str) -> None:
    fr, en = fails("access", payload), fails("access", {**payload, "lang": "en"})
    assert (fr["code"], fr["field"]) == ("value", field)
    assert "vide" in str(fr["message"]) and "empty" in str(en["message"])


def test_duplicate_products_are_merged_and_the_answer_says_which() -> None:
    answer = ask(
        "access",
        partners=[],
        request=_limited("B", "Web hosting", "kMail", "web\u200b HOSTING", "KMAIL", "kDrive"),
    )
    assert answer["allowed"] is True
    assert answer["capabilities"]["manages"] == ["Web hosting", "kMail", "kDrive"]
    assert answer["merged_duplicates"] == ["Web hosting", "kMail"]
    assert ask("access", partners=[], request=_limited("B", "kMail"))["merged_duplicates"] == []


def test_a_partner_listed_twice_is_refused_naming_the_second() -> None:
    payload = {
        "partners": [_limited("Agence A", "kMail"), _limited("agence\u200b  a", "kDrive")],
        "request": _limited("B", "Web hosting"),
    }
    fr, en = fails("access", payload), fails("access", {**payload, "lang": "en"})
    assert (fr["code"], fr["field"]) == ("value", "partners[1].name")
    assert "agence a" in str(fr["message"]) and "déjà" in str(fr["message"])
    assert "already" in str(en["message"])


def test_the_number_of_products_is_bounded() -> None:
    ok = ask("access", partners=[], request=_limited("B", *(f"p{i}" for i in range(MAX_PRODUCTS))))
    assert ok["allowed"] is True
    too_many = {"partners": [], "request": _limited("B", *(f"p{i}" for i in range(MAX_PRODUCTS + 1)))}
    fr, en = fails("access", too_many), fails("access", {**too_many, "lang": "en"})
    assert (fr["code"], fr["field"]) == ("value", "request.products")
    assert str(MAX_PRODUCTS) in str(fr["message"]) and "au plus" in str(fr["message"])
    assert str(MAX_PRODUCTS) in str(en["message"]) and "at most" in str(en["message"])


def test_the_number_of_partners_is_bounded_with_a_list_error_not_a_text_error() -> None:
    payload = {"partners": [_limited(f"P{i}", "x") for i in range(MAX_PARTNERS + 1)], "request": _limited("B", "y")}
    error = fails("access", {**payload, "lang": "en"})
    assert error["field"] == "partners" and str(MAX_PARTNERS) in str(error["message"])
    assert "text" not in str(error["message"])
