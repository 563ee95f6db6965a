"""The scale benchmark's tools: the synthetic tree generator and the benchmark's measuring helpers.

No timing assertions: tools/bench_scale.py measures, these tests check that what it measures is right.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import bench_scale  # noqa: E402
import gen_synthetic  # noqa: E402
import scale_browser  # noqa: E402
from kbdev.mkdocs_yaml import Tagged, i18n_config, load_config  # noqa: E402


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[str]]]:
    out = tmp_path_factory.mktemp("scale") / "kb"
    return out, gen_synthetic.generate(5, out, seed=3, sections=2)


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


def _plain(value: object) -> object:
    """A loaded config with its tags as comparable tuples."""
    if isinstance(value, Tagged):
        return (value.tag, _plain(value.value))
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def test_config_gets_the_sections_and_their_translations(tree: tuple[Path, dict[str, list[str]]]) -> None:
    out, written = tree
    config = load_config(out / "mkdocs.yml")
    faq = next(item for item in config["nav"] if isinstance(item, dict) and "Questions fréquentes" in item)
    in_nav = [page for section in faq["Questions fréquentes"] for pages in section.values() for page in pages]
    assert in_nav == written["fr"]
    i18n = i18n_config(config)
    assert isinstance(i18n["build_only_locale"], Tagged)  # the writer's switch, kept as !ENV
    english = next(lang for lang in i18n["languages"] if lang["locale"] == "en")
    assert english["nav_translations"]["Questions fréquentes"] == "Frequently asked questions"


def test_config_is_the_real_one_plus_the_synthetic_section(tree: tuple[Path, dict[str, list[str]]]) -> None:
    out, _ = tree
    real = _plain(load_config(ROOT / "mkdocs.yml"))
    copy = _plain(load_config(out / "mkdocs.yml"))
    assert isinstance(real, dict) and isinstance(copy, dict)
    assert copy["hooks"] == real["hooks"]  # every real hook, nothing added
    for hook in real["hooks"]:
        assert (out / hook).read_bytes() == (ROOT / hook).read_bytes()
    # without the synthetic nav entry and its translations, the copy is the real config
    copy["nav"] = [e for e in copy["nav"] if not (isinstance(e, dict) and "Questions fréquentes" in e)]
    synthetic = {"Questions fréquentes", *(gen_synthetic.section_title(k, "fr") for k in (1, 2))}
    for lang in i18n_config(copy)["languages"]:
        kept = {k: v for k, v in (lang.pop("nav_translations", None) or {}).items() if k not in synthetic}
        if kept:
            lang["nav_translations"] = kept
    assert copy == real


def test_generated_tree_builds_strict_and_writer_switch_builds_one_language(
    tree: tuple[Path, dict[str, list[str]]], tmp_path: Path,
) -> None:
    out, written = tree
    # the copy's config, hooks and writer switch are under test, not the Pyodide runtime (its own tests)
    env = {**os.environ, "KB_SKIP_SEARCH": "1", "KB_SKIP_RUNTIME": "1"}
    env.pop("KB_WRITER_LANG", None)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(out / "mkdocs.yml")]
    done = subprocess.run([*cmd, "-d", str(tmp_path / "both")], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    page = written["fr"][0].removesuffix(".md")
    assert (tmp_path / "both" / page / "index.html").is_file()
    assert (tmp_path / "both" / "en" / page / "index.html").is_file()
    html = (tmp_path / "both" / page / "index.html").read_text(encoding="utf-8")
    assert "\n    " not in html.split("<article", 1)[0]  # compacted by hooks/compact_html.py

    done = subprocess.run([*cmd, "-d", str(tmp_path / "fr")], env={**env, "KB_WRITER_LANG": "fr"},
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "fr" / page / "index.html").is_file()
    assert not (tmp_path / "fr" / "en").exists()


def test_the_benchmarks_tree_is_dated_by_git(tmp_path: Path) -> None:
    """bench_scale commits the generated tree with fixed dates, so its build dates every page (outside git
    a build shows no date, and the benchmark would not pay for the dates)."""
    out = tmp_path / "kb"
    written = gen_synthetic.generate(12, out, seed=3, sections=2)
    changed = bench_scale.commit_tree(out, written)
    assert changed == written["fr"][::bench_scale.STALE_EVERY] and len(changed) == 2
    cost = bench_scale.dates_cost(out)
    pages = sum(1 for lang in ("fr", "en") for _ in (out / "docs" / lang).rglob("[!_]*.md"))
    assert (cost["dated_pages"], cost["stale_pages"]) == (pages, len(changed))
    assert 0 < cost["dates_git_log_seconds"] <= cost["dates_hooks_seconds"]
    log = subprocess.run(["git", "log", "--format=%aI"], cwd=out, capture_output=True, text=True, check=True)
    assert log.stdout.split() == list(reversed(bench_scale.GIT_DATES))


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


def _make_recipe(target: str) -> tuple[dict[str, str], list[str]]:
    """The environment and `mkdocs …` arguments of a Makefile target, at its default variables."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    recipe = re.search(rf"^{target}:.*\n\t(.+)$", text, re.M)
    assert recipe, target
    line = (recipe[1].replace("$(VENV)/bin/mkdocs", "mkdocs").replace("$(HOST)", "127.0.0.1")
            .replace("$(PORT)", "8000"))
    defaults = dict(re.findall(r"^(\w+)\s*\?=\s*(\S+)", text, re.M))
    line = re.sub(r"\$\((\w+)\)", lambda m: defaults[m[1]], line)
    words = shlex.split(line)
    env = {}
    while "=" in words[0]:
        key, _, value = words.pop(0).partition("=")
        env[key] = value
    return env, words


@pytest.mark.parametrize("target", ["serve", "write"])
def test_serve_modes_run_the_makefile_targets(target: str) -> None:
    assert list(scale_browser.SERVE_MODES) == ["serve", "write"]
    assert scale_browser.serve_command(target, 8000) == _make_recipe(target)


def test_child_env_sets_only_the_modes_switches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_WRITER_LANG", "en")
    monkeypatch.setenv("KB_SKIP_SEARCH", "1")
    assert not {"KB_WRITER_LANG", "KB_SKIP_SEARCH"} & scale_browser.child_env().keys()
    env_extra, _ = scale_browser.serve_command("write", 8000)
    assert scale_browser.child_env(env_extra)["KB_WRITER_LANG"] == "fr"
