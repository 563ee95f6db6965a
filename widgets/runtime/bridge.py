"""The worker's entry into Python, run in every boot path (snapshot, lean, wheels) and by the snapshot
maker (tools/make_snapshot.mjs), so that all of them import kb_logic the same way.

python-stdnum's `stdnum.util` imports `pydoc` and `pkgutil` only for its module listings (names and
descriptions of every number format), which kb_logic never asks for. `pydoc` pulls in `_pyrepl`,
`platform`, `sysconfig` and `urllib`: about 1.3 MB of heap in the snapshot and their files in the lean
stdlib. While kb_logic is imported, placeholders stand in for them; they are taken out of `sys.modules`
afterwards, so a later `import pydoc` gets the real one where the stdlib has it.
"""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Callable

LISTING_ONLY = ("pydoc", "pkgutil")
_placeholders = {name: types.ModuleType(name, "placeholder: stdnum's module listings are not used")
                 for name in LISTING_ONLY if name not in sys.modules}
sys.modules.update(_placeholders)
try:
    from kb_logic import bridge
finally:
    for _name, _module in _placeholders.items():
        if sys.modules.get(_name) is _module:
            del sys.modules[_name]


class _Misses:
    """Last on `sys.meta_path`, so reached only when no finder has the module: records what was missing.

    The snapshot and lean boots hold only the modules the warm-up imported. A module they lack does not
    always raise: stdnum answers "unknown country" when a country module fails to import. So a call that
    missed a module is reported as an internal error, and the worker redoes it from the full runtime.
    """

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        self.names.append(name)


_misses = _Misses()
sys.meta_path.append(_misses)


def make_call(report_missing: bool) -> Callable[[str, str], str]:
    """The worker's entry point: JSON payload in, JSON answer out (never raises for a bad payload)."""

    def _kb_call(name: str, payload_json: str) -> str:
        _misses.names.clear()
        answer = bridge.call(name, json.loads(payload_json))
        if report_missing and _misses.names:
            missing = ", ".join(sorted(set(_misses.names)))
            answer = {"error": {"code": "internal", "message": f"not in this runtime: {missing}", "field": None}}
        return json.dumps(answer, ensure_ascii=False, allow_nan=False)

    return _kb_call
