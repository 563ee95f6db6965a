"""ACC: may a client grant this access to a partner, and what can the partner then do?

Products and partner names are compared by :func:`kb_logic._text.name_key` (NFKC, case-fold,
invisible characters dropped, spaces collapsed). A request naming a partner the client already
has is a change of that partner's access: between limited accesses it is
ACC-9 (product access added or removed); a change of access type is not covered by the guides.

>>> full = Grant("Agence A", "full", ())
>>> evaluate(AccessRequest((), full)).allowed
True
>>> evaluate(AccessRequest((full,), Grant("Agence B", "full", ()))).rules
('ACC-F5',)
>>> mixed = evaluate(AccessRequest((full,), Grant("Agence B", "limited", ("Web hosting",))))
>>> mixed.allowed, mixed.not_covered
(None, True)
>>> web = Grant("Agence C", "limited", ("Web  Hosting",))
>>> evaluate(AccessRequest((web,), Grant("Agence B", "limited", ("web hosting", "kMail")))).conflicts
('web hosting',)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from kb_logic import _answer, _payload, _text, constants
from kb_logic.constants import Lang
from kb_logic.errors import InvalidValueError, WrongTypeError
from kb_logic.messages import message

Access = Literal["limited", "full"]
ACCESS_TYPES: Final[tuple[Access, ...]] = ("limited", "full")

LIMITED_RULES: Final = ("ACC-L1", "ACC-L2", "ACC-L3", "ACC-L4", "ACC-L5")
FULL_RULES: Final = ("ACC-F1", "ACC-F2", "ACC-F3", "ACC-F4", "ACC-F5")

RevenueOn = Literal["every_order_or_renewal", "client_purchases_of_managed_products"]


@dataclass(frozen=True, slots=True)
class Grant:
    """A partner's access to the client's organisation (``products`` empty for full access)."""

    name: str
    access: Access
    products: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AccessRequest:
    """The client's current partners and the access it considers granting."""

    partners: tuple[Grant, ...]
    request: Grant
    merged_duplicates: tuple[str, ...] = ()
    """Products listed twice in one access (same name once normalised), kept once."""


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What the partner may do with the requested access type."""

    manages: Literal["all"] | tuple[str, ...]
    can_order_renew: bool
    revenue_on: RevenueOn
    payment_methods: bool


@dataclass(frozen=True, slots=True)
class AccessDecision:
    """``allowed`` is ``None`` exactly when the guides do not cover the case (``not_covered``)."""

    partner: str
    allowed: bool | None
    not_covered: bool
    silent: str | None
    conflicts: tuple[str, ...]
    blocking_partner: str | None
    update: bool
    capabilities: Capabilities
    rules: tuple[str, ...]
    merged_duplicates: tuple[str, ...] = ()


def capabilities(grant: Grant) -> Capabilities:
    """ACC-F1..F4 for full access, ACC-L1..L4 for limited access."""
    if grant.access == "full":
        return Capabilities("all", True, "every_order_or_renewal", True)
    products = tuple(dict.fromkeys(" ".join(p.split()) for p in grant.products))
    return Capabilities(products, False, "client_purchases_of_managed_products", False)


def evaluate(req: AccessRequest) -> AccessDecision:
    """Decide the request against the client's other partners."""
    new = req.request
    caps = capabilities(new)
    same = [p for p in req.partners if _text.name_key(p.name) == _text.name_key(new.name)]
    others = [p for p in req.partners if _text.name_key(p.name) != _text.name_key(new.name)]
    family = FULL_RULES if new.access == "full" else LIMITED_RULES

    def decided(
        allowed: bool | None,
        rules: tuple[str, ...],
        *,
        silent: str | None = None,
        conflicts: tuple[str, ...] = (),
        blocking: str | None = None,
    ) -> AccessDecision:
        return AccessDecision(
            partner=new.name,
            allowed=allowed,
            not_covered=allowed is None,
            silent=silent,
            conflicts=conflicts,
            blocking_partner=blocking,
            update=bool(same) and allowed is True,
            capabilities=caps,
            rules=rules,
            merged_duplicates=req.merged_duplicates,
        )

    if any(p.access != new.access for p in same):
        return decided(None, ("ACC-9",), silent="access_change")
    full_others = [p for p in others if p.access == "full"]
    if new.access == "full" and full_others:
        return decided(False, ("ACC-F5",), blocking=full_others[0].name)
    if any(p.access != new.access for p in others):
        return decided(None, ("ACC-F5", "ACC-L5"), silent="mixed_access")
    if new.access == "full":
        return decided(True, FULL_RULES)
    taken = {_text.name_key(product) for p in others for product in p.products}
    conflicts = tuple(dict.fromkeys(" ".join(p.split()) for p in new.products if _text.name_key(p) in taken))
    if conflicts:
        return decided(False, ("ACC-L5",), conflicts=conflicts)
    return decided(True, (*family, "ACC-9") if same else family)


