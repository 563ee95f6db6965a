"""Command line: ``python -m kb_logic`` (also installed as ``kb-logic``).

Machines: ``python -m kb_logic call NAME`` reads one JSON object on stdin and writes one JSON
object on stdout (exit 0 for any understood request, 2 with ``{"error": ...}`` otherwise).
People: ``vat``, ``eligibility``, ``access``, ``payment``, ``onboarding``, ``support-code``,
``rules`` and ``calls`` print readable text; ``--lang en`` for English. Exit status: 0 answered,
2 usage or input error, 1 internal error. Never a traceback.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence

from kb_logic.bridge import CALLS, call
from kb_logic.constants import DEFAULT_LANG, LANGS, Lang
from kb_logic.errors import JsonError
from kb_logic.messages import message
from kb_logic.rules import RULE_IDS, statement

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2


def _status(answer: dict[str, object]) -> int:
    error = answer.get("error")
    if isinstance(error, dict):
        return EXIT_INTERNAL if error.get("code") == "internal" else EXIT_USAGE
    return EXIT_OK


def _dump(answer: dict[str, object]) -> str:
    return json.dumps(answer, ensure_ascii=False, allow_nan=False)


def _reject_constant(name: str) -> float:
    raise ValueError(name)


def run_call(name: str, raw: bytes) -> tuple[int, str]:
    """The ``call`` subcommand: status and the JSON text to print.

    >>> run_call("support_code", b'{"premium_support": false, "lang": "en"}')[0]
    0
    >>> status, text = run_call("support_code", b'{"premium_support": fals')
    >>> status, json.loads(text)["error"]["code"]
    (2, 'json')
    """
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # includes UnicodeDecodeError and JSONDecodeError
        answer: dict[str, object] = {"error": JsonError().to_json(DEFAULT_LANG)}
    else:
        answer = call(name, payload)
    return _status(answer), _dump(answer)


def _text(answer: dict[str, object], lang: Lang) -> str:
    """A readable rendering of any answer: the message, then the listed steps/conditions, then the rules."""
    error = answer.get("error")
    if isinstance(error, dict):
        return str(error.get("message"))
    lines = [str(answer.get("message", ""))]
    for value in answer.values():
        items = value if isinstance(value, list) else [value]
        shown = [item for item in items if isinstance(item, dict) and "id" in item and "text" in item]
        if shown:
            lines.append("")
        for item in shown:
            mark = {True: "[x] ", False: "[ ] "}.get(item["met"], "") if "met" in item else ""
            lines.append(f"  {mark}{item['id']}  {item['text']}")
    rules = answer.get("rules")
    if isinstance(rules, list) and rules:
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

    p = sub.add_parser("call", help="JSON bridge: one JSON object on stdin, one on stdout")
    p.add_argument("name", help=", ".join(CALLS))
    sub.add_parser("calls", help="list the bridge calls")
    sub.add_parser("rules", parents=[lang], help="print every rule statement")

    p = sub.add_parser("vat", parents=[lang], help="check how a VAT number is written")
    p.add_argument("number", nargs="+", help="the number, as written (quotes optional)")
    p.add_argument("--country", help="country code, for a number written without prefix")

    p = sub.add_parser("eligibility", parents=[lang], help="may this applicant become a reseller?")
    p.add_argument("--amount", type=float, required=True, help="yearly amount of products managed")
    p.add_argument("--currency", required=True, help="CHF or EUR")
    p.add_argument("--individual", action="store_true", help="a private individual, not a company")
    p.add_argument("--registered", type=_yes, default=True, metavar="yes|no")
    p.add_argument("--support", type=_yes, default=True, metavar="yes|no", help="provides support")
    p.add_argument("--billing", type=_yes, default=True, metavar="yes|no", help="handles billing")
    p.add_argument("--exclusive", type=_yes, default=True, metavar="yes|no", help="exclusive tenders")
    p.add_argument("--accepts", type=_yes, default=True, metavar="yes|no", help="accepts conditions")

    p = sub.add_parser("access", parents=[lang], help="may the client grant this access?")
    p.add_argument("request", type=_grant, metavar="NAME:ACCESS[:PRODUCTS]")
    p.add_argument("--partner", type=_grant, action="append", default=[], metavar="NAME:ACCESS[:PRODUCTS]")

    p = sub.add_parser("payment", parents=[lang], help="who pays what, in a full-access partnership")
    p.add_argument("--access", default="full", help="full or limited (default full)")
    p.add_argument("--payer", required=True, help="client or partner")
    p.add_argument("--price", type=float)
    p.add_argument("--rate", type=float, help="assumed rate, 0 to 0.35")

    p = sub.add_parser("onboarding", parents=[lang], help="the steps of a procedure")
    p.add_argument("flow", help="client_adds_partner, partner_adds_client or access_client_account")
    p.add_argument("--role", default="legal_representative", help="legal_representative (default), "
                   "administrator or collaborator")

    p = sub.add_parser("support-code", parents=[lang], help="where to find the support and VIP codes")
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
            return "payment", {"access": args.access, "payer": args.payer, **extra, **lang}
        case "onboarding":
            return "onboarding", {"flow": args.flow, "role": args.role, **lang}
        case _:
            return "support_code", {"premium_support": args.premium, **lang}


def _utf8(stream: object) -> None:
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (never raises, never prints a traceback)."""
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    try:
        args = _parser().parse_args(argv)
        if args.command == "call":
            status, text = run_call(args.name, sys.stdin.buffer.read())
            print(text)
            return status
        if args.command == "calls":
            print("\n".join(f"{name:14} {description}" for name, description in CALLS.items()))
            return EXIT_OK
        if args.command == "rules":
            print("\n".join(f"{rule:8} {statement(rule, args.lang)}" for rule in RULE_IDS))
            return EXIT_OK
        name, payload = _payload(args)
        answer = call(name, payload)
        print(_text(answer, args.lang), file=sys.stderr if "error" in answer else sys.stdout)
        return _status(answer)
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
