"""Plumbing shared by the tests and the benchmarks: one static server, one Chromium launcher.

- `kbdev.server`: `StaticServer` serves a built site as a static host does (MIME types, precompressed
  .br/.gz, per-language 404 pages, Cache-Control policy, ETag/304), optionally paced like a slow link;
- `kbdev.browser`: Debian's Chromium for Playwright, with the project's flags;
- `kbdev.common`: `log`, `free_port`, `run`; `kbdev.table`: a plain-text table printer.

Tests import it after `sys.path.insert(0, "tools")` (tests/conftest.py does it once).
"""

from __future__ import annotations

__all__: list[str] = []
