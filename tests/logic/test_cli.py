"""The CLI: ``call NAME`` JSON in/out (exactly one JSON object, exit 0 or 2, whatever the input),
people subcommands, exit statuses, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

if sys.platform == "emscripten":  # no subprocess inside Pyodide; elsewhere a missing hypothesis fails
    pytest.skip("the CLI runs in a subprocess", allow_module_level=True)

from hypothesis import given, settings
from hypothesis import strategies as st

from kb_logic.constants import MAX_RATE, MAX_REQUEST_MB

pytestmark = pytest.mark.no_pyodide


def run(*args: str | bytes, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """The CLI in a subprocess; ``bytes`` arguments reach it as raw bytes (not UTF-8 when so chosen)."""
    return subprocess.run(
        [sys.executable, "-m", "kb_logic", *args], input=stdin, capture_output=True, timeout=60, check=False
    )


def no_traceback(done: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in done.stdout + done.stderr


def one_json_object(done: subprocess.CompletedProcess[bytes]) -> dict[str, object]:
    """stdout is exactly one JSON object (on one line), in valid UTF-8."""
    no_traceback(done)
    text = done.stdout.decode("utf-8")  # strict: raises on invalid UTF-8
    assert text.endswith("\n") and text.count("\n") == 1, text
    answer = json.loads(text)
    assert isinstance(answer, dict)
    return answer


def error_of(done: subprocess.CompletedProcess[bytes]) -> dict[str, object]:
    answer = one_json_object(done)
    assert done.returncode == 2, done.stderr
    error = answer["error"]
    assert isinstance(error, dict)
    return error


@pytest.mark.parametrize(
    ("name", "payload", "key", "value"),
    [
        ("vat", {"number": "CHE-116.281.710 MWST"}, "compact", "CHE116281710MWST"),
        (
            "eligibility",
            {
                "entity": "individual",
                "registered": False,
                "annual_amount": 1800,
                "currency": "EUR",
                "provides_support": True,
                "handles_billing": True,
                "exclusive_tenders": True,
                "accepts_conditions": True,
                "lang": "en",
            },
            "redirect",
            "affiliate",
        ),
        (
            "access",
            {"partners": [{"name": "A", "access": "full"}], "request": {"name": "B", "access": "full"}},
            "allowed",
            False,
        ),
        ("payment", {"access": "limited", "payer": "client"}, "not_covered", True),
        ("onboarding", {"flow": "partner_adds_client", "role": "collaborator"}, "allowed", False),
        ("support_code", {"premium_support": False}, "has_vip_code", False),
    ],
)
def test_call_answers(name: str, payload: dict[str, object], key: str, value: object) -> None:
    done = run("call", name, stdin=json.dumps(payload).encode())
    assert done.returncode == 0, done.stderr
    answer = one_json_object(done)
    assert answer[key] == value and answer["rules"] and answer["message"]


def test_a_bom_on_stdin_is_accepted() -> None:
    """Windows editors and PowerShell pipes start UTF-8 with a BOM; it was a JSON error."""
    done = run("call", "vat", stdin=b'\xef\xbb\xbf{"number": "FR40303265045"}')
    assert done.returncode == 0 and one_json_object(done)["compact"] == "FR40303265045"


def test_numbers_on_stdin_are_read_as_decimals_not_floats() -> None:
    """1999.99999999999999999 is below the CHF 2000 threshold; as a float it was 2000.0 (eligible)."""
    payload = (
        b'{"entity": "company", "registered": true, "annual_amount": 1999.99999999999999999,'
        b' "currency": "CHF", "provides_support": true, "handles_billing": true,'
        b' "exclusive_tenders": true, "accepts_conditions": true}'
    )
    answer = one_json_object(run("call", "eligibility", stdin=payload))
    assert answer["eligible"] is False and answer["unmet"] == ["ELIG-2"]


@pytest.mark.parametrize(
    ("args", "stdin", "code"),
    [
        (("call", "vat"), b"{not json", "json"),
        (("call", "vat"), b"", "json"),
        (("call", "vat"), b"\xff\xfe", "json"),  # not UTF-8
        (("call", "vat"), b'{"number": "FR\xe9"}', "json"),  # Latin-1, not UTF-8
        (("call", "vat"), b"[1, 2]", "type"),
        (("call", "nope"), b"{}", "unknown_call"),
        (("call", "vat"), b'{"number": "x", "extra": 1}', "unknown_field"),
        (("call", "eligibility"), b'{"annual_amount": NaN}', "json"),  # not JSON (JSON.parse refuses it)
        (("call", "payment"), b'{"access": "full", "payer": "client", "price": 1, "rate": Infinity}', "json"),
        (("call", "payment"), b'{"access": "full", "payer": "client", "price": 1, "rate": 36}', "value"),
        (("call", "vat"), b'{"number": "x", "lang": "de"}', "lang"),
        (("call", "vat"), b"[" * 100000, "json"),  # too deep for the parser
        (("call", "vat"), b'{"number": ' + b"[" * 900 + b"]" * 900 + b"}", "type"),  # deep, yet parsed
        (("call", "vat"), b'{"number": 1' + b"0" * 5000 + b"}", "json"),  # beyond Python's int digits
        (("call",), b"{}", "unknown_call"),
        (("call", "vat", "extra"), b"{}", "unknown_call"),
    ],
)
def test_call_errors_exit_2_with_one_json_object(args: tuple[str, ...], stdin: bytes, code: str) -> None:
    assert error_of(run(*args, stdin=stdin))["code"] == code


def test_a_lone_surrogate_in_the_json_is_an_error_naming_the_field() -> None:
    """JSON may escape half of a surrogate pair ("\\ud800"): not text. It made the CLI exit 1, no JSON."""
    payload = b'{"partners": [], "request": {"name": "\\ud800", "access": "full"}, "lang": "en"}'
    error = error_of(run("call", "access", stdin=payload))
    assert (error["code"], error["field"]) == ("value", "request.name")
    assert "Partner name" in str(error["message"]) and "Unicode" in str(error["message"])
    fr = error_of(run("call", "vat", stdin=b'{"number": "FR\\udcff"}'))
    assert fr["field"] == "number" and "Numéro de TVA" in str(fr["message"])
    key = error_of(run("call", "vat", stdin=b'{"\\udcff": 1}'))
    assert key["code"] == "value"


def test_a_request_too_large_is_refused_before_it_is_parsed() -> None:
    big = b'{"number": "' + b"1" * (MAX_REQUEST_MB * 10**6) + b'"}'
    error = error_of(run("call", "vat", stdin=big))
    assert error["code"] == "value" and error["field"] is None
    assert str(MAX_REQUEST_MB) in str(error["message"]) and "Mo" in str(error["message"])


def test_a_call_name_that_is_not_utf8_is_an_unknown_call_in_json() -> None:
    """argv is decoded with surrogateescape: b"\\xff" arrives as a lone surrogate."""
    error = error_of(run("call", b"\xff", stdin=b"{}"))
    assert error["code"] == "unknown_call"


@pytest.mark.parametrize(
    "args",
    [
        ("vat", b"FR\xff40303265045"),
        ("access", b"Agence \xe9:full"),  # a Latin-1 name: refused, not read as something else
        ("vat", "FR40303265045", "--country", b"\xff"),
    ],
)
def test_people_arguments_that_are_not_utf8_exit_2(args: tuple[str | bytes, ...]) -> None:
    done = run(*args)
    no_traceback(done)
    assert done.returncode == 2 and b"Unicode" in done.stderr and done.stdout == b""


def test_people_subcommands() -> None:
    done = run("vat", "CHE-116.281.710 MWST", "--lang", "en")
    assert done.returncode == 0 and b"CHE116281710MWST" in done.stdout and b"VIES" in done.stdout
    done = run("vat", "CHE-116.281.710", "MWST")
    assert done.returncode == 0 and "chiffres de contrôle".encode() in done.stdout
    done = run("vat", "BE (0)403.019.261")
    assert done.returncode == 0 and b"BE0403019261" in done.stdout
    done = run("eligibility", "--amount", "2000", "--currency", "CHF")
    assert done.returncode == 0 and "éligible".encode() in done.stdout
    done = run("eligibility", "--amount", "10", "--currency", "USD")
    assert done.returncode in (0, 2) and b"CHF" in done.stdout + done.stderr
    done = run("access", "B:limited:web", "--partner", "A:full", "--lang", "en")
    assert done.returncode == 0 and b"do not cover" in done.stdout
    done = run("onboarding", "access_client_account", "--role", "collaborator", "--lang", "en")
    assert done.returncode == 0 and b"collaborator" in done.stdout
    done = run("support-code", "--premium")
    assert done.returncode == 0 and b"VIP" in done.stdout
    for args in (("rules",), ("calls",), ("eligibility", "--help"), ("call", "--help")):
        assert run(*args).returncode == 0


def test_the_rate_option_is_in_percent_up_to_the_constant() -> None:
    done = run("payment", "--payer", "partner", "--price", "100", "--rate", "20")
    assert done.returncode == 0 and b"80,00" in done.stdout
    done = run("payment", "--payer", "partner", "--price", "19,90", "--rate", "0.5", "--lang", "en")
    assert done.returncode == 0 and b"0.5%" in done.stdout  # 0.5 means 0.5 %, not 50 %
    done = run("payment", "--payer", "partner", "--price", "100", "--rate", str(MAX_RATE + 1), "--lang", "en")
    assert done.returncode == 2 and f"{MAX_RATE}%".encode() in done.stderr
    assert f"0 to {MAX_RATE}".encode() in run("payment", "--help").stdout


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("bogus",),
        ("vat",),
        ("eligibility",),
        ("eligibility", "--amount", "x", "--currency", "CHF"),
        ("payment", "--payer", "client", "--price", "nan", "--rate", "10"),
        ("payment", "--payer", "client", "--price", "1e999999", "--rate", "10"),
        ("access", "nocolon"),
        ("eligibility", "--amount", "-5", "--currency", "EUR"),
        ("vat", "x", "--lang", "de"),
    ],
)
def test_usage_errors_exit_2_without_traceback(args: tuple[str, ...]) -> None:
    done = run(*args)
    no_traceback(done)
    assert done.returncode == 2


@settings(max_examples=12, deadline=None)  # a subprocess each; test_properties covers run_call in depth
@given(
    st.sampled_from(["vat", "eligibility", "access", "payment", "x"]),
    st.binary(max_size=40) | st.text(max_size=40).map(lambda text: text.encode("utf-8", "surrogatepass")),
)
def test_cli_call_exits_0_or_2_with_one_json_object_for_random_input(name: str, stdin: bytes) -> None:
    done = run("call", name, stdin=stdin)
    assert done.returncode in (0, 2)
    one_json_object(done)


def test_reader_closing_the_pipe_is_not_an_error() -> None:
    """`kb_logic rules | true`: the CLI stops quietly instead of reporting an internal error."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "kb_logic", "rules", "--lang", "en"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the CLI writes (Python takes ~0.1 s to start)
    err = proc.stderr.read()
    assert proc.wait(timeout=30) == 0
    assert b"Traceback" not in err and b"internal error" not in err


