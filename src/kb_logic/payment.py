"""PAY: who pays, who sees the invoices, what the partner earns — full access only.

With ``price`` and ``rate`` the answer also gives the amounts of that order, to the cent. The
rate is in percent (0 ≤ rate ≤ :data:`~kb_logic.constants.MAX_RATE`) and is the reader's
assumption: the guides only state "up to 35 %". Amounts are decimals, never floats, and add up:
when the partner pays, pays + saves = price; when the client pays, the client pays the price
and the partner's cashback is price x rate, rounded once (half up).

>>> r = evaluate(PaymentQuestion("full", "client", Decimal(100), Decimal(20)))
>>> r.who_pays, r.partner_benefit, r.amounts.client_pays, r.amounts.partner_earns
('client', 'cashback', Decimal('100.00'), Decimal('20.00'))
>>> a = amounts("partner", Decimal("19.90"), Decimal(25))
>>> a.partner_pays, a.partner_saves, a.partner_pays + a.partner_saves
(Decimal('14.92'), Decimal('4.98'), Decimal('19.90'))
>>> evaluate(PaymentQuestion("limited", "client", None, None)).not_covered
True
>>> evaluate(PaymentQuestion("full", "client", Decimal(100), Decimal(20), "USD")).silent
'other_currency'

Amounts are shown in CHF when the request names no currency.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Final, Literal

from kb_logic import _answer, _payload, formatting
from kb_logic.access import ACCESS_TYPES, Access
from kb_logic.constants import CURRENCIES, MAX_RATE, PRICE_PLACES, RATE_PLACES, Currency, Lang
from kb_logic.errors import InvalidValueError, MissingFieldError
from kb_logic.messages import message

Payer = Literal["client", "partner"]
PAYERS: Final[tuple[Payer, ...]] = ("client", "partner")

CLIENT_RULES: Final = ("PAY-C1", "PAY-C2", "PAY-C3", "PAY-C4", "PAY-C5", "PAY-X1", "PAY-X2")
PARTNER_RULES: Final = ("PAY-P1", "PAY-P2", "PAY-P3", "PAY-P4", "PAY-P5", "PAY-X1", "PAY-X2")
DEFAULT_CURRENCY: Final[Currency] = "CHF"
"""The currency amounts are shown in when the request names none (the company is Swiss)."""
CENT: Final = Decimal("0.01")
EXACT: Final = Context(prec=200, rounding=ROUND_HALF_UP)
"""Enough digits for any accepted price times any accepted rate: the share is rounded once, at the cent."""


@dataclass(frozen=True, slots=True)
class PaymentQuestion:
    """The partnership's access type, who pays, and optionally one order's price and an assumed
    rate in percent."""

    access: Access
    payer: Payer
    price: Decimal | None
    rate: Decimal | None
    currency: str = DEFAULT_CURRENCY  # only to show the amounts; not CHF or EUR: not covered


@dataclass(frozen=True, slots=True)
class Amounts:
    """What one order costs each side and what the partner gets (cashback or discount), in cents."""

    client_pays: Decimal
    partner_pays: Decimal
    partner_earns: Decimal
    partner_saves: Decimal


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
    rate: Decimal | None
    price: Decimal | None
    rules: tuple[str, ...]
    currency: str = DEFAULT_CURRENCY
    silent: Literal["limited_payment", "other_currency"] | None = None


def _rules(payer: Payer) -> tuple[str, ...]:
    return CLIENT_RULES if payer == "client" else PARTNER_RULES


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, context=EXACT)


def amounts(payer: Payer, price: Decimal, rate: Decimal) -> Amounts:
    """The amounts of one order at ``price`` with the assumed ``rate`` (percent).

    The share (cashback or discount) is price x rate rounded once; the price is shown to the cent,
    and what the partner pays is that price minus the share, so the two add up exactly.

    >>> a = amounts("client", Decimal("10.005"), Decimal(10))
    >>> a.client_pays, a.partner_earns, a.partner_pays
    (Decimal('10.01'), Decimal('1.00'), Decimal('0.00'))
    """
    zero = _cents(Decimal(0))
    share = _cents(EXACT.divide(EXACT.multiply(price, rate), Decimal(100)))
    if payer == "client":  # PAY-C1, PAY-C2: the client pays the public price, the partner gets cashback
        return Amounts(_cents(price), zero, share, zero)
    # PAY-P1, PAY-P2: the partner pays, with its reseller discount applied directly
    return Amounts(zero, EXACT.subtract(_cents(price), share), zero, share)


def evaluate(question: PaymentQuestion) -> PaymentAnswer:
    """PAY-C* when the client pays, PAY-P* when the partner pays; not covered for limited access
    (``silent: limited_payment``) or a currency other than CHF and EUR (``other_currency``)."""
    price, rate = question.price, question.rate
    limited = question.access == "limited"  # payment methods exist only within full access (ACC-F3)
    if limited or question.currency not in CURRENCIES:
        return PaymentAnswer(
            applicable=not limited,
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
            rules=("ACC-F3",) if limited else _rules(question.payer),
            currency=question.currency,
            silent="limited_payment" if limited else "other_currency",
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
        rules=_rules(payer),
        currency=question.currency,
    )


def parse(payload: _payload.JsonObject, lang: Lang) -> PaymentQuestion:
    """The typed input of the ``payment`` call (``price`` and ``rate`` go together; ``rate`` in
    percent, a trailing "%" accepted; typed numbers read as ``lang`` writes them). ``currency``
    only labels the amounts: CHF when absent (the display currency); another code than CHF or EUR
    is the guides' silent case (``not_covered``)."""
    data = _payload.fields(payload, "", required=("access", "payer"), optional=("price", "rate", "currency"))
    access = _payload.choice(data, "access", "", ACCESS_TYPES)
    payer = _payload.choice(data, "payer", "", PAYERS)
    price = _payload.decimal(data, "price", "", lang, places=PRICE_PLACES) if "price" in data else None
    rate = _payload.decimal(data, "rate", "", lang, places=RATE_PLACES, percent=True) if "rate" in data else None
    for given, needed in (("price", "rate"), ("rate", "price")):
        if given in data and needed not in data:
            raise MissingFieldError(needed)
    if rate is not None and rate > MAX_RATE:
        raise InvalidValueError("rate", detail="rate")
    currency = _payload.currency(data, "currency", "") if "currency" in data else DEFAULT_CURRENCY
    return PaymentQuestion(access, payer, price, rate, currency)


