"""ELIG: may this applicant join the reseller programme?

All payload fields are required (the front end asks only once its form is complete).
The boundary amount qualifies (ELIG-2: "égal ou supérieur"); a private individual is
redirected to the affiliate programme (ELIG-1).

>>> result = evaluate(Application("company", True, 2000, "CHF", True, True, True, True))
>>> result.eligible, result.unmet, result.redirect
(True, (), None)
>>> evaluate(Application("individual", False, 1799.99, "EUR", True, True, True, True)).unmet
('ELIG-1', 'ELIG-2')
>>> evaluate(Application("individual", False, 0, "EUR", True, True, True, True)).redirect
'affiliate'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from kb_logic import _payload
from kb_logic.constants import CURRENCIES, THRESHOLDS, Currency, Lang
from kb_logic.errors import CurrencyError
from kb_logic.messages import message, number_values
from kb_logic.rules import FAMILIES, statement

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
    """What the applicant declares."""

    entity: Entity
    registered: bool
    annual_amount: float
    currency: Currency
    provides_support: bool
    handles_billing: bool
    exclusive_tenders: bool
    accepts_conditions: bool


@dataclass(frozen=True, slots=True)
class Eligibility:
    """The verdict; ``unmet`` lists the conditions not met, in rule order."""

    eligible: bool
    unmet: tuple[str, ...]
    redirect: Literal["affiliate"] | None
    threshold: int
    currency: Currency
    rules: tuple[str, ...]


def evaluate(app: Application) -> Eligibility:
    """Check the six conditions ELIG-1..6."""
    threshold = THRESHOLDS[app.currency]
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
        redirect="affiliate" if app.entity == "individual" else None,
        threshold=threshold,
        currency=app.currency,
        rules=FAMILIES["ELIG"],
    )


def parse(payload: _payload.JsonObject) -> Application:
    """The typed input of the ``eligibility`` call."""
    data = _payload.fields(payload, "", required=FIELDS)
    currency = _payload.text(data, "currency", "")
    if currency not in CURRENCIES:
        raise CurrencyError("currency", value=currency)
    return Application(
        entity=_payload.choice(data, "entity", "", ENTITIES),
        registered=_payload.boolean(data, "registered", ""),
        annual_amount=_payload.number(data, "annual_amount", ""),
        currency="CHF" if currency == "CHF" else "EUR",
        provides_support=_payload.boolean(data, "provides_support", ""),
        handles_billing=_payload.boolean(data, "handles_billing", ""),
        exclusive_tenders=_payload.boolean(data, "exclusive_tenders", ""),
        accepts_conditions=_payload.boolean(data, "accepts_conditions", ""),
    )


def to_json(result: Eligibility, lang: Lang) -> dict[str, object]:
    """The bridge answer."""
    if result.eligible:
        parts = [message("eligibility.eligible", lang)]
    else:
        parts = [message("eligibility.not_eligible", lang, unmet=", ".join(result.unmet))]
    if "ELIG-2" in result.unmet:
        shown = number_values(lang)["chf" if result.currency == "CHF" else "eur"]
        parts.append(message("eligibility.threshold", lang, threshold=shown))
    if result.redirect == "affiliate":
        parts.append(message("eligibility.affiliate", lang))
    return {
        "eligible": result.eligible,
        "unmet": list(result.unmet),
        "redirect": result.redirect,
        "threshold": result.threshold,
        "currency": result.currency,
        "conditions": [
            {"id": rule, "met": rule not in result.unmet, "text": statement(rule, lang)}
            for rule in result.rules
        ],
        "rules": list(result.rules),
        "message": " ".join(parts),
    }
