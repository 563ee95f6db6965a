"""The six helpers in real Chromium, against the built site: real answers in both languages, keyboard use,
inert hostile input, deep links across the language switch, load failure and retry, axe, no third party."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route

from .conftest import READY_DETAIL, READY_TIMEOUT_MS, Helper, OpenHelper, url

WORKER_URL = re.compile(r"/assets/kb/worker\.[0-9a-f]{12}\.js$")  # content-hashed (widgets/scripts.py)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("lang", "valid_text", "invalid_text", "greece"), [
    ("fr", "contrôle valables (Suisse)", "ne correspondent pas (Suisse)", "Grèce"),
    ("en", "check digits (Switzerland)", "do not match (Switzerland)", "Greece"),
])
def test_vat_answers_as_the_reader_types(open_helper: OpenHelper, lang: str, valid_text: str, invalid_text: str,
                                         greece: str) -> None:
    vat = open_helper("vat", lang)
    vat.field("number").fill("CHE-116.281.710 MWST")
    text = vat.wait_result(valid_text)
    assert "CHE116281710MWST" in text
    assert vat.verdict() == "ok"
    assert vat.result.locator("dd[data-kb-key=compact]").inner_text() == "CHE116281710MWST"
    next_step = vat.result.locator(".kb-result__next a")
    assert next_step.get_attribute("href") == "#vat-2"  # the guide section on this same page
    vat.field("number").fill("CHE-116.281.711 MWST")  # one check digit off
    vat.wait_result(invalid_text)
    assert vat.verdict() == "ko"
    vat.field("number").fill("GR 094259216")  # Greece writes EL: the answer says so
    assert "EL" in vat.wait_result(greece)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_eligibility_boundary_and_individual(open_helper: OpenHelper, lang: str) -> None:
    elig = open_helper("eligibility", lang)
    for box in ("registered", "provides_support", "handles_billing", "exclusive_tenders", "accepts_conditions"):
        elig.field(box).check()
    elig.field("currency").select_option("EUR")
    elig.field("annual_amount").fill("1800")  # ELIG-2: the boundary qualifies
    elig.wait_verdict("ok")
    elig.field("annual_amount").fill("1799.99")
    elig.wait_verdict("ko")
    unmet = elig.result.locator(".kb-result__reasons a")
    assert unmet.count() == 1 and unmet.get_attribute("href") == "#elig-2"  # the rule's paragraph, above
    assert "ELIG-2" not in elig.result.inner_text()  # rule IDs stay in attributes
    assert "ELIG-2" in (elig.result.locator(".kb-result").get_attribute("data-kb-rules") or "").split()
    elig.field("entity").select_option("individual")
    elig.wait_result("affiliation" if lang == "fr" else "affiliate")


@pytest.mark.parametrize(("lang", "refused", "silent"), [
    ("fr", "Pas possible\u00a0: le client a déjà un partenaire en accès complet (Agence A).",
     "Les guides ne couvrent pas ce cas."),
    ("en", "Not possible: the client already has a full-access partner (Agence A).",
     "The guides do not cover this case."),
])
def test_access_second_full_partner_refused_and_mixed_case_not_covered(
    open_helper: OpenHelper, lang: str, refused: str, silent: str,
) -> None:
    acc = open_helper("access", lang)
    acc.root.locator("[data-kb-add]").click()
    acc.field("partners.0.name").fill("Agence A")
    acc.field("partners.0.access").select_option("full")
    acc.field("request.name").fill("Agence B")
    acc.field("request.access").select_option("full")
    acc.wait_verdict("ko")
    assert refused in acc.result.inner_text()
    assert acc.result.locator("a[href='#acc-f5']").count() == 1
    acc.field("request.access").select_option("limited")
    acc.field("request.products").fill("kDrive")
    acc.wait_verdict("not_covered")
    assert silent in acc.result.inner_text()


NBSP, NNBSP = "\u00a0", "\u202f"


def amount(text: str, lang: str) -> Decimal:
    """A displayed amount back to a number, reading each language's own convention (the test's, not the site's)."""
    digits = text.replace("CHF", "").replace("€", "").strip(" " + NBSP)
    digits = digits.replace(NNBSP, "").replace(",", ".") if lang == "fr" else digits.replace(",", "")
    return Decimal(digits)