@pytest.mark.parametrize(
    ("lang", "currency", "shown"),
    [
        ("fr", None, "80,00\u00a0CHF"),
        ("en", None, "CHF 80.00"),
        ("fr", "EUR", "80,00\u00a0€"),
        ("en", "EUR", "€80.00"),
    ],
)
def test_the_payment_amounts_carry_their_currency(lang: str, currency: str | None, shown: str) -> None:
    """The readable payment answer showed "80,00" with no currency: CHF by default, or --currency."""
    extra = ("--currency", currency) if currency else ()
    done = run("payment", "--payer", "partner", "--price", "100", "--rate", "20", "--lang", lang, *extra)
    assert done.returncode == 0 and shown.encode() in done.stdout
    assert run("payment", "--payer", "partner", "--currency", "USD").returncode == 2  # choices: CURRENCIES


@pytest.mark.parametrize(("lang", "heading"), [("fr", "Règles\u00a0:"), ("en", "Rules:")])
def test_rule_ids_are_shown_only_with_the_rules_option(lang: str, heading: str) -> None:
    """Issue 8 §2: rule IDs mean nothing to a customer; the readable output ended with "Règles : PAY-C1…"."""
    plain = run("payment", "--payer", "client", "--lang", lang)
    assert plain.returncode == 0 and b"PAY-C1" not in plain.stdout and heading.encode() not in plain.stdout
    asked = run("payment", "--payer", "client", "--lang", lang, "--rules")
    assert asked.returncode == 0 and f"{heading} PAY-C1, PAY-C2".encode() in asked.stdout
