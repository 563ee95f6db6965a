"""PAY: who pays, who sees the invoices, what the partner earns — full access only.

With ``price`` and ``rate`` the answer also gives the amounts of that order, rounded to
cents (half up). The rate is the reader's assumption: the guides only state "up to 35 %".

>>> r = evaluate(PaymentQuestion("full", "client", 100, 0.2))
>>> r.who_pays, r.partner_benefit, r.amounts
('client', 'cashback', Amounts(client_pays=100.0, partner_pays=0.0, partner_earns=20.0, partner_saves=0.0))
>>> evaluate(PaymentQuestion("full", "partner", 99.99, 0.35)).amounts.partner_pays
64.99
>>> evaluate(PaymentQuestion("limited", "client", None, None)).not_covered
True
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Final, Literal

from kb_logic import _payload
from kb_logic.access import ACCESS_TYPES, Access
from kb_logic.constants import CURRENCIES, MAX_RATE, Currency, Lang
from kb_logic.errors import CurrencyError, InvalidValueError, MissingFieldError
from kb_logic.messages import format_amount, format_rate, message, number_values
from kb_logic.rules import statement

Payer = Literal["client", "partner"]
PAYERS: Final[tuple[Payer, ...]] = ("client", "partner")

CLIENT_RULES: Final = ("PAY-C1", "PAY-C2", "PAY-C3", "PAY-C4", "PAY-C5", "PAY-X1", "PAY-X2")
PARTNER_RULES: Final = ("PAY-P1", "PAY-P2", "PAY-P3", "PAY-P4", "PAY-P5", "PAY-X1", "PAY-X2")
CENT: Final = Decimal("0.01")
EXACT: Final = Context(prec=800, rounding=ROUND_HALF_UP)
"""Enough digits for any finite float price times any rate, so cents are never lost."""


@dataclass(frozen=True, slots=True)
class PaymentQuestion:
    """The partnership's access type, who pays, and optionally one order's price and an assumed rate."""

    access: Access
    payer: Payer
    price: float | None
    rate: float | None
    currency: Currency | None = None  # only echoed, so the front end can format the amounts


@dataclass(frozen=True, slots=True)
class Amounts:
    """What one order costs each side and what the partner gets (cashback or discount)."""

    client_pays: float
    partner_pays: float
    partner_earns: float
    partner_saves: float


@dataclass(frozen=True, slots=True)
class PaymentAnswer:
    """``applicable`` is false for limited access, where the guides are silent about payment."""

    applicable: bool
    not_covered: bool
    payer: Payer
    who_pays: Payer | None
    invoices_visible_to: Payer | None
    installed_in: Literal["client"] | None
    partner_benefit: Literal["cashback", "discount"] | None
    cashback_on_client_orders: bool | None
    change_notice: Literal["email"] | None
    changed_by: Literal["client"] | None
    amounts: Amounts | None
    rate: float | None
    price: float | None
    rules: tuple[str, ...]
    currency: Currency | None = None


def _cents(value: Decimal) -> float:
    return float(value.quantize(CENT, context=EXACT))


def amounts(payer: Payer, price: float, rate: float) -> Amounts:
    """The amounts of one order at ``price`` with the assumed ``rate``.

    >>> amounts("client", 10.005, 0.1)
    Amounts(client_pays=10.01, partner_pays=0.0, partner_earns=1.0, partner_saves=0.0)
    """
    exact_price, exact_rate = Decimal(repr(price)), Decimal(repr(rate))
    share = EXACT.multiply(exact_price, exact_rate)
    if payer == "client":  # PAY-C1, PAY-C2: the client pays the public price, the partner gets cashback
        return Amounts(_cents(exact_price), 0.0, _cents(share), 0.0)
    # PAY-P1, PAY-P2: the partner pays, with its reseller discount applied directly
    return Amounts(0.0, _cents(EXACT.subtract(exact_price, share)), 0.0, _cents(share))


def evaluate(question: PaymentQuestion) -> PaymentAnswer:
    """PAY-C* when the client pays, PAY-P* when the partner pays; not covered for limited access."""
    price, rate = question.price, question.rate
    if question.access == "limited":  # payment methods exist only within full access (ACC-F3)
        return PaymentAnswer(
            applicable=False,
            not_covered=True,
            payer=question.payer,
            who_pays=None,
            invoices_visible_to=None,
            installed_in=None,
            partner_benefit=None,
            cashback_on_client_orders=None,
            change_notice=None,
            changed_by=None,
            amounts=None,
            rate=rate,
            price=price,
            rules=("ACC-F3",),
            currency=question.currency,
        )
    payer = question.payer
    return PaymentAnswer(
        applicable=True,
        not_covered=False,
        payer=payer,
        who_pays=payer,  # PAY-C1 / PAY-P1
        invoices_visible_to=payer,  # PAY-C4 / PAY-P4
        installed_in="client",  # PAY-C5 / PAY-P5
        partner_benefit="cashback" if payer == "client" else "discount",  # PAY-C2 / PAY-P2
        cashback_on_client_orders=True,  # PAY-C3 / PAY-P3
        change_notice="email",  # PAY-X2
        changed_by="client",  # PAY-X1
        amounts=None if price is None or rate is None else amounts(payer, price, rate),
        rate=rate,
        price=price,
        rules=CLIENT_RULES if payer == "client" else PARTNER_RULES,
        currency=question.currency,
    )


def parse(payload: _payload.JsonObject) -> PaymentQuestion:
    """The typed input of the ``payment`` call (``price`` and ``rate`` go together)."""
    data = _payload.fields(payload, "", required=("access", "payer"), optional=("price", "rate", "currency"))
    access = _payload.choice(data, "access", "", ACCESS_TYPES)
    payer = _payload.choice(data, "payer", "", PAYERS)
    price = _payload.number(data, "price", "") if "price" in data else None
    rate = _payload.number(data, "rate", "") if "rate" in data else None
    for given, needed in (("price", "rate"), ("rate", "price")):
        if given in data and needed not in data:
            raise MissingFieldError(needed)
    if rate is not None and rate > MAX_RATE:
        raise InvalidValueError("rate", detail="rate", max=str(MAX_RATE))
    currency: Currency | None = None
    if "currency" in data:
        given = _payload.text(data, "currency", "")
        if given not in CURRENCIES:
            raise CurrencyError("currency", value=given)
        currency = "CHF" if given == "CHF" else "EUR"
    return PaymentQuestion(access, payer, price, rate, currency)


def to_json(result: PaymentAnswer, lang: Lang) -> dict[str, object]:
    """The bridge answer."""
    answer: dict[str, object] = {
        "applicable": result.applicable,
        "not_covered": result.not_covered,
        "silent": "limited_payment" if result.not_covered else None,
        "who_pays": result.who_pays,
        "invoices_visible_to": result.invoices_visible_to,
        "installed_in": result.installed_in,
        "partner_benefit": result.partner_benefit,
        "cashback_on_client_orders": result.cashback_on_client_orders,
        "change_notice": result.change_notice,
        "changed_by": result.changed_by,
        "max_rate": MAX_RATE,
        "currency": result.currency,
    }
    if result.not_covered:
        parts = [message("silent.limited_payment", lang)]
    else:
        parts = [message(f"payment.{result.payer}", lang), message("payment.change", lang)]
        answer["statements"] = [{"id": rule, "text": statement(rule, lang)} for rule in result.rules]
    if result.amounts is not None and result.price is not None and result.rate is not None:
        shown = {
            "price": format_amount(result.price, lang),
            "rate": format_rate(result.rate, lang),
            "client_pays": format_amount(result.amounts.client_pays, lang),
            "partner_pays": format_amount(result.amounts.partner_pays, lang),
            "partner_earns": format_amount(result.amounts.partner_earns, lang),
            "partner_saves": format_amount(result.amounts.partner_saves, lang),
        }
        parts.append(message(f"payment.amounts.{result.payer}", lang, **shown))
        answer["amounts"] = {
            "price": result.price,
            "rate": result.rate,
            "client_pays": result.amounts.client_pays,
            "partner_pays": result.amounts.partner_pays,
            "partner_earns": result.amounts.partner_earns,
            "partner_saves": result.amounts.partner_saves,
        }
    if result.rate is not None:
        parts.append(message("silent.actual_rates", lang, **number_values(lang)))
    answer["rules"] = list(result.rules)
    answer["message"] = " ".join(parts)
    return answer
