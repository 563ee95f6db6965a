"""ACC: may a client grant this access to a partner, and what can the partner then do?

Products are compared case- and whitespace-insensitively. A request naming a partner the
client already has is a change of that partner's access: between limited accesses it is
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

from kb_logic import _payload
from kb_logic.constants import Lang
from kb_logic.errors import InvalidValueError, WrongTypeError
from kb_logic.messages import message

Access = Literal["limited", "full"]
ACCESS_TYPES: Final[tuple[Access, ...]] = ("limited", "full")

MAX_PARTNERS: Final = 200

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


def product_key(product: str) -> str:
    """How products are compared: case-insensitive, whitespace collapsed.

    >>> product_key("  Web   HOSTING ")
    'web hosting'
    """
    return " ".join(product.split()).casefold()


def partner_key(name: str) -> str:
    """Partners are matched by name the same way as products."""
    return product_key(name)


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
    same = [p for p in req.partners if partner_key(p.name) == partner_key(new.name)]
    others = [p for p in req.partners if partner_key(p.name) != partner_key(new.name)]
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
    taken = {product_key(product) for p in others for product in p.products}
    conflicts = tuple(dict.fromkeys(" ".join(p.split()) for p in new.products if product_key(p) in taken))
    if conflicts:
        return decided(False, ("ACC-L5",), conflicts=conflicts)
    return decided(True, (*family, "ACC-9") if same else family)


def _grant(value: object, prefix: str) -> Grant:
    data = _payload.fields(value, prefix, required=("name", "access"), optional=("products",))
    name = _payload.text(data, "name", prefix)
    if not name.strip():
        raise InvalidValueError(_payload.path(prefix, "name"), detail="empty")
    access = _payload.choice(data, "access", prefix, ACCESS_TYPES)
    products = _payload.text_list(data, "products", prefix) if "products" in data else ()
    field = _payload.path(prefix, "products")
    for index, product in enumerate(products):
        if not product.strip():
            raise InvalidValueError(f"{field}[{index}]", detail="empty")
    if access == "limited" and not products:
        raise InvalidValueError(field, detail="no_products")
    return Grant(name.strip(), access, products if access == "limited" else ())


def parse(payload: _payload.JsonObject) -> AccessRequest:
    """The typed input of the ``access`` call (``products`` may be omitted for full access)."""
    data = _payload.fields(payload, "", required=("partners", "request"))
    partners = data["partners"]
    if not isinstance(partners, list):
        raise WrongTypeError("partners", expected="list")
    if len(partners) > MAX_PARTNERS:
        raise InvalidValueError("partners", detail="too_long")
    return AccessRequest(
        partners=tuple(_grant(p, f"partners[{i}]") for i, p in enumerate(partners)),
        request=_grant(data["request"], "request"),
    )


def to_json(result: AccessDecision, lang: Lang) -> dict[str, object]:
    """The bridge answer."""
    caps = result.capabilities
    name = result.partner
    if result.silent is not None:
        text = message(f"silent.{result.silent}", lang)
    elif result.allowed is False and result.conflicts:
        text = message("access.denied.conflict", lang, products=", ".join(result.conflicts))
    elif result.allowed is False:
        text = message("access.denied.second_full", lang, other=result.blocking_partner)
    elif caps.manages == "all":
        text = message("access.allowed.full", lang, partner=name)
    else:
        text = message("access.allowed.limited", lang, partner=name, products=", ".join(caps.manages))
        if result.update:
            text = f"{message('access.update', lang, partner=name)} {text}"
    return {
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
        "rules": list(result.rules),
        "message": text,
    }
