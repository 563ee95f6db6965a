"""The CLI: ``call NAME`` JSON in/out, people subcommands, exit statuses, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.no_pyodide


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kb_logic", *args], input=stdin, capture_output=True, timeout=60, check=False
    )


def no_traceback(done: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in done.stdout + done.stderr


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
    answer = json.loads(done.stdout)
    assert answer[key] == value and answer["rules"] and answer["message"]


@pytest.mark.parametrize(
    ("args", "stdin", "code"),
    [
        (("call", "vat"), b"{not json", "json"),
        (("call", "vat"), b"", "json"),
        (("call", "vat"), b"\xff\xfe", "json"),
        (("call", "vat"), b"[1, 2]", "type"),
        (("call", "nope"), b"{}", "unknown_call"),
        (("call", "vat"), b'{"number": "x", "extra": 1}', "unknown_field"),
        (("call", "eligibility"), b'{"annual_amount": NaN}', "missing_field"),
        (("call", "payment"), b'{"access": "full", "payer": "client", "price": 1, "rate": 0.5}', "value"),
        (("call", "vat"), b'{"number": "x", "lang": "de"}', "lang"),
        (("call", "vat"), b"[" * 100000, "json"),
    ],
)
def test_call_errors_exit_2(args: tuple[str, ...], stdin: bytes, code: str) -> None:
    done = run(*args, stdin=stdin)
    no_traceback(done)
    assert done.returncode == 2
    assert json.loads(done.stdout)["error"]["code"] == code


def test_people_subcommands() -> None:
    done = run("vat", "CHE-116.281.710 MWST", "--lang", "en")
    assert done.returncode == 0 and b"CHE116281710MWST" in done.stdout and b"VIES" in done.stdout
    done = run("vat", "CHE-116.281.710", "MWST")
    assert done.returncode == 0 and "chiffres de contrôle".encode() in done.stdout
    done = run("eligibility", "--amount", "2000", "--currency", "CHF")
    assert done.returncode == 0 and "Éligible".encode() in done.stdout
    done = run("eligibility", "--amount", "10", "--currency", "USD")
    assert done.returncode == 2 and b"CHF" in done.stderr
    done = run("access", "B:limited:web", "--partner", "A:full", "--lang", "en")
    assert done.returncode == 0 and b"do not cover" in done.stdout
    done = run("payment", "--payer", "partner", "--price", "100", "--rate", "0.2")
    assert done.returncode == 0 and b"80,00" in done.stdout
    done = run("onboarding", "access_client_account", "--role", "collaborator", "--lang", "en")
    assert done.returncode == 0 and b"ONB-A2" in done.stdout
    done = run("support-code", "--premium")
    assert done.returncode == 0 and b"VIP" in done.stdout
    for args in (("rules",), ("calls",), ("eligibility", "--help")):
        assert run(*args).returncode == 0


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("bogus",),
        ("vat",),
        ("eligibility",),
        ("eligibility", "--amount", "x", "--currency", "CHF"),
        ("payment", "--payer", "client", "--price", "nan", "--rate", "0.1"),
        ("access", "nocolon"),
        ("eligibility", "--amount", "-5", "--currency", "EUR"),
        ("vat", "x", "--lang", "de"),
    ],
)
def test_usage_errors_exit_2_without_traceback(args: tuple[str, ...]) -> None:
    done = run(*args)
    no_traceback(done)
    assert done.returncode == 2


def test_cli_never_prints_a_traceback_for_random_input() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    @hypothesis.settings(max_examples=12, deadline=None)
    @hypothesis.given(
        st.sampled_from(["vat", "eligibility", "access", "payment", "x"]),
        st.binary(max_size=40) | st.text(max_size=40).map(str.encode),
    )
    def check(name: str, stdin: bytes) -> None:
        done = run("call", name, stdin=stdin)
        no_traceback(done)
        assert done.returncode in (0, 2)
        json.loads(done.stdout)

    check()


def test_reader_closing_the_pipe_is_not_an_error() -> None:
    """`kb_logic rules | true`: the CLI stops quietly instead of reporting an internal error."""
    proc = subprocess.Popen([sys.executable, "-m", "kb_logic", "rules", "--lang", "en"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the CLI writes (Python takes ~0.1 s to start)
    err = proc.stderr.read()
    assert proc.wait(timeout=30) == 0
    assert b"Traceback" not in err and b"internal error" not in err
