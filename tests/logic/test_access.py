"""ACC: limited and full access, one full-access partner, distinct products, silent mixes."""

from __future__ import annotations

import pytest

from ._logic_helpers import Answer, ask, assert_rules, fails

NBSP = "\u00a0"


def grant(name: str, access: str, *products: str) -> dict[str, object]:
    return {"name": name, "access": access, "products": list(products)}


def acc(partners: list[dict[str, object]], request: dict[str, object], **extra: object) -> Answer:
    return ask("access", partners=partners, request=request, **extra)


@pytest.mark.rule("ACC-F1", "ACC-F2", "ACC-F3", "ACC-F4", "ACC-F5")
def test_full_access_capabilities() -> None:
    answer = acc([], {"name": "Agence", "access": "full"})
    assert answer["allowed"] is True and answer["verdict"] == "ok"
    assert answer["capabilities"] == {
        "manages": "all",  # ACC-F1
        "can_order_renew": True,  # ACC-F2
        "revenue_on": "every_order_or_renewal",  # ACC-F4
        "payment_methods": True,  # ACC-F3
    }
    assert answer["rules"] == ["ACC-F1", "ACC-F2", "ACC-F3", "ACC-F4", "ACC-F5"]
    assert_rules(answer, "ACC-F1", "ACC-F2", "ACC-F3", "ACC-F4", "ACC-F5")
    assert answer["details"] == [
        {"key": "manages", "label": "Produits gérés", "value": "tous les produits du client"},
        {"key": "can_order_renew", "label": "Commande et renouvelle", "value": "oui"},
        {"key": "revenue_on", "label": "Revenus", "value": "sur toute commande ou tout renouvellement"},
        {"key": "payment_methods", "label": "Moyens de paiement", "value": "à définir avec le client"},
    ]


@pytest.mark.rule("ACC-F5")
def test_second_full_access_partner_refused_names_the_first() -> None:
    fr = acc([grant("Agence Alpha", "full")], grant("Agence Beta", "full"))
    en = acc([grant("Agence Alpha", "full")], grant("Agence Beta", "full"), lang="en")
    for answer in (fr, en):
        assert answer["allowed"] is False and answer["verdict"] == "ko"
        assert answer["rules"] == ["ACC-F5"] and answer["reasons"][0]["anchor"] == "acc-f5"
        assert_rules(answer, "ACC-F5")
    assert fr["message"] == f"Pas possible{NBSP}: le client a déjà un partenaire en accès complet (Agence Alpha)."
    assert en["message"] == "Not possible: the client already has a full-access partner (Agence Alpha)."


def test_ACC_F5_full_refused_even_with_limited_partners_too() -> None:
    answer = acc([grant("A", "full"), grant("C", "limited", "kMail")], grant("B", "full"))
    assert answer["allowed"] is False


@pytest.mark.rule("ACC-L1", "ACC-L2", "ACC-L3", "ACC-L4", "ACC-L5")
def test_limited_access_capabilities() -> None:
    answer = acc([], grant("Agence", "limited", " Web  hosting ", "kMail"))
    assert answer["allowed"] is True
    assert answer["capabilities"] == {
        "manages": ["Web hosting", "kMail"],  # ACC-L1, ACC-L2
        "can_order_renew": False,  # ACC-L3
        "revenue_on": "client_purchases_of_managed_products",  # ACC-L4
        "payment_methods": False,
    }
    assert_rules(answer, "ACC-L1", "ACC-L2", "ACC-L3", "ACC-L4", "ACC-L5")
    en = acc([], grant("Agence", "limited", " Web  hosting ", "kMail"), lang="en")
    assert answer["message"] == f"Possible{NBSP}: Agence peut recevoir un accès limité à Web hosting, kMail."
    assert en["message"] == "Possible: Agence can be given limited access to Web hosting, kMail."


def test_several_limited_partners_with_different_products() -> None:
    answer = acc(
        [grant("A", "limited", "kMail"), grant("C", "limited", "kDrive")], grant("B", "limited", "Web")
    )
    assert answer["allowed"] is True
    assert answer["conflicts"] == []


@pytest.mark.rule("ACC-L5")
def test_overlapping_products_refused_case_and_space_insensitive() -> None:
    answer = acc(
        [grant("A", "limited", "Web  Hosting", "kMail")], grant("B", "limited", "web hosting", "kDrive")
    )
    assert answer["allowed"] is False and answer["verdict"] == "ko"
    assert answer["conflicts"] == ["web hosting"]
    assert answer["rules"] == ["ACC-L5"]
    assert_rules(answer, "ACC-L5")
    assert answer["details"] == [{"key": "conflicts", "label": "Produits déjà gérés", "value": "web hosting"}]


@pytest.mark.rule("ACC-9")
def test_changing_products_of_an_existing_limited_partner() -> None:
    answer = acc(
        [grant("A", "limited", "kMail"), grant("C", "limited", "Web")],
        grant("a", "limited", "kMail", "kDrive"),
    )
    assert answer["allowed"] is True and answer["reasons"][0]["anchor"] == "acc-9"
    assert_rules(answer, "ACC-9")


@pytest.mark.parametrize(
    ("partners", "request_"),
    [
        pytest.param([grant("A", "full")], grant("B", "limited", "Web"), id="silent-full-then-limited"),
        pytest.param([grant("A", "limited", "Web")], grant("B", "full"), id="silent-limited-then-full"),
    ],
)
def test_silent_mixed_access_not_covered(
    partners: list[dict[str, object]], request_: dict[str, object]
) -> None:
    expected = {"fr": "Contactez le Support Infomaniak.", "en": "Please contact Infomaniak Support."}
    for lang, pointer in expected.items():
        answer = acc(partners, request_, lang=lang)
        assert answer["allowed"] is None and answer["verdict"] == "not_covered"
        assert answer["silent"] == "mixed_access"
        assert answer["reasons"][0]["text"].endswith(pointer)
        assert answer["next"]["anchor"] == "support-code"


def test_silent_change_of_access_type_not_covered() -> None:
    answer = acc([grant("A", "limited", "Web")], grant("A", "full"))
    assert answer["allowed"] is None and answer["not_covered"] is True


def test_limited_needs_products() -> None:
    for request in (grant("B", "limited"), {"name": "B", "access": "limited"}):
        error = fails("access", {"partners": [], "request": request})
        assert (error["code"], error["field"]) == ("value", "request.products")
        assert error["label"] == "Produits (Accès demandé)"
    error = fails("access", {"partners": [], "request": grant("B", "limited", " ")})
    assert (error["code"], error["field"]) == ("value", "request.products[0]")


def test_access_shape_errors() -> None:
    assert fails("access", {"partners": {}, "request": grant("B", "full")})["field"] == "partners"
    assert fails("access", {"partners": [1], "request": grant("B", "full")})["field"] == "partners[0]"
    assert fails("access", {"partners": [], "request": {"name": "B"}})["field"] == "request.access"
    error = fails("access", {"partners": [], "request": {"name": "B", "access": "admin"}})
    assert (error["code"], error["field"]) == ("value", "request.access")
    assert fails("access", {"partners": []})["code"] == "missing_field"
    error = fails("access", {"partners": [], "request": grant("B", "limited", 3)})  # type: ignore[arg-type]  # a number as a product: the error under test
    assert (error["code"], error["field"]) == ("type", "request.products[0]")
