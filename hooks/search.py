"""Per-language search with Pagefind, run once after the last language is built.

Pagefind splits its index by each page's <html lang>, stems French as French, and the browser downloads
only the chunks a query needs, on the first search (nothing on page load). Material's own search plugin
is off: with static-i18n it merges both languages into one index that every page downloads up front.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import build_phase
from build_phase import PostBuild
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger("kb.search")


@event_priority(PostBuild.SEARCH)
def on_post_build(config: MkDocsConfig) -> None:
    if not build_phase.site_done(config):
        return
    if os.environ.get("KB_SKIP_SEARCH") == "1":  # writer's fast preview: no search index
        log.info("KB_SKIP_SEARCH=1: search index not built")
        return
    started = time.perf_counter()
    cmd = [
        sys.executable, "-m", "pagefind", "--site", config.site_dir, "--output-subdir", "pagefind",
        "--root-selector", "article", "--exclude-selectors", "[data-kb-widget], .headerlink", "--silent",
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise PluginError(f"pagefind failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")
    log.info(f"search index built in {time.perf_counter() - started:.2f} s")
