"""The helpers' page scripts under content-hashed names (widgets/scripts.py), and as the build installs them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from widgets.scripts import RUNTIME, hashed_scripts

REFERENCE = re.compile(r"""["']\./([^"']+\.js)["']""")  # either quote: any one left unhashed would 404


def test_every_reference_is_to_a_hashed_script_that_is_served() -> None:
    scripts = hashed_scripts()
    served = {name for name, _ in scripts.values()}
    assert set(scripts) == {p.name for p in RUNTIME.glob("*.js")}
    referenced = {ref for _, text in scripts.values() for ref in REFERENCE.findall(text)}
    assert referenced and referenced <= served, referenced - served
    assert "worker" in " ".join(referenced) and "copies" in " ".join(referenced)


def test_a_change_renames_the_script_and_every_script_that_refers_to_it(tmp_path: Path) -> None:
    for path in RUNTIME.glob("*.js"):
        shutil.copy(path, tmp_path / path.name)
    before = hashed_scripts(tmp_path)
    with (tmp_path / "copies.js").open("a", encoding="utf-8") as f:
        f.write("\n// changed\n")
    after = hashed_scripts(tmp_path)
    changed = {name for name in before if before[name][0] != after[name][0]}
    assert changed == {"copies.js", "worker.js", "widgets.js"}  # render.js refers to none of them


def test_single_quoted_references_are_hashed_too(tmp_path: Path) -> None:
    (tmp_path / "a.js").write_text("import { x } from './b.js';\n", encoding="utf-8")
    (tmp_path / "b.js").write_text("export const x = 1;\n", encoding="utf-8")
    scripts = hashed_scripts(tmp_path)
    assert f"from './{scripts['b.js'][0]}';" in scripts["a.js"][1]


def test_a_reference_to_a_missing_script_fails(tmp_path: Path) -> None:
    (tmp_path / "a.js").write_text('import { x } from "./gone.js";\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"a\.js refers to \./gone\.js"):
        hashed_scripts(tmp_path)


def test_a_circular_reference_fails(tmp_path: Path) -> None:
    (tmp_path / "a.js").write_text('import "./b.js";\n', encoding="utf-8")
    (tmp_path / "b.js").write_text('import "./a.js";\n', encoding="utf-8")
    with pytest.raises(ValueError, match="circular"):
        hashed_scripts(tmp_path)


def test_the_site_serves_exactly_the_hashed_scripts_and_helper_pages_load_widgets_from_the_head(
        built_site: Path) -> None:
    installed = {p.name for p in (built_site / "assets" / "kb").glob("*.js")}
    assert installed == {name for name, _ in hashed_scripts().values()}
    widgets = hashed_scripts()["widgets.js"][0]
    page = (built_site / "billing-and-vat" / "vat-number" / "index.html").read_text(encoding="utf-8")
    head = page.split("</head>", 1)[0]
    assert f'<script type="module" async src="../../assets/kb/{widgets}"></script>' in head
    glossary = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "assets/kb/" not in glossary  # no helper, no script