# Partner pays 19.90 at 25 %: pays 14.92 + saves 4.98 == 19.90 (the cent is rounded once, not twice).
# Each reader types the price the way their language writes it: sent as typed, read by kb_logic.
@pytest.mark.parametrize(("lang", "typed", "price", "pays", "saves", "sentence"), [
    ("fr", "19,90", f"19,90{NBSP}CHF", f"14,92{NBSP}CHF", f"4,98{NBSP}CHF", f"Le partenaire paie 14,92{NBSP}CHF"),
    ("en", "19.90", "CHF 19.90", "CHF 14.92", "CHF 4.98", "The partner pays CHF 14.92"),
])
def test_payment_with_cents_adds_up(open_helper: OpenHelper, lang: str, typed: str, price: str, pays: str, saves: str,
                                    sentence: str) -> None:
    pay = open_helper("payment", lang)
    pay.field("payer").select_option("partner")
    pay.field("price").fill(typed)
    pay.field("rate").fill("25")
    pay.wait_result(sentence)
    shown = {key: pay.result.locator(f"dd[data-kb-key={key}]").inner_text()
             for key in ("price", "partner_pays", "partner_saves")}
    assert shown == {"price": price, "partner_pays": pays, "partner_saves": saves}
    assert amount(pays, lang) + amount(saves, lang) == amount(price, lang)
    pay.field("access").select_option("limited")
    pay.wait_verdict("not_covered")


# The cap is typed as the reader reads it, in percent: 35 is accepted, 36 names the field and the range.
@pytest.mark.parametrize(("lang", "rate_35", "error_36"), [
    ("fr", f"35{NNBSP}%", f"Taux{NBSP}: entre 0 et 35{NNBSP}%"),
    ("en", "35%", "Rate: between 0 and 35%"),
])
def test_payment_rate_of_35_percent(open_helper: OpenHelper, lang: str, rate_35: str, error_36: str) -> None:
    pay = open_helper("payment", lang)
    pay.field("payer").select_option("client")
    pay.field("price").fill("100")
    pay.field("rate").fill("35")
    pay.wait_verdict("info")
    assert pay.result.locator("dd[data-kb-key=rate]").inner_text() == rate_35
    assert pay.field("rate").get_attribute("aria-invalid") is None
    pay.field("rate").fill("36")
    pay.wait_verdict("error")
    assert error_36 in pay.result.inner_text()
    assert pay.field("rate").get_attribute("aria-invalid") == "true"
    pay.field("price").focus()
    pay.root.locator("button[type=submit]").click()  # an explicit check moves the focus to the field to fix
    pay.page.wait_for_function("() => document.activeElement?.name === 'rate'")


@pytest.mark.parametrize(("lang", "refused"), [
    ("fr", "Non autorisé\u00a0: votre rôle (collaborateur) ne permet pas d’ajouter des clients."),
    ("en", "Not allowed: your role (collaborator) cannot add clients."),
])
def test_onboarding_paths_by_role(open_helper: OpenHelper, lang: str, refused: str) -> None:
    onb = open_helper("onboarding", lang)
    onb.field("flow").select_option("partner_adds_client")
    onb.field("role").select_option("collaborator")
    onb.wait_verdict("ko")
    assert refused in onb.result.inner_text()
    assert onb.result.locator("a[href='#onb-p0']").count() == 1
    onb.field("flow").select_option("access_client_account")
    onb.result.locator("a[href='#onb-a2']").first.wait_for(timeout=READY_TIMEOUT_MS)
    onb.field("role").select_option("administrator")
    onb.result.locator("a[href='#onb-a1']").first.wait_for(timeout=READY_TIMEOUT_MS)


