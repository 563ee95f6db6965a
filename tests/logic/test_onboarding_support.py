"""ONB: the onboarding procedures per role; CODE: the support and VIP codes."""

from __future__ import annotations

import pytest
from _logic_helpers import ask, fails


def onb(flow: str, role: str, lang: str = "fr") -> dict[str, object]:
    return ask("onboarding", flow=flow, role=role, lang=lang)


def step_ids(answer: dict[str, object]) -> list[str]:
    steps = answer["steps"]
    assert isinstance(steps, list)
    assert all(step["text"] for step in steps)
    return [step["id"] for step in steps]


@pytest.mark.parametrize("role", ["legal_representative", "administrator", "collaborator"])
def test_ONB_C1_to_C5_client_adds_partner_any_role(role: str) -> None:
    answer = onb("client_adds_partner", role)
    assert answer["allowed"] is True
    assert step_ids(answer) == ["ONB-C1", "ONB-C2", "ONB-C3", "ONB-C4", "ONB-C5"]


def test_ONB_P1_to_P7_legal_representative_adds_client() -> None:
    answer = onb("partner_adds_client", "legal_representative")
    assert answer["allowed"] is True
    assert step_ids(answer) == ["ONB-P1", "ONB-P2", "ONB-P3", "ONB-P4", "ONB-P5", "ONB-P6", "ONB-P7"]
    assert answer["rules"][0] == "ONB-P0"  # type: ignore[index]


@pytest.mark.parametrize("role", ["administrator", "collaborator"])
def test_ONB_P0_only_legal_representatives_add_clients(role: str) -> None:
    for lang in ("fr", "en"):
        answer = onb("partner_adds_client", role, lang)
        assert answer["allowed"] is False
        assert answer["steps"] == []
        assert answer["rules"] == ["ONB-P0"]
    assert "legal representatives" in str(answer["message"])


@pytest.mark.parametrize("role", ["legal_representative", "administrator"])
def test_ONB_A1_access_client_account(role: str) -> None:
    answer = onb("access_client_account", role)
    assert step_ids(answer) == ["ONB-A1"]
    assert "Accéder au compte du client" in str(answer["steps"][0]["text"])  # type: ignore[index]


def test_ONB_A2_collaborator_access_client_account() -> None:
    answer = onb("access_client_account", "collaborator", "en")
    assert step_ids(answer) == ["ONB-A2"]
    assert "Mes clients" in str(answer["steps"][0]["text"])  # type: ignore[index]


def test_onboarding_errors() -> None:
    assert fails("onboarding", {"flow": "client_adds_partner"})["field"] == "role"
    assert fails("onboarding", {"flow": "x", "role": "collaborator"})["field"] == "flow"


def test_CODE_1_CODE_2_CODE_3_support_code_for_everyone() -> None:
    for premium in (True, False):
        answer = ask("support_code", premium_support=premium)
        assert answer["support_code"]["id"] == "CODE-2"  # type: ignore[index]
        assert "Support" in str(answer["support_code"]["text"])  # type: ignore[index]
        assert answer["temporary_access"]["id"] == "CODE-3"  # type: ignore[index]
        assert "kMail" in str(answer["temporary_access"]["text"])  # type: ignore[index]
        assert answer["is_transfer_code"] is False  # CODE-1
        assert answer["transfer_code_note"]["id"] == "CODE-1"  # type: ignore[index]
        assert answer["rules"] == ["CODE-1", "CODE-2", "CODE-3", "CODE-4"]


def test_CODE_4_vip_code_only_with_premium_support() -> None:
    premium = ask("support_code", premium_support=True, lang="en")
    assert premium["has_vip_code"] is True
    assert premium["vip_code"]["id"] == "CODE-4"  # type: ignore[index]
    standard = ask("support_code", premium_support=False, lang="en")
    assert standard["has_vip_code"] is False and standard["vip_code"] is None
    assert "Premium Support" in str(standard["message"])


def test_support_code_errors() -> None:
    assert fails("support_code", {"premium_support": "yes"})["code"] == "type"
    assert fails("support_code", {"premium_support": 1})["code"] == "type"
    assert fails("support_code", {})["code"] == "missing_field"