def _raw(result: PaymentAnswer) -> dict[str, object]:
    raw: dict[str, object] = {
        "applicable": result.applicable,
        "not_covered": result.not_covered,
        "silent": result.silent,
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
    if result.amounts is not None and result.price is not None and result.rate is not None:
        raw["amounts"] = {
            "price": str(result.price),
            "rate": str(result.rate),
            "client_pays": str(result.amounts.client_pays),
            "partner_pays": str(result.amounts.partner_pays),
            "partner_earns": str(result.amounts.partner_earns),
            "partner_saves": str(result.amounts.partner_saves),
        }
    return raw


def to_json(result: PaymentAnswer, lang: Lang) -> dict[str, object]:
    """The bridge answer (contract v2, see :mod:`kb_logic._answer`)."""
    if result.not_covered:
        return _answer.answer(
            _raw(result),
            verdict="not_covered",
            text=message("silent.verdict", lang),
            reasons=(
                [_answer.reason(message("silent.limited_payment", lang)), _answer.reason_for("ACC-F3", lang)]
                if result.silent == "limited_payment"
                else [_answer.other_currency(result.currency, lang)]
            ),
            details=[] if result.silent == "limited_payment" else [_answer.detail("currency", result.currency, lang)],
            next=_answer.next_step("support", lang),
            rule_ids=result.rules,
        )
    payer = result.payer
    party = message(f"value.{payer}", lang)
    details = [
        _answer.detail("who_pays", party, lang),
        _answer.detail("invoices_visible_to", party, lang),
        _answer.detail("installed_in", message("value.client", lang), lang),
        _answer.detail("partner_benefit", message(f"value.{result.partner_benefit}", lang), lang),
    ]
    first = "PAY-C" if payer == "client" else "PAY-P"
    reasons = [_answer.reason_for(f"{first}1", lang), _answer.reason_for(f"{first}2", lang)]
    text = message(f"payment.{payer}", lang)
    if result.amounts is not None and result.price is not None and result.rate is not None:
        money = {
            key: formatting.money(getattr(result.amounts, key), result.currency, lang)
            for key in ("client_pays", "partner_pays", "partner_earns", "partner_saves")
        }
        text = message(f"payment.amounts.{payer}", lang, **money)
        details += [
            _answer.detail("price", formatting.money(result.price, result.currency, lang), lang),
            _answer.detail("rate", formatting.percent(result.rate, lang), lang),
        ]
        shown = ("client_pays", "partner_earns") if payer == "client" else ("partner_pays", "partner_saves")
        details += [_answer.detail(key, money[key], lang) for key in shown]
        reasons.append(_answer.reason(message("silent.actual_rates", lang), "savings"))
    return _answer.answer(
        _raw(result),
        verdict="info",
        text=text,
        reasons=reasons,
        details=details,
        next=_answer.next_step("change_payment", lang),
        rule_ids=result.rules,
    )
