"""The scale benchmark's tools: the synthetic tree generator and the benchmark's measuring helpers.

No timing assertions: tools/bench_scale.py measures, these tests check that what it measures is right.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import bench_scale  # noqa: E402
import gen_synthetic  # noqa: E402


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[str]]]:
    out = tmp_path_factory.mktemp("scale") / "kb"
    return out, gen_synthetic.generate(5, out, seed=3, sections=2, proposals=True)


def test_generator_writes_n_guides_per_language_at_matching_paths(
    tree: tuple[Path, dict[str, list[str]]],
) -> None:
    out, written = tree
    assert written["fr"] == written["en"]
    assert len(written["fr"]) == 5
    for lang in ("fr", "en"):
        on_disk = sorted(p.relative_to(out / "docs" / lang).as_posix()
                         for p in (out / "docs" / lang / "faq").rglob("*.md"))
        assert on_disk == sorted(written[lang])
    # the real docs are kept (shortcodes and widgets need them)
    assert (out / "docs" / "fr" / "becoming-a-partner" / "reseller-programme.md").is_file()


def test_guides_are_realistic_and_in_their_language(tree: tuple[Path, dict[str, list[str]]]) -> None:
    out, written = tree
    fr = (out / "docs" / "fr" / written["fr"][0]).read_text(encoding="utf-8")
    en = (out / "docs" / "en" / written["en"][0]).read_text(encoding="utf-8")
    for text in (fr, en):
        assert 250 <= len(text.split()) <= 700
        assert "{ #overview }" in text and "{ #see-also }" in text
        assert "../../glossary.md" in text
    assert " le " in fr and " the " in en and " the " not in fr


def test_generator_is_deterministic(tmp_path: Path) -> None:
    a = gen_synthetic.generate(4, tmp_path / "a", seed=11, sections=2)
    b = gen_synthetic.generate(4, tmp_path / "b", seed=11, sections=2)
    assert a == b
    for rel in a["fr"]:
        assert (tmp_path / "a/docs/fr" / rel).read_bytes() == (tmp_path / "b/docs/fr" / rel).read_bytes()


def test_config_gets_the_sections_and_their_translations(tree: tuple[Path, dict[str, list[str]]]) -> None:
    out, written = tree
    config = gen_synthetic.load_config(out / "mkdocs.yml")
    faq = next(item for item in config["nav"] if isinstance(item, dict) and "Questions fréquentes" in item)
    in_nav = [page for section in faq["Questions fréquentes"] for pages in section.values() for page in pages]
    assert in_nav == written["fr"]
    i18n = gen_synthetic._i18n_config(config)
    assert isinstance(i18n["build_only_locale"], gen_synthetic.Tagged)  # the writer's switch, kept as !ENV
    english = next(lang for lang in i18n["languages"] if lang["locale"] == "en")
    assert english["nav_translations"]["Questions fréquentes"] == "Frequently asked questions"


def test_generated_tree_builds_strict_and_writer_switch_builds_one_language(
    tree: tuple[Path, dict[str, list[str]]], tmp_path: Path,
) -> None:
    out, written = tree
    env = {**os.environ, "KB_SKIP_SEARCH": "1"}
    env.pop("KB_WRITER_LANG", None)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(out / "mkdocs.yml")]
    done = subprocess.run([*cmd, "-d", str(tmp_path / "both")], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    page = written["fr"][0].removesuffix(".md")
    assert (tmp_path / "both" / page / "index.html").is_file()
    assert (tmp_path / "both" / "en" / page / "index.html").is_file()
    html = (tmp_path / "both" / page / "index.html").read_text(encoding="utf-8")
    assert "\n    " not in html.split("<article", 1)[0]  # compacted by the proposals hook

    done = subprocess.run([*cmd, "-d", str(tmp_path / "fr")], env={**env, "KB_WRITER_LANG": "fr"},
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "fr" / page / "index.html").is_file()
    assert not (tmp_path / "fr" / "en").exists()


def test_pagefind_on_disk_splits_the_bundle_per_language(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    (bundle / "index").mkdir(parents=True)
    (bundle / "fragment").mkdir()
    (bundle / "pagefind-entry.json").write_text(json.dumps({"version": "1", "languages": {
        "fr": {"hash": "fr_a", "wasm": "fr", "page_count": 2},
        "en": {"hash": "en_b", "wasm": "en", "page_count": 2}}}))
    for name, size in {"index/fr_1.pf_index": 10, "fragment/fr_2.pf_fragment": 5, "pagefind.fr_a.pf_meta": 3,
                       "wasm.fr.pagefind": 100, "index/en_1.pf_index": 7, "wasm.en.pagefind": 90,
                       "pagefind.js": 40}.items():
        (bundle / name).write_bytes(b"x" * size)
    found = bench_scale.pagefind_on_disk(tmp_path)
    assert found["fr"]["bytes"] == 118 and found["en"]["bytes"] == 97
    assert found["shared_bytes"] == 40 + len((bundle / "pagefind-entry.json").read_bytes())


def test_static_server_sends_the_right_mime_types(tmp_path: Path) -> None:
    import urllib.request

    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "wasm.fr.pagefind").write_bytes(b"\0asm")
    (tmp_path / "pagefind" / "pagefind.js").write_text("export {}")
    (tmp_path / "index.html").write_text("<p>hi</p>")
    with bench_scale.static_server(tmp_path) as base:
        for path, mime in {"pagefind/wasm.fr.pagefind": "application/wasm",
                           "pagefind/pagefind.js": "text/javascript", "": "text/html; charset=utf-8"}.items():
            with urllib.request.urlopen(base + path) as resp:
                assert resp.headers["Content-Type"] == mime