@pytest.mark.parametrize(("lang", "no_vip"), [("fr", "pas de code VIP"), ("en", "no VIP code")])
def test_support_codes(open_helper: OpenHelper, lang: str, no_vip: str) -> None:
    sup = open_helper("support_code", lang)
    sup.field("premium_support").check()
    sup.result.locator("a[href='#code-4']").first.wait_for(timeout=READY_TIMEOUT_MS)
    sup.field("premium_support").uncheck()
    sup.wait_result(no_vip)
    assert sup.result.locator("a[href='#code-4']").count() == 0


def test_keyboard_only(open_helper: OpenHelper) -> None:
    vat = open_helper("vat", "en")
    vat.field("number").focus()
    vat.page.keyboard.type("FR40 303 265 045")
    vat.wait_result("valid form and check digits (France)")
    sup = open_helper("support_code", "en")
    sup.field("premium_support").focus()
    sup.page.keyboard.press("Space")
    sup.result.locator("a[href='#code-4']").first.wait_for(timeout=READY_TIMEOUT_MS)
    assert sup.field("premium_support").is_checked()


PAYLOADS = ['<script>window.__kb_pwned=1</script>', '<img src=x onerror="window.__kb_pwned=1">']


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_input_stays_text(open_helper: OpenHelper, payload: str) -> None:
    vat = open_helper("vat", "fr")
    vat.field("number").fill(payload)
    vat.wait_verdict("ko")
    acc = open_helper("access", "fr")
    acc.root.locator("[data-kb-add]").click()
    for name in ("partners.0.name", "partners.0.products", "request.name", "request.products"):
        acc.field(name).fill(payload)
    acc.field("partners.0.access").select_option("limited")
    acc.field("request.access").select_option("limited")
    acc.result.locator(".kb-result").first.wait_for(timeout=READY_TIMEOUT_MS)
    page = acc.page
    assert page.evaluate("window.__kb_pwned") is None
    assert page.locator("[data-kb-result] img, [data-kb-result] script").count() == 0


def test_deep_link_restores_and_survives_language_switch(open_helper: OpenHelper) -> None:
    vat = open_helper("vat", "fr", fragment="vat=CHE-116.281.710")
    assert vat.field("number").input_value() == "CHE-116.281.710"
    vat.wait_result("valables (Suisse)")
    vat.field("number").fill("FR40 303 265 045")
    vat.wait_result("FR40303265045")
    vat.page.locator("a[hreflang='en']").first.evaluate("a => a.click()")
    vat.page.wait_for_url("**/en/billing-and-vat/vat-number/**")
    english = Helper(vat.page, "vat")
    assert english.field("number").input_value() == "FR40 303 265 045"
    english.wait_result("valid form and check digits (France)")


def test_wasm_failure_shows_error_and_retry_recovers(page: Page, site_server: str) -> None:
    page.route("**/pyodide.asm.*.wasm", lambda route: route.abort())
    page.goto(url(site_server, "vat", "en"))
    vat = Helper(page, "vat")
    vat.field("number").fill("CHE-116.281.710 MWST")
    vat.wait_state("error")
    status = vat.root.locator("[data-kb-status]")
    assert "could not start" in status.inner_text()
    assert vat.root.locator("[data-kb-retry]").is_visible()
    assert page.locator("h1").is_visible()  # the guide stays readable
    page.unroute("**/pyodide.asm.*.wasm")
    vat.root.locator("[data-kb-retry]").click()
    vat.wait_ready()
    vat.wait_result("valid form and check digits (Switzerland)")


