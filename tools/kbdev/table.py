"""Plain-text tables for the benchmarks' reports (left-aligned columns, a rule under the header)."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["table"]


def table(head: Sequence[str], rows: Sequence[Sequence[object]], right: Sequence[int] = ()) -> str:
    """The rows under the header; columns whose index is in `right` are right-aligned (numbers).

    >>> print(table(("figure", "value"), [("cold", "1.20 s"), ("warm first answer", "0.40 s")], right=[1]))
    figure              value
    -------------------------
    cold               1.20 s
    warm first answer  0.40 s
    """
    cells = [[str(c) for c in head], *([str(c) for c in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(head))]

    def line(row: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(row, widths, strict=True))).rstrip()

    first = line(cells[0])
    return "\n".join([first, "-" * len(first), *(line(row) for row in cells[1:])])
