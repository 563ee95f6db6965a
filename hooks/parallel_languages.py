"""`mkdocs build` builds the languages in parallel: French here, each other language in a child process.

static-i18n builds one language after the other in one process; on a 2-core machine that leaves a core
idle for half the build (1000 guides x 2: 26 s). Here the first build spawns `mkdocs build` for every
other language (KB_ONLY_LANG=en) into a temp folder, builds French itself, then merges the other
languages' folders in and writes the bilingual sitemap (each process only knows its own pages). Every
page is rendered exactly as in a sequential build: each process has all languages configured, so the
switcher and the alternates are the same; only the order of work changes. Search, the Python runtime and
precompression run once, after the merge (hooks search.py, runtime_install.py, precompress.py).

Not used by `mkdocs serve` nor by the writer's one-language preview (KB_WRITER_LANG).
KB_PARALLEL=0 restores the sequential build.
"""

from __future__ import annotations

import datetime
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import build_phase
from build_phase import PostBuild
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger

log = get_plugin_logger("kb.parallel")
ONLY = os.environ.get("KB_ONLY_LANG")  # set in a child: the one language it builds


@dataclass
class _Children:
    """The other languages' `mkdocs build` processes of this build, and the folder they write to."""

    started: bool = False
    tmp: Path | None = None
    running: list[tuple[str, subprocess.Popen[str]]] = field(default_factory=list)


_children = _Children()


def _active(config: MkDocsConfig) -> bool:
    return (
        build_phase.command() == "build" and build_phase.i18n(config) is not None
        and os.environ.get("KB_PARALLEL", "1") != "0" and not os.environ.get("KB_WRITER_LANG")
    )


def on_config(config: MkDocsConfig) -> None:
    if not _active(config) or _children.started:
        return
    _children.started = True
    if ONLY:  # a child: build this language first (and, see on_post_build, only this one)
        build_phase.set_language(config, ONLY)
        return
    default = build_phase.default_language(config)
    others = [lang for lang in build_phase.build_languages(config) if lang != default]
    tmp = Path(tempfile.mkdtemp(prefix="kb-lang-"))
    _children.tmp = tmp
    env = {**os.environ, "KB_SKIP_SEARCH": "1", "KB_SKIP_RUNTIME": "1", "NO_MKDOCS_2_WARNING": "1"}
    for lang in others:
        # no -q: it drops warnings before strict mode counts them (a broken English link passed the build)
        cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config.config_file_path),
               "-d", str(tmp / lang), *(["--strict"] if config.strict else [])]
        child = subprocess.Popen(cmd, env={**env, "KB_ONLY_LANG": lang}, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True)
        _children.running.append((lang, child))
    log.info(f"building {', '.join(others)} in parallel")


@event_priority(PostBuild.SKIP_NESTED)  # before static-i18n's on_post_build, which would build the others
def _skip_nested_builds(config: MkDocsConfig) -> None:
    if _active(config):
        build_phase.set_nested(config, True)  # static-i18n's "nested build" guard: it skips them


@event_priority(PostBuild.MERGE_LANGUAGES)  # after static-i18n; before 404 pages, search, runtime
def _merge(config: MkDocsConfig) -> None:
    if not _active(config):
        return
    build_phase.set_nested(config, False)
    if ONLY:
        return
    site = Path(config.site_dir)
    tmp = _children.tmp
    assert tmp is not None
    try:
        for lang, child in _children.running:
            output, _ = child.communicate()
            if child.returncode != 0:
                raise PluginError(f"building '{lang}' failed ({child.returncode}):\n{output}")
            built = tmp / lang
            shutil.rmtree(site / lang, ignore_errors=True)
            shutil.move(built / lang, site / lang)
            # that language's pages point at the same shared assets; the inline scripts moved to files
            # (hooks/csp.py) are named by content, so copying the ones we lack is enough
            for script in (built / "assets" / "inline").glob("*.js"):
                if not (site / "assets" / "inline" / script.name).exists():
                    shutil.copy2(script, site / "assets" / "inline" / script.name)
        write_sitemap(site, config)
    finally:
        for _, child in _children.running:
            if child.poll() is None:
                child.kill()
        shutil.rmtree(tmp, ignore_errors=True)
        _children.running = []


on_post_build = CombinedEvent(_skip_nested_builds, _merge)


def write_sitemap(site: Path, config: MkDocsConfig) -> None:
    """Every page once per language, each with its hreflang alternates (what static-i18n writes)."""
    default = build_phase.default_language(config)
    langs = build_phase.build_languages(config)
    base = (config.site_url or "/").rstrip("/") + "/"
    others = [lang for lang in langs if lang != default]
    pages = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        if rel.split("/")[0] not in others:  # the default language's pages; the others are alternates
            pages.append("" if rel == "." else rel + "/")
    today = datetime.date.today().isoformat()

    def url(lang: str, path: str) -> str:
        return base + ("" if lang == default else f"{lang}/") + path

    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for path in pages:
        present = [lang for lang in langs
                   if (site / ("" if lang == default else lang) / path / "index.html").is_file()]
        for lang in present:
            lines += ["    <url>", f"        <loc>{escape(url(lang, path))}</loc>",
                      f"        <lastmod>{today}</lastmod>", "        <changefreq>daily</changefreq>"]
            for alt in present:
                href = quoteattr(url(alt, path))
                lines.append(f'        <xhtml:link rel="alternate" hreflang={quoteattr(alt)} href={href}/>')
            lines.append("    </url>")
    lines.append("</urlset>\n")
    xml = "\n".join(lines)
    (site / "sitemap.xml").write_text(xml, encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode(), mtime=0))
