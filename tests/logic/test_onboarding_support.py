"""ONB: the onboarding procedures per role; CODE: the support and VIP codes."""

from __future__ import annotations

import pytest

from kb_logic.rules import text

from ._logic_helpers import Answer, ask, assert_rules, fails

NBSP = "\u00a0"


def onb(flow: str, role: str, lang: str = "fr") -> Answer:
    return ask("onboarding", flow=flow, role=role, lang=lang)


def anchors(answer: Answer) -> list[str]:
    return [reason["anchor"] for reason in answer["reasons"]]


@pytest.mark.rule("ONB-C1", "ONB-C2", "ONB-C3", "ONB-C4", "ONB-C5")
@pytest.mark.parametrize("role", ["legal_representative", "administrator", "collaborator"])
def test_client_adds_partner_any_role(role: str) -> None:
    answer = onb("client_adds_partner", role)
    assert answer["allowed"] is True and answer["verdict"] == "info"
    assert answer["steps"] == ["ONB-C1", "ONB-C2", "ONB-C3", "ONB-C4", "ONB-C5"]
    assert anchors(answer) == ["onb-c1", "onb-c2", "onb-c3", "onb-c4", "onb-c5"]
    assert_rules(answer, "ONB-C1", "ONB-C2", "ONB-C3", "ONB-C4", "ONB-C5")
    assert answer["next"]["anchor"] == "add-a-partner"


@pytest.mark.rule("ONB-P0", "ONB-P1", "ONB-P2", "ONB-P3", "ONB-P4", "ONB-P5", "ONB-P6", "ONB-P7")
def test_legal_representative_adds_client() -> None:
    answer = onb("partner_adds_client", "legal_representative")
    assert answer["allowed"] is True
    steps = ["ONB-P1", "ONB-P2", "ONB-P3", "ONB-P4", "ONB-P5", "ONB-P6", "ONB-P7"]
    assert answer["steps"] == steps
    assert answer["reasons"] == [{"text": text(step, "fr"), "anchor": step.lower()} for step in steps]
    assert_rules(answer, "ONB-P0", *steps)


@pytest.mark.rule("ONB-P0")
@pytest.mark.parametrize("role", ["administrator", "collaborator"])
def test_only_legal_representatives_add_clients(role: str) -> None:
    shown = {"administrator": ("administrateur", "administrator"), "collaborator": ("collaborateur", "collaborator")}
    fr_role, en_role = shown[role]
    expected = {
        "fr": f"Non autorisé{NBSP}: votre rôle ({fr_role}) ne permet pas d’ajouter des clients.",
        "en": f"Not allowed: your role ({en_role}) cannot add clients.",
    }
    for lang, message in expected.items():
        answer = onb("partner_adds_client", role, lang)
        assert answer["allowed"] is False and answer["verdict"] == "ko"
        assert answer["steps"] == [] and answer["message"] == message
        assert anchors(answer) == ["onb-p0"]
        assert_rules(answer, "ONB-P0")


@pytest.mark.rule("ONB-A1")
@pytest.mark.parametrize("role", ["legal_representative", "administrator"])
def test_access_client_account(role: str) -> None:
    answer = onb("access_client_account", role)
    assert answer["steps"] == ["ONB-A1"] and anchors(answer) == ["onb-a1"]
    assert "Accéder au compte du client" in answer["reasons"][0]["text"]
    assert_rules(answer, "ONB-A1")


@pytest.mark.rule("ONB-A2")
def test_collaborator_access_client_account() -> None:
    answer = onb("access_client_account", "collaborator", "en")
    assert answer["steps"] == ["ONB-A2"] and anchors(answer) == ["onb-a2"]
    assert "Mes clients" in answer["reasons"][0]["text"]
    assert_rules(answer, "ONB-A2")


def test_onboarding_errors() -> None:
    assert fails("onboarding", {"flow": "client_adds_partner"})["field"] == "role"
    error = fails("onboarding", {"flow": "x", "role": "collaborator", "lang": "en"})
    assert (error["field"], error["label"]) == ("flow", "Procedure")
    assert "client_adds_partner, partner_adds_client, access_client_account" in str(error["message"])


@pytest.mark.rule("CODE-1", "CODE-2", "CODE-3")
@pytest.mark.parametrize("premium", [True, False])
def test_support_code_for_everyone(premium: bool) -> None:
    answer = ask("support_code", premium_support=premium)
    assert answer["support_code"] is True and answer["is_transfer_code"] is False  # CODE-2, CODE-1
    assert "code-2" in anchors(answer) and "code-1" in anchors(answer)
    assert_rules(answer, "CODE-1", "CODE-2", "CODE-3")


@pytest.mark.rule("CODE-4")
def test_vip_code_only_with_premium_support() -> None:
    premium = ask("support_code", premium_support=True, lang="en")
    assert premium["has_vip_code"] is True and "code-4" in anchors(premium)
    assert premium["next"] == {"text": "Where to find the VIP code", "anchor": "vip-code"}
    assert_rules(premium, "CODE-4")
    standard = ask("support_code", premium_support=False, lang="en")
    assert standard["has_vip_code"] is False and "code-4" not in anchors(standard)
    assert standard["message"] == "You have a support code, but no VIP code."
    assert ask("support_code", premium_support=False)["message"] == "Vous avez un code support, mais pas de code VIP."


def test_support_code_errors() -> None:
    assert fails("support_code", {"premium_support": "yes"})["code"] == "type"
    assert fails("support_code", {"premium_support": 1})["code"] == "type"
    assert fails("support_code", {})["code"] == "missing_field"