def test_pages_without_helpers_load_no_pyodide(page: Page, site_server: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("", "glossary/", "en/", "en/glossary/"):
        page.goto(site_server + path)
        page.wait_for_load_state("networkidle")
    assert not [u for u in requested if "/assets/pyodide/" in u or "/assets/kb/" in u]


def test_python_runs_in_the_worker_only(open_helper: OpenHelper) -> None:
    vat = open_helper("vat", "en")
    page = vat.page
    assert page.evaluate("typeof globalThis.loadPyodide === 'undefined' && typeof globalThis.pyodide === 'undefined'")
    assert len(page.workers) >= 1
    assert any(WORKER_URL.search(w.url) for w in page.workers)


def test_csp_meta_and_no_violation(page: Page, site_server: str) -> None:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url(site_server, "vat", "fr"))
    csp = page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content") or ""
    assert "script-src 'self' 'wasm-unsafe-eval'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    vat = Helper(page, "vat")
    vat.wait_ready()
    vat.field("number").fill("CHE-116.281.710")
    vat.wait_result("valables (Suisse)")
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e]


def test_axe_on_helpers_in_every_state(page: Page, site_server: str, axe_check: Any) -> None:
    for name in ("eligibility", "access", "payment", "vat", "onboarding", "support_code"):
        page.goto(url(site_server, name, "en"))
        violations = axe_check(page)
        assert violations == [], f"{name} idle/loading:\n{axe_check.describe(violations)}"
        helper = Helper(page, name)
        helper.wait_ready()
        helper.root.locator("[data-kb-form] input, [data-kb-form] select").first.focus()
        page.keyboard.press("Tab")
        helper.root.locator("[data-kb-form]").dispatch_event("change")
        helper.result.locator(".kb-result").first.wait_for(timeout=READY_TIMEOUT_MS)
        violations = axe_check(page)
        assert violations == [], f"{name} ready with a result:\n{axe_check.describe(violations)}"
    page.route("**/pyodide.asm.*.wasm", lambda route: route.abort())
    page.goto(url(site_server, "vat", "fr"))
    page.locator("[name='number']").fill("x")
    Helper(page, "vat").wait_state("error")
    assert axe_check(page) == [], "vat error state"




def _boot_and_answer(page: Page, site_server: str) -> dict[str, Any]:
    page.add_init_script(READY_DETAIL)
    page.goto(url(site_server, "vat", "en"))
    vat = Helper(page, "vat")
    vat.wait_ready()
    vat.field("number").fill("NO 995 525 828 MVA")
    assert "NO995525828MVA" in vat.wait_result("valid form and check digits (Norway)")
    worker_url = next(w.url for w in page.workers if WORKER_URL.search(w.url))
    onboarding = page.evaluate("""async (workerURL) => new Promise(resolve => {
        const w = new Worker(workerURL, {type: 'module'});
        w.onmessage = ({data}) => { if (data.type === 'answer') resolve(data.result); };
        w.postMessage({type: 'call', id: 1, name: 'onboarding',
                       payload: {flow: 'partner_adds_client', role: 'legal_representative', lang: 'fr'}});
    })""", worker_url)
    assert onboarding["allowed"] is True and onboarding["reasons"][0]["anchor"] == "onb-p1"
    return dict(page.evaluate("window.__kbReady"))


def test_boots_from_the_memory_snapshot(page: Page, site_server: str) -> None:
    """The build's snapshot (kb_logic imported and warmed) is what the helpers boot from."""
    ready = _boot_and_answer(page, site_server)
    assert ready["timings"]["from"] == "snapshot"
    assert not ready["timings"].get("snapshot_failed")


def test_corrupt_snapshot_falls_back_to_a_normal_boot(page: Page, site_server: str) -> None:
    page.route("**/kb-snapshot.*.bin", lambda route: route.fulfill(status=200, body=b"not a snapshot" * 64))
    ready = _boot_and_answer(page, site_server)
    assert ready["timings"]["from"] == "wheels" and ready["timings"]["snapshot_failed"] is True


def test_missing_snapshot_falls_back_to_a_normal_boot(page: Page, site_server: str) -> None:
    page.route("**/kb-snapshot.*.bin", lambda route: route.fulfill(status=404, body=b""))
    ready = _boot_and_answer(page, site_server)
    assert ready["timings"]["from"] == "wheels"
    assert Helper(page, "vat").root.get_attribute("data-kb-state") == "ready"


