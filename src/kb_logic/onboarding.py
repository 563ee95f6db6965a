"""ONB: the steps to add a partner, add a client, or access a client's account.

Decisions: adding a client is reserved to legal representatives (ONB-P0), so an administrator
or a collaborator gets ``allowed: false``. The guide on adding a partner addresses "the client"
without naming roles: every role gets the ONB-C1..C5 steps (no restriction is invented).
Accessing a client's account: legal representative and administrator follow ONB-A1, a
collaborator follows ONB-A2.

>>> evaluate(Onboarding("partner_adds_client", "administrator")).allowed
False
>>> evaluate(Onboarding("partner_adds_client", "legal_representative")).steps[0]
'ONB-P1'
>>> evaluate(Onboarding("access_client_account", "collaborator")).steps
('ONB-A2',)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from kb_logic import _answer, _payload
from kb_logic.constants import Lang
from kb_logic.messages import message

Flow = Literal["client_adds_partner", "partner_adds_client", "access_client_account"]
FLOWS: Final[tuple[Flow, ...]] = ("client_adds_partner", "partner_adds_client", "access_client_account")
Role = Literal["legal_representative", "administrator", "collaborator"]
ROLES: Final[tuple[Role, ...]] = ("legal_representative", "administrator", "collaborator")

CLIENT_STEPS: Final = ("ONB-C1", "ONB-C2", "ONB-C3", "ONB-C4", "ONB-C5")
PARTNER_STEPS: Final = ("ONB-P1", "ONB-P2", "ONB-P3", "ONB-P4", "ONB-P5", "ONB-P6", "ONB-P7")


@dataclass(frozen=True, slots=True)
class Onboarding:
    """Which procedure, done by whom."""

    flow: Flow
    role: Role


@dataclass(frozen=True, slots=True)
class OnboardingSteps:
    """``steps`` are rule IDs, in order; empty when not allowed."""

    flow: Flow
    role: Role
    allowed: bool
    steps: tuple[str, ...]
    rules: tuple[str, ...]


def evaluate(question: Onboarding) -> OnboardingSteps:
    """The steps of one procedure for one role."""
    flow, role = question.flow, question.role
    if flow == "client_adds_partner":
        return OnboardingSteps(flow, role, True, CLIENT_STEPS, CLIENT_STEPS)
    if flow == "partner_adds_client":
        if role != "legal_representative":
            return OnboardingSteps(flow, role, False, (), ("ONB-P0",))
        return OnboardingSteps(flow, role, True, PARTNER_STEPS, ("ONB-P0", *PARTNER_STEPS))
    path = ("ONB-A2",) if role == "collaborator" else ("ONB-A1",)
    return OnboardingSteps(flow, role, True, path, path)


def parse(payload: _payload.JsonObject, lang: Lang) -> Onboarding:
    """The typed input of the ``onboarding`` call."""
    data = _payload.fields(payload, "", required=("flow", "role"))
    return Onboarding(_payload.choice(data, "flow", "", FLOWS), _payload.choice(data, "role", "", ROLES))


NEXT: Final[dict[Flow, str]] = {
    "client_adds_partner": "add_partner",
    "partner_adds_client": "add_client",
    "access_client_account": "access_client_account",
}
"""The guide section of each procedure (``rules.SECTIONS`` key)."""


def to_json(result: OnboardingSteps, lang: Lang) -> dict[str, object]:
    """The bridge answer (contract v2): the steps are the reasons, each linked to its paragraph."""
    role = message(f"onboarding.role.{result.role}", lang)
    raw: dict[str, object] = {
        "allowed": result.allowed,
        "flow": result.flow,
        "role": result.role,
        "steps": list(result.steps),
    }
    if not result.allowed:
        return _answer.answer(
            raw,
            verdict="ko",
            text=message("onboarding.partner_adds_client.denied", lang, role=role),
            reasons=[_answer.reason_for("ONB-P0", lang)],
            details=[_answer.detail("role", role, lang)],
            next=None,
            rule_ids=result.rules,
        )
    return _answer.answer(
        raw,
        verdict="info",
        text=message(f"onboarding.{result.flow}", lang, role=role),
        reasons=[_answer.reason_for(rule, lang) for rule in result.steps],
        details=[_answer.detail("role", role, lang)],
        next=_answer.next_step(NEXT[result.flow], lang),
        rule_ids=result.rules,
    )
