"""The hooks' house rules (issue 11): one module knows the build's phase, hooks stay small and ordered."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / "hooks"
# static-i18n's private attributes, and bare numeric priorities: only build_phase.py may hold them.
INTERNALS = re.compile(
    r'plugins\.get\("i18n"\)|\.building(?![\w-])|"building"|current_language|event_priority\(-?\d'
)


def _listed_hooks() -> list[str]:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses !ENV, which plain YAML does not know; its value does not matter here.
    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return [str(path) for path in config["hooks"]]


def test_only_build_phase_knows_static_i18n_and_the_priorities() -> None:
    offenders = {
        path.name: sorted(set(INTERNALS.findall(path.read_text(encoding="utf-8"))))
        for path in sorted(HOOKS.glob("*.py"))
        if path.name != "build_phase.py"
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_build_phase_is_the_first_hook_and_every_hook_is_listed_once() -> None:
    listed = _listed_hooks()
    assert listed[0] == "hooks/build_phase.py"
    assert len(listed) == len(set(listed))
    for path in listed:
        assert (ROOT / path).is_file(), path


def test_no_hook_module_is_over_400_lines() -> None:
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in HOOKS.glob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 400} == {}