def test_snapshot_of_another_pyodide_version_is_not_used(page: Page, site_server: str) -> None:
    def older_snapshot(route: Route) -> None:
        manifest = route.fetch().json()
        manifest["snapshot"]["pyodide"] = "0.0.1"
        route.fulfill(json=manifest)

    page.route("**/assets/pyodide/manifest.json", older_snapshot)
    ready = _boot_and_answer(page, site_server)
    assert ready["timings"]["from"] == "wheels" and "fetch_snapshot" not in ready["timings"]


@pytest.mark.parametrize(("lang", "elig_2"), [
    ("fr", "égal ou supérieur à 2"), ("en", "equal to or greater than CHF 2"),
])
def test_without_javascript_the_fallback_shows_the_rules(browser: Browser, site_server: str, lang: str,
                                                         elig_2: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url(site_server, "eligibility", lang))
        fallback = page.locator("[data-kb-widget=eligibility] noscript")
        assert fallback.count() == 1
        page.wait_for_selector("[data-kb-fallback]", state="attached")
        condition = page.locator("[data-kb-fallback] .kb-result__reasons a[href='#elig-2']")
        assert condition.is_visible() and elig_2 in condition.inner_text()  # the statement, linking to its paragraph
        assert not page.locator("[data-kb-widget=eligibility] [data-kb-form]").is_visible()
        assert not page.locator("[data-kb-widget=eligibility] .kb-widget__output").is_visible()
        onboarding = page.goto(url(site_server, "onboarding", lang))
        assert onboarding is not None and onboarding.ok
        # the three procedures' answers, rendered at build time with the answers' layout
        assert page.locator("[data-kb-fallback] .kb-result").count() == 3
        assert page.locator("[data-kb-fallback] .kb-result__reasons li").count() >= 5
    finally:
        context.close()


def test_licence_notices_ship_with_the_runtime(built_site: Path) -> None:
    runtime = built_site / "assets" / "pyodide"
    notice = (runtime / "NOTICE.txt").read_text(encoding="utf-8")
    assert "Mozilla Public License 2.0" in notice and "Lesser General Public License" in notice
    assert "Mozilla Public License Version 2.0" in (runtime / "LICENSE.pyodide.txt").read_text(encoding="utf-8")
    assert "LESSER GENERAL PUBLIC LICENSE" in (runtime / "COPYING.python-stdnum.txt").read_text(encoding="utf-8")


def test_removing_a_partner_renumbers_the_others(open_helper: OpenHelper) -> None:
    """ACC-L5 with partners added and removed: names stay in order, ids unique, labels attached."""
    acc = open_helper("access", "en")
    add = acc.root.locator("[data-kb-add]")
    for _ in range(3):
        add.click()
    for i, who in enumerate(["A", "B", "C"]):
        acc.field(f"partners.{i}.name").fill(who)
    acc.root.locator(".kb-list-item").first.locator("[data-kb-remove]").click()
    add.click()
    items = acc.root.locator(".kb-list-item")
    assert items.count() == 3
    names = acc.root.locator(".kb-list-item input[type=text]").evaluate_all("els => els.map(e => e.name)")
    assert names == [f"partners.{i}.{f}" for i in range(3) for f in ("name", "products")]
    ids = acc.page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
    labels = acc.root.locator(".kb-list-item label").evaluate_all(
        "els => els.every(l => document.getElementById(l.htmlFor)?.closest('.kb-list-item')"
        " === l.closest('.kb-list-item'))")
    assert labels is True
    assert [acc.field(f"partners.{i}.name").input_value() for i in range(3)] == ["B", "C", ""]
    acc.field("partners.2.name").fill("D")
    for i, products in enumerate(["web", "mail", "drive"]):  # all limited (the template's default)
        acc.field(f"partners.{i}.products").fill(products)
    acc.field("request.name").fill("E")
    acc.field("request.access").select_option("limited")
    acc.field("request.products").fill("Web")
    acc.wait_verdict("ko")  # ACC-L5: "web" is B's, which the renumbered payload still carries
    assert acc.result.locator("a[href='#acc-l5']").count() == 1
