"""Writes a .gz and a .br beside every compressible file of the built site, for a host that serves
precompressed files (nginx `gzip_static`/`brotli_static`); `mkdocs serve` does not use them.

Runs last, once per site: Pagefind's index and the helpers' runtime are compressed too. Files that already
have their .br (the runtime, compressed once at quality 11 when it was built) are kept as they are.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import build_phase
from build_phase import PostBuild
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from runtime_build import COMPRESSIBLE, precompress

log = get_plugin_logger("kb.precompress")
# Pages change at every build: quality 5 is ~70x faster than 11 for ~12 % more bytes (1000 x 2 guides:
# 153 s of build at 11, 32 s at 5).
PAGE_BROTLI_QUALITY = int(os.environ.get("KB_PAGE_BROTLI_QUALITY", "5"))


def precompress_site(site_dir: Path) -> int:
    """Every compressible file of the site gets its .gz and .br (those already made are kept)."""
    todo = [p for p in site_dir.rglob("*") if p.suffix in COMPRESSIBLE and p.is_file()
            and not p.with_name(p.name + ".br").exists()]
    with ThreadPoolExecutor() as pool:  # zlib and brotli release the GIL
        list(pool.map(partial(precompress, quality=PAGE_BROTLI_QUALITY), todo))
    return len(todo)


@event_priority(PostBuild.PRECOMPRESS)
def on_post_build(config: MkDocsConfig) -> None:
    # Not for `mkdocs serve`, nor for the quick builds that skip the runtime (KB_SKIP_RUNTIME=1: tests of
    # the pages, a parallel language build whose files the main build compresses after the merge).
    if build_phase.serving() or os.environ.get("KB_SKIP_RUNTIME") == "1" or not build_phase.site_done(config):
        return
    log.info(f"precompressed {precompress_site(Path(config.site_dir))} files (.gz, .br)")
