"""Microseconds per kb_logic bridge call, one representative payload per call name.

    python tools/bench_logic.py [--number N]

Plain timeit (best of 5 repeats); prints one line per call name.
"""

from __future__ import annotations

import argparse
import sys
import timeit
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))  # works without installing

from kb_logic.bridge import CALLS, call

PAYLOADS: dict[str, dict[str, object]] = {
    "eligibility": {"entity": "company", "registered": True, "annual_amount": 2000, "currency": "CHF",
                    "provides_support": True, "handles_billing": True, "exclusive_tenders": True,
                    "accepts_conditions": True},
    "access": {"partners": [{"name": "A", "access": "limited", "products": ["Web hosting", "kMail"]}],
               "request": {"name": "B", "access": "limited", "products": ["kDrive"]}},
    "payment": {"access": "full", "payer": "partner", "price": 99.99, "rate": 0.2},
    "vat": {"number": "CHE-116.281.710 MWST"},
    "onboarding": {"flow": "partner_adds_client", "role": "legal_representative"},
    "support_code": {"premium_support": True},
}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--number", type=int, default=2000, help="calls per repeat (default 2000)")
    args = parser.parse_args()
    assert set(PAYLOADS) == set(CALLS), "a bridge call has no benchmark payload"
    print(f"{'call':14} {'µs/call':>9}  (best of 5 x {args.number}, Python {sys.version.split()[0]})")
    for name, payload in PAYLOADS.items():
        assert "error" not in call(name, payload), name
        best = min(timeit.repeat(partial(call, name, payload), number=args.number, repeat=5))
        print(f"{name:14} {best / args.number * 1e6:9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
