"""The one place that knows how the build is running; every other hook asks here.

- the command (`build`, `serve`, `gh-deploy`), recorded at startup;
- the language being built, and whether this is one of mkdocs-static-i18n's nested language builds
  (static-i18n builds the other languages from inside the first build's `on_post_build`, and marks that
  with its private `building` flag, which only this module reads or writes);
- the priorities of the events the hooks share, named, so the order is read in one place.

A hook that must run once per site (search index, runtime, precompression) runs when `site_done()`.
"""

from __future__ import annotations

import sys
from enum import IntEnum
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

# MkDocs loads this file as the hook "hooks/build_phase.py" (listed first in mkdocs.yml); the other hooks
# `import build_phase`. Both names must be one module, or the phase recorded at startup is not the one read.
sys.modules.setdefault("build_phase", sys.modules[__name__])


class PostBuild(IntEnum):
    """`on_post_build` priorities, run from the highest: static-i18n's own is -100."""

    SKIP_NESTED = -50  # parallel_languages: tell static-i18n not to build the other languages itself
    MERGE_LANGUAGES = -120  # parallel_languages: merge the child processes' languages
    PAGES_404 = -150  # site_i18n: one 404 page per language
    SEARCH = -200  # search: Pagefind over every language
    RUNTIME = -250  # the Python runtime and widget scripts
    PRECOMPRESS = -300  # .gz/.br of everything, Pagefind and runtime included
    DEV_STATUS = -500  # dev_errors (serve only): the build's problems, once everything else ran


class PostPage(IntEnum):
    """`on_post_page` / `on_post_template` priorities, run from the highest."""

    TYPOGRAPHY = -100  # text nodes get the language's typography
    CSP = -300  # inline scripts move to files
    LAST = -400  # 404 page capture, compaction: the page as written
    DEV_BANNER = -450  # dev_errors (serve only): checks the page as written, adds the banner's script


class _Phase:
    command = "build"


_phase = _Phase()


def on_startup(command: str, dirty: bool) -> None:
    _phase.command = command


def command() -> str:
    """`build`, `serve` or `gh-deploy`."""
    return _phase.command


def serving() -> bool:
    return _phase.command == "serve"


def i18n(config: MkDocsConfig) -> Any | None:
    """static-i18n's plugin object (None when the plugin is off)."""
    return config.plugins.get("i18n")


def language(config: MkDocsConfig) -> str:
    """The language now being built."""
    plugin = i18n(config)
    return str(getattr(plugin, "current_language", None) or config.theme["language"])


def default_language(config: MkDocsConfig) -> str:
    plugin = i18n(config)
    return str(getattr(plugin, "default_language", None) or config.theme["language"])


def all_languages(config: MkDocsConfig) -> list[str]:
    """Every configured language, built or not (a writer's preview builds one)."""
    plugin = i18n(config)
    return [str(lang) for lang in getattr(plugin, "all_languages", None) or [default_language(config)]]


def first_language(config: MkDocsConfig) -> bool:
    """True in the build of the first language to be built: site-wide checks run there, once."""
    return not nested(config) and language(config) == (build_languages(config) or [language(config)])[0]


def build_languages(config: MkDocsConfig) -> list[str]:
    plugin = i18n(config)
    return list(getattr(plugin, "build_languages", None) or [config.theme["language"]])


def nested(config: MkDocsConfig) -> bool:
    """True while static-i18n builds another language from inside the first build."""
    return bool(getattr(i18n(config), "building", False))


def set_nested(config: MkDocsConfig, value: bool) -> None:
    """parallel_languages builds the other languages itself: it raises static-i18n's guard, then lowers it."""
    plugin = i18n(config)
    if plugin is not None:
        plugin.building = value


def set_language(config: MkDocsConfig, lang: str) -> None:
    plugin = i18n(config)
    if plugin is not None:
        plugin.current_language = lang


def site_done(config: MkDocsConfig) -> bool:
    """True in the outer build's `on_post_build`, once every language is written."""
    return not nested(config)