def _grant(value: object, prefix: str) -> tuple[Grant, tuple[str, ...]]:
    """One access, and the products it listed twice (merged: kept once, in the first spelling)."""
    data = _payload.fields(value, prefix, required=("name", "access"), optional=("products",))
    name = _text.tidy(_payload.text(data, "name", prefix))
    if not _text.name_key(name):  # also a name of invisible characters only
        raise InvalidValueError(_payload.path(prefix, "name"), detail="empty")
    access = _payload.choice(data, "access", prefix, ACCESS_TYPES)
    field = _payload.path(prefix, "products")
    listed = data.get("products")
    if isinstance(listed, list) and len(listed) > constants.MAX_PRODUCTS:
        raise InvalidValueError(field, detail="too_many", limit=str(constants.MAX_PRODUCTS))
    kept: dict[str, str] = {}
    merged: dict[str, None] = {}
    products = _payload.text_list(data, "products", prefix) if "products" in data else ()
    for index, product in enumerate(products):
        key = _text.name_key(product)
        if not key:
            raise InvalidValueError(f"{field}[{index}]", detail="empty")
        if key in kept:
            merged[kept[key]] = None
        else:
            kept[key] = _text.tidy(product)
    if access == "limited" and not kept:
        raise InvalidValueError(field, detail="no_products")
    if access == "full":
        return Grant(name, access, ()), ()
    return Grant(name, access, tuple(kept.values())), tuple(merged)


def parse(payload: _payload.JsonObject, lang: Lang) -> AccessRequest:
    """The typed input of the ``access`` call (``products`` may be omitted for full access).

    A partner listed twice is refused (its two accesses could differ); a product listed twice in
    one access is merged, and the answer lists it (``merged_duplicates``).
    """
    data = _payload.fields(payload, "", required=("partners", "request"))
    partners = data["partners"]
    if not isinstance(partners, list):
        raise WrongTypeError("partners", expected="list")
    if len(partners) > constants.MAX_PARTNERS:
        raise InvalidValueError("partners", detail="too_many", limit=str(constants.MAX_PARTNERS))
    grants: dict[str, Grant] = {}
    merged: dict[str, None] = {}
    for index, value in enumerate(partners):
        grant, twice = _grant(value, f"partners[{index}]")
        if _text.name_key(grant.name) in grants:
            raise InvalidValueError(f"partners[{index}].name", detail="duplicate", value=grant.name)
        grants[_text.name_key(grant.name)] = grant
        merged.update(dict.fromkeys(twice))
    request, twice = _grant(data["request"], "request")
    merged.update(dict.fromkeys(twice))
    return AccessRequest(tuple(grants.values()), request, tuple(merged))


def _details(result: AccessDecision, lang: Lang) -> list[_answer.Detail]:
    caps = result.capabilities
    if result.conflicts:
        details = [_answer.detail("conflicts", ", ".join(result.conflicts), lang)]
    elif result.allowed:
        manages = message("value.all_products", lang) if caps.manages == "all" else ", ".join(caps.manages)
        details = [
            _answer.detail("manages", manages, lang),
            _answer.detail("can_order_renew", _answer.yes_no(caps.can_order_renew, lang), lang),
            _answer.detail("revenue_on", message(f"value.{caps.revenue_on}", lang), lang),
        ]
        if caps.payment_methods:
            details.append(_answer.detail("payment_methods", message("value.to_agree", lang), lang))
    else:
        details = []
    if result.merged_duplicates:
        details.append(_answer.detail("merged", ", ".join(result.merged_duplicates), lang))
    return details


def to_json(result: AccessDecision, lang: Lang) -> dict[str, object]:
    """The bridge answer (contract v2, see :mod:`kb_logic._answer`)."""
    caps = result.capabilities
    name = result.partner
    products = ", ".join(caps.manages) if caps.manages != "all" else ""
    verdict: _answer.Verdict = "ok" if result.allowed else "ko"
    next_step: _answer.Next | None = _answer.next_step("add_partner", lang) if result.allowed else None
    if result.silent is not None:
        verdict, text = "not_covered", message("silent.verdict", lang)
        reasons = [_answer.reason(message(f"silent.{result.silent}", lang))]
        next_step = _answer.next_step("support", lang)
    elif result.allowed is False and result.conflicts:
        text = message("access.denied.conflict", lang, products=", ".join(result.conflicts))
        reasons = [_answer.reason_for("ACC-L5", lang)]
    elif result.allowed is False:
        text = message("access.denied.second_full", lang, other=result.blocking_partner)
        reasons = [_answer.reason_for("ACC-F5", lang)]
    elif caps.manages == "all":
        text = message("access.allowed.full", lang, partner=name)
        reasons = [_answer.reason_for("ACC-F5", lang)]
    elif result.update:
        text = message("access.update", lang, partner=name, products=products)
        reasons = [_answer.reason_for("ACC-9", lang), _answer.reason_for("ACC-L5", lang)]
    else:
        text = message("access.allowed.limited", lang, partner=name, products=products)
        reasons = [_answer.reason_for("ACC-L5", lang)]
    raw: dict[str, object] = {
        "allowed": result.allowed,
        "not_covered": result.not_covered,
        "silent": result.silent,
        "conflicts": list(result.conflicts),
        "capabilities": {
            "manages": "all" if caps.manages == "all" else list(caps.manages),
            "can_order_renew": caps.can_order_renew,
            "revenue_on": caps.revenue_on,
            "payment_methods": caps.payment_methods,
        },
        "merged_duplicates": list(result.merged_duplicates),
    }
    return _answer.answer(
        raw,
        verdict=verdict,
        text=text,
        reasons=reasons,
        details=_details(result, lang),
        next=next_step,
        rule_ids=result.rules,
    )
