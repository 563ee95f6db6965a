#!/usr/bin/env python3
"""`make translations`: for each page, whether its translation is up to date, stale since a date, or
missing in one language, by the same rules as the notice on the pages (hooks/translation_status.py).

    python tools/translations.py [--docs docs] [--strict]

--strict exits 1 when a page is stale or missing (a team can gate on it), and also when it cannot tell:
outside git or in a shallow clone (`git clone --depth N`, CI's default checkout) there is no verdict, and a
gate that cannot see the history must not pass (in CI: `fetch-depth: 0`, or `git fetch --unshallow`).
Otherwise it exits 0. A French commit with the trailer `Translation: not-needed` does not make its
translations stale; an English-only fix (a typo in the translation) carries the same trailer, or it
would count as a translation of the latest French page:

    git commit -m "Typo in the VAT guide" -m "Translation: not-needed"
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
import git_history  # noqa: E402
from translation_status import Status, page_paths, status  # noqa: E402

SOURCE, TRANSLATIONS = "fr", ("en",)  # French is the original (mkdocs.yml: the default language)


def report(docs: Path, history: git_history.History | None = None) -> list[Status]:
    history = history or git_history.load(docs)
    pages = sorted(page_paths(docs, SOURCE).union(*(page_paths(docs, lang) for lang in TRANSLATIONS)))
    return [status(history, docs, page, lang, SOURCE) for lang in TRANSLATIONS for page in pages]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the docs folder (docs/fr, docs/en)")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when a page is stale or missing, or when there is no history to tell")
    args = parser.parse_args(argv)
    history = git_history.load(args.docs)
    found = report(args.docs, history)
    width = max((len(f"{s.lang}/{s.page}") for s in found), default=0)
    for item in found:
        print(f"{item.lang}/{item.page:<{width - len(item.lang) - 1}}  {item.describe()}")
    bad = [item for item in found if item.kind in ("stale", "missing")]
    counts = {kind: sum(item.kind == kind for item in found)
              for kind in ("up_to_date", "stale", "missing", "uncommitted", "unknown")}
    print(", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in counts.items() if n) or "no pages")
    if history.root is None:
        why = "the clone is shallow (fix: git fetch --unshallow)" if history.shallow else "not a git work tree"
        print(f"cannot tell which translations are stale: {why}", file=sys.stderr)
        return 1 if args.strict else 0
    return 1 if args.strict and bad else 0


if __name__ == "__main__":
    sys.exit(main())
