"""ELIG: may this applicant join the reseller programme?

All payload fields are required (the front end asks only once its form is complete).
The boundary amount qualifies (ELIG-2: "égal ou supérieur"); a private individual is
redirected to the affiliate programme (ELIG-1).

Amounts are decimals (``1999.99999999999999999`` is below 2000). A currency other than CHF and
EUR is a silent case of the guides: ``not_covered``, with the pointer to Support.

>>> result = evaluate(Application("company", True, Decimal(2000), "CHF", True, True, True, True))
>>> result.eligible, result.unmet, result.redirect
(True, (), None)
>>> evaluate(Application("individual", False, Decimal("1799.99"), "EUR", True, True, True, True)).unmet
('ELIG-1', 'ELIG-2')
>>> evaluate(Application("individual", False, Decimal(0), "EUR", True, True, True, True)).redirect
'affiliate'
>>> evaluate(Application("company", True, Decimal(5000), "USD", True, True, True, True)).not_covered
True
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Literal

from kb_logic import _answer, _payload, formatting
from kb_logic.constants import AMOUNT_PLACES, CURRENCIES, THRESHOLDS, Currency, Lang
from kb_logic.messages import message
from kb_logic.rules import FAMILIES

Entity = Literal["company", "individual"]
ENTITIES: Final[tuple[Entity, ...]] = ("company", "individual")

FIELDS: Final[tuple[str, ...]] = (
    "entity",
    "registered",
    "annual_amount",
    "currency",
    "provides_support",
    "handles_billing",
    "exclusive_tenders",
    "accepts_conditions",
)


@dataclass(frozen=True, slots=True)
class Application:
    """What the applicant declares (``currency``: an ISO code, CHF and EUR being the covered ones)."""

    entity: Entity
    registered: bool
    annual_amount: Decimal
    currency: str
    provides_support: bool
    handles_billing: bool
    exclusive_tenders: bool
    accepts_conditions: bool


@dataclass(frozen=True, slots=True)
class Eligibility:
    """The verdict; ``unmet`` lists the conditions not met, in rule order. ``eligible`` is ``None``
    (``not_covered``) for a currency the guides give no threshold in."""

    eligible: bool | None
    unmet: tuple[str, ...]
    redirect: Literal["affiliate"] | None
    threshold: int | None
    currency: str
    annual_amount: Decimal
    rules: tuple[str, ...]

    @property
    def not_covered(self) -> bool:
        return self.eligible is None


def _covered(currency: str) -> Currency | None:
    for known in CURRENCIES:
        if currency == known:
            return known
    return None


def evaluate(app: Application) -> Eligibility:
    """Check the six conditions ELIG-1..6 (not covered: another currency than CHF or EUR)."""
    redirect: Literal["affiliate"] | None = "affiliate" if app.entity == "individual" else None
    currency = _covered(app.currency)
    if currency is None:  # a silent case of the guides: no threshold, no conversion
        return Eligibility(None, (), redirect, None, app.currency, app.annual_amount, ("ELIG-2",))
    threshold = THRESHOLDS[currency]
    met = {
        "ELIG-1": app.entity == "company" and app.registered,
        "ELIG-2": app.annual_amount >= threshold,
        "ELIG-3": app.provides_support,
        "ELIG-4": app.handles_billing,
        "ELIG-5": app.exclusive_tenders,
        "ELIG-6": app.accepts_conditions,
    }
    unmet = tuple(rule for rule, ok in met.items() if not ok)
    return Eligibility(
        eligible=not unmet,
        unmet=unmet,
        redirect=redirect,
        threshold=threshold,
        currency=currency,
        annual_amount=app.annual_amount,
        rules=FAMILIES["ELIG"],
    )


def parse(payload: _payload.JsonObject, lang: Lang) -> Application:
    """The typed input of the ``eligibility`` call (a typed amount is read as ``lang`` writes numbers)."""
    data = _payload.fields(payload, "", required=FIELDS)
    return Application(
        entity=_payload.choice(data, "entity", "", ENTITIES),
        registered=_payload.boolean(data, "registered", ""),
        annual_amount=_payload.decimal(data, "annual_amount", "", lang, places=AMOUNT_PLACES),
        currency=_payload.currency(data, "currency", ""),
        provides_support=_payload.boolean(data, "provides_support", ""),
        handles_billing=_payload.boolean(data, "handles_billing", ""),
        exclusive_tenders=_payload.boolean(data, "exclusive_tenders", ""),
        accepts_conditions=_payload.boolean(data, "accepts_conditions", ""),
    )


def to_json(result: Eligibility, lang: Lang) -> dict[str, object]:
    """The bridge answer (contract v2, see :mod:`kb_logic._answer`)."""
    raw: dict[str, object] = {
        "eligible": result.eligible,
        "not_covered": result.not_covered,
        "silent": "other_currency" if result.not_covered else None,
        "unmet": list(result.unmet),
        "redirect": result.redirect,
        "threshold": result.threshold,
        "currency": result.currency,
        "annual_amount": str(result.annual_amount),
    }
    if result.eligible is None:
        return _answer.answer(
            raw,
            verdict="not_covered",
            text=message("silent.verdict", lang),
            reasons=[_answer.other_currency(result.currency, lang)],
            details=[_answer.detail("currency", result.currency, lang)],
            next=_answer.next_step("support", lang),
            rule_ids=result.rules,
        )
    currency = _covered(result.currency)
    amount = formatting.money(result.annual_amount, currency, lang, exact=True)
    details = [_answer.detail("annual_amount", amount, lang)]
    if currency is not None:
        details.append(_answer.detail("threshold", formatting.threshold(currency, lang), lang))
    if result.eligible:
        reasons = [_answer.reason(message("eligibility.all_met", lang), "conditions")]
    else:
        reasons = [_answer.reason_for(rule, lang) for rule in result.unmet]
    if result.redirect == "affiliate":
        reasons.append(_answer.reason(message("eligibility.affiliate", lang)))
    return _answer.answer(
        raw,
        verdict="ok" if result.eligible else "ko",
        text=message("eligibility.eligible" if result.eligible else "eligibility.not_eligible", lang),
        reasons=reasons,
        details=details,
        next=_answer.next_step("advantages" if result.eligible else "conditions", lang),
        rule_ids=result.rules,
    )
