"""Command line: ``python -m kb_logic`` (also installed as ``kb-logic``).

Machines: ``python -m kb_logic call NAME`` reads one JSON object on stdin and writes exactly one
JSON object on stdout, whatever the input: exit 0 for an answer, 2 with ``{"error": ...}`` for a
request it cannot read (not UTF-8, not JSON, a lone surrogate, too large, too deep…). A UTF-8 BOM
is accepted; numbers are read as decimals (``parse_float=Decimal``), never as floats.
People: ``vat``, ``eligibility``, ``access``, ``payment``, ``onboarding``, ``support-code``,
``rules`` and ``calls`` print readable text; ``--lang en`` for English, ``--rules`` to add the
IDs of the rules that decided (the text never shows them otherwise). Exit status: 0 answered,
2 usage or input error, 1 internal error (a bug). Never a traceback.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import sys
from collections.abc import Sequence
from decimal import Decimal

from kb_logic import typography
from kb_logic.bridge import CALLS, call
from kb_logic.constants import CURRENCIES, DEFAULT_LANG, LANGS, MAX_RATE, MAX_REQUEST_MB, Lang
from kb_logic.errors import InternalError, InvalidValueError, JsonError, KbError, UnknownCallError
from kb_logic.messages import message
from kb_logic.payment import DEFAULT_CURRENCY
from kb_logic.rules import RULE_IDS, statement

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2
MAX_REQUEST_BYTES = MAX_REQUEST_MB * 10**6


def _status(answer: dict[str, object]) -> int:
    error = answer.get("error")
    if isinstance(error, dict):
        return EXIT_INTERNAL if error.get("code") == "internal" else EXIT_USAGE
    return EXIT_OK


def _dump(answer: dict[str, object]) -> str:
    return json.dumps(answer, ensure_ascii=False, allow_nan=False)


def _reject_constant(name: str) -> float:
    raise ValueError(name)  # NaN, Infinity, -Infinity: not JSON, and not amounts


def _number(written: str) -> Decimal | str:
    """A JSON number with a fraction or exponent, as a decimal; past what ``Decimal`` can hold
    (``1e-99999999999999999999``; less on 32-bit Pyodide) its text, which the field then refuses
    by name, as it refuses the same number typed.

    >>> _number("19.90"), _number("1e-99999999999999999999")
    (Decimal('19.90'), '1e-99999999999999999999')
    """
    try:
        return Decimal(written)
    except ArithmeticError:  # decimal.InvalidOperation
        return written


def is_text(value: str) -> bool:
    """Whether ``value`` is real Unicode text: no lone surrogate (from ``"\\ud800"`` in JSON, or a
    non-UTF-8 byte in argv, which Python decodes with ``surrogateescape``).

    >>> is_text("Agence Dupont"), is_text("\\udcff")
    (True, False)
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def not_text(payload: object) -> tuple[bool, str | None]:
    """``(True, field)`` for the first string (or key) of ``payload`` that is not text.

    Iterative, so a payload as deep as the JSON parser allows cannot exhaust the stack.

    >>> not_text({"partners": [{"name": "A"}, {"name": "\\ud800"}]})
    (True, 'partners[1].name')
    >>> not_text({"number": "FR40303265045"})
    (False, None)
    """
    stack: list[tuple[object, str | None]] = [(payload, None)]
    while stack:
        value, field = stack.pop()
        if isinstance(value, str) and not is_text(value):
            return True, field
        if isinstance(value, list):
            stack.extend((item, f"{field or ''}[{index}]") for index, item in enumerate(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and not is_text(key):
                    return True, field
                stack.append((item, f"{field}.{key}" if field else str(key)))
    return False, None


def _lang_of(payload: object) -> Lang:
    lang = payload.get("lang") if isinstance(payload, dict) else None
    return "en" if lang == "en" else DEFAULT_LANG


def run_call(name: str, raw: bytes) -> tuple[int, str]:
    """The ``call`` subcommand: status and the JSON text to print (always one JSON object).

    >>> run_call("support_code", b'{"premium_support": false, "lang": "en"}')[0]
    0
    >>> run_call("support_code", b'\\xef\\xbb\\xbf{"premium_support": false}')[0]  # a BOM
    0
    >>> status, text = run_call("support_code", b'{"premium_support": fals')
    >>> status, json.loads(text)["error"]["code"]
    (2, 'json')
    >>> status, text = run_call("vat", b'{"number": "\\\\udcff", "lang": "en"}')
    >>> status, json.loads(text)["error"]["label"]
    (2, 'VAT number')
    """
    error: KbError | None = None
    payload: object = None
    if len(raw) > MAX_REQUEST_BYTES:
        error = InvalidValueError(None, detail="request_too_large", limit=str(MAX_REQUEST_MB))
    else:
        try:
            # utf-8-sig: a BOM (Windows editors, PowerShell pipes) is not part of the JSON
            payload = json.loads(raw.decode("utf-8-sig"), parse_float=_number, parse_constant=_reject_constant)
        except (ValueError, RecursionError):  # includes UnicodeDecodeError, JSONDecodeError, int digit limit
            error = JsonError()
    if error is None and not is_text(name):
        shown = "".join("\ufffd" if not is_text(ch) else ch for ch in name)  # U+FFFD, as decoders show it
        error = UnknownCallError(None, name=shown, calls=", ".join(CALLS))
    if error is None:
        found, field = not_text(payload)
        if found:
            error = InvalidValueError(field, detail="not_text")
    answer: dict[str, object] = {"error": error.to_json(_lang_of(payload))} if error else call(name, payload)
    try:
        return _status(answer), _dump(answer)
    except (TypeError, ValueError) as exc:  # a bug (an answer that is not JSON): still one JSON object
        internal: dict[str, object] = {"error": InternalError(None, info=type(exc).__name__).to_json(_lang_of(payload))}
        return EXIT_INTERNAL, _dump(internal)


def _line(item: dict[str, object], lang: Lang) -> str | None:
    """One listed item of an answer: a detail (label and value), a reason, a step or a condition."""
    if "label" in item and "value" in item:  # the colon follows the language's typography, not the value
        return f"  {typography.apply(f'{item["label"]}:', lang)} {item['value']}"
    if "text" not in item:
        return None
    met = item.get("met")
    mark = "[x] " if met is True else "[ ] " if met is False else ""
    return f"  {mark}{item['text']}"


def _text(answer: dict[str, object], lang: Lang, *, rule_ids: bool = False) -> str:
    """A readable rendering of any answer: the message, the listed items, the next step; the rule
    IDs only when asked (``--rules``): they mean nothing to a customer."""
    error = answer.get("error")
    if isinstance(error, dict):
        return str(error.get("message"))
    lines = [str(answer.get("message", ""))]
    for key, value in answer.items():
        if key == "next" and isinstance(value, dict) and "text" in value:
            lines += ["", f"-> {value['text']}"]
            continue
        shown = [_line(item, lang) for item in value if isinstance(item, dict)] if isinstance(value, list) else []
        if any(shown):
            lines.append("")
            lines += [line for line in shown if line]
    rules = answer.get("rules")
    if rule_ids and isinstance(rules, list) and rules:
        lines += ["", f"{message('cli.rules', lang)} {', '.join(str(r) for r in rules)}"]
    return "\n".join(lines)


def _yes(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("yes", "y", "oui", "o", "true", "1"):
        return True
    if lowered in ("no", "n", "non", "false", "0"):
        return False
    raise argparse.ArgumentTypeError(f"yes/no expected, not {value!r}")


def _grant(value: str) -> dict[str, object]:
    """``NAME:ACCESS[:PRODUCT,PRODUCT…]`` → a grant object."""
    parts = value.split(":", 2)
    if len(parts) < 2:
        raise argparse.ArgumentTypeError(f"NAME:limited|full[:PRODUCT,…] expected, not {value!r}")
    grant: dict[str, object] = {"name": parts[0], "access": parts[1]}
    if len(parts) == 3:
        grant["products"] = [p for p in parts[2].split(",") if p.strip()]
    return grant


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kb_logic",
        description="The rules of the Infomaniak partner/reseller guides.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG, help="answer language (default fr)")
    shown = argparse.ArgumentParser(add_help=False, parents=[lang])
    shown.add_argument("--rules", action="store_true", help="also print the IDs of the rules that decided")

    p = sub.add_parser("call", help="JSON bridge: one JSON object on stdin, one on stdout")
    p.add_argument("name", help=", ".join(CALLS))
    sub.add_parser("calls", help="list the bridge calls")
    sub.add_parser("rules", parents=[lang], help="print every rule statement")

    p = sub.add_parser("vat", parents=[shown], help="check how a VAT number is written")
    p.add_argument("number", nargs="+", help="the number, as written (quotes optional)")
    p.add_argument("--country", help="country code, for a number written without prefix")

    # Numbers stay strings: the bridge reads them as decimals ("19.90", "19,90") and names the field.
    p = sub.add_parser("eligibility", parents=[shown], help="may this applicant become a reseller?")
    p.add_argument("--amount", required=True, help="yearly amount of products managed")
    p.add_argument("--currency", required=True, help=" or ".join(CURRENCIES))
    p.add_argument("--individual", action="store_true", help="a private individual, not a company")
    p.add_argument("--registered", type=_yes, default=True, metavar="yes|no")
    p.add_argument("--support", type=_yes, default=True, metavar="yes|no", help="provides support")
    p.add_argument("--billing", type=_yes, default=True, metavar="yes|no", help="handles billing")
    p.add_argument("--exclusive", type=_yes, default=True, metavar="yes|no", help="exclusive tenders")
    p.add_argument("--accepts", type=_yes, default=True, metavar="yes|no", help="accepts conditions")

    p = sub.add_parser("access", parents=[shown], help="may the client grant this access?")
    p.add_argument("request", type=_grant, metavar="NAME:ACCESS[:PRODUCTS]")
    p.add_argument("--partner", type=_grant, action="append", default=[], metavar="NAME:ACCESS[:PRODUCTS]")

    p = sub.add_parser("payment", parents=[shown], help="who pays what, in a full-access partnership")
    p.add_argument("--access", default="full", help="full or limited (default full)")
    p.add_argument("--payer", required=True, help="client or partner")
    p.add_argument("--price", help="public price of the order")
    p.add_argument("--rate", help=f"assumed rate in percent, 0 to {MAX_RATE}")
    p.add_argument(
        "--currency", choices=CURRENCIES, default=DEFAULT_CURRENCY, help=f"of the amounts (default {DEFAULT_CURRENCY})"
    )

    p = sub.add_parser("onboarding", parents=[shown], help="the steps of a procedure")
    p.add_argument("flow", help="client_adds_partner, partner_adds_client or access_client_account")
    p.add_argument(
        "--role", default="legal_representative", help="legal_representative (default), administrator or collaborator"
    )

    p = sub.add_parser("support-code", parents=[shown], help="where to find the support and VIP codes")
    p.add_argument("--premium", action="store_true", help="the client has Premium Support")
    return parser


def _payload(args: argparse.Namespace) -> tuple[str, dict[str, object]]:
    """The bridge call a people-facing subcommand stands for."""
    lang = {"lang": args.lang}
    match args.command:
        case "vat":
            return "vat", {"number": " ".join(args.number), "country": args.country, **lang}
        case "eligibility":
            return "eligibility", {
                "entity": "individual" if args.individual else "company",
                "registered": args.registered and not args.individual,
                "annual_amount": args.amount,
                "currency": args.currency,
                "provides_support": args.support,
                "handles_billing": args.billing,
                "exclusive_tenders": args.exclusive,
                "accepts_conditions": args.accepts,
                **lang,
            }
        case "access":
            return "access", {"partners": args.partner, "request": args.request, **lang}
        case "payment":
            extra = {key: getattr(args, key) for key in ("price", "rate") if getattr(args, key) is not None}
            return "payment", {"access": args.access, "payer": args.payer, "currency": args.currency, **extra, **lang}
        case "onboarding":
            return "onboarding", {"flow": args.flow, "role": args.role, **lang}
        case _:
            return "support_code", {"premium_support": args.premium, **lang}


def _utf8(stream: object) -> None:
    # backslashreplace: a lone surrogate that still reached the output is shown as \udcff (inside a
    # JSON string that is a valid escape), never an encoding error.
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def _argv_lang(argv: Sequence[str]) -> Lang:
    return (
        "en"
        if any(pair in (("--lang", "en"),) for pair in itertools.pairwise(argv)) or "--lang=en" in argv
        else DEFAULT_LANG
    )


def _run(argv: Sequence[str]) -> int:
    if argv[:1] == ["call"] and not {"-h", "--help"} & set(argv):  # the machines' door: always one JSON object
        if len(argv) == 2:
            # Read one byte more than allowed: enough to tell "too large" without reading it all.
            status, text = run_call(argv[1], sys.stdin.buffer.read(MAX_REQUEST_BYTES + 1))
            print(text)
            return status
        error = UnknownCallError(None, name=" ".join(argv[1:]), calls=", ".join(CALLS))
        print(_dump({"error": error.to_json(DEFAULT_LANG)}))
        return EXIT_USAGE
    bad = [arg for arg in argv if not is_text(arg)]
    if bad:  # a non-UTF-8 byte in an argument: refuse it rather than read it as something else
        print(InvalidValueError(None, detail="not_text").message(_argv_lang(argv)), file=sys.stderr)
        return EXIT_USAGE
    args = _parser().parse_args(argv)
    if args.command == "calls":
        print("\n".join(f"{name:14} {description}" for name, description in CALLS.items()))
        return EXIT_OK
    if args.command == "rules":
        print("\n".join(f"{rule:8} {statement(rule, args.lang)}" for rule in RULE_IDS))
        return EXIT_OK
    name, payload = _payload(args)
    answer = call(name, payload)
    print(_text(answer, args.lang, rule_ids=args.rules), file=sys.stderr if "error" in answer else sys.stdout)
    return _status(answer)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (never raises, never prints a traceback)."""
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    try:
        return _run(sys.argv[1:] if argv is None else list(argv))
    except SystemExit as exit_:  # argparse: --help (0) or a usage error (2), already printed
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader closed the pipe (`| head`): nothing left to say to it
        # Point stdout at devnull so the interpreter's final flush does not fail again (Python docs' recipe).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        print(f"kb_logic: internal error ({type(exc).__name__}); please report it.", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
