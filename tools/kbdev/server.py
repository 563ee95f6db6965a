"""The built site served as a static host serves it, optionally paced like a slow link.

    from kbdev.server import StaticServer, PROFILES, cache_policy

    with StaticServer(site, pacing=PROFILES["10mbit"]) as server:   # or .start() / .stop()
        page.goto(server.base + "billing-and-vat/vat-number/")
        mark = server.mark(); ...; served = server.since(mark)     # one `Served` per response

What a host does, and the tests and benchmarks rely on:
- MIME types a module site needs (.wasm application/wasm, .js/.mjs text/javascript, Pagefind's files);
- the precompressed `.br` / `.gz` beside a file when the client accepts them (`Vary: Accept-Encoding`),
  else gzip on the fly for text types (like nginx's `gzip on`), else the file as is;
- a missing path gets the site's 404 page of its language: `<first segment>/404.html` when the site has
  one (en/404.html for /en/…), else /404.html, with status 404;
- `Cache-Control` from a policy (path -> header): `cache_policy("no-store")` for tests, the default
  `cache_policy("no-cache")` revalidates; content-hashed names (`main.6f8fc17f.min.css`,
  `pyodide.asm.0123abcd.wasm`) get `immutable` either way; ETag and 304 on `If-None-Match`;
- HTTP/1.1 keep-alive, so that a browser reuses its connections as on a real host.

Pacing (a `Pacing`, or one of PROFILES) applies to every response, the Web Worker's fetches included,
because it happens here, on the server side: each request waits `latency_ms` before its first byte, and
all response bodies share one link of `bytes_per_s` (a reader's single connection to the internet).
"""

from __future__ import annotations

import email.utils
import gzip
import mimetypes
import re
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

__all__ = ["IMMUTABLE", "PROFILES", "Pacing", "Served", "StaticServer", "cache_policy", "content_type"]

IMMUTABLE = "public, max-age=31536000, immutable"
# A file name with a content hash: a dot- or dash-delimited run of at least 8 hex digits.
HASHED_NAME = re.compile(r"[.-][0-9a-f]{8,64}(?=[.-])")
MIME = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json", ".map": "application/json", ".webmanifest": "application/manifest+json",
    ".wasm": "application/wasm", ".zip": "application/zip", ".whl": "application/zip",
    ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8", ".woff2": "font/woff2",
    # Pagefind: its wasm is fetched with instantiateStreaming; its index files are gzipped already
    ".pagefind": "application/wasm", ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream", ".pf_fragment": "application/octet-stream",
    ".pf_filter": "application/octet-stream",
}
COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/manifest+json", "image/svg+xml")
CHUNK = 16 * 1024


def content_type(path: str) -> str:
    """The Content-Type a host sends for a file name.

    >>> content_type("assets/pyodide/pyodide.asm.wasm")
    'application/wasm'
    >>> content_type("assets/kb/worker.js")
    'text/javascript; charset=utf-8'
    """
    suffix = Path(path).suffix.lower()
    return MIME.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"


def cache_policy(default: str = "no-cache", hashed: str = IMMUTABLE) -> Callable[[str], str]:
    """path -> Cache-Control: `hashed` for content-hashed file names, `default` for everything else.

    >>> policy = cache_policy("no-store")
    >>> policy("/assets/stylesheets/main.6f8fc17f.min.css"), policy("/assets/kb/worker.js")
    ('public, max-age=31536000, immutable', 'no-store')
    """

    def policy(path: str) -> str:
        return hashed if HASHED_NAME.search(path.rsplit("/", 1)[-1]) else default

    return policy


@dataclass(frozen=True)
class Pacing:
    """A link: `bytes_per_s` shared by all responses (0: unlimited), `latency_ms` before each first byte."""

    name: str = "loopback"
    bytes_per_s: float = 0.0
    latency_ms: float = 0.0

    def __str__(self) -> str:
        if not self.bytes_per_s and not self.latency_ms:
            return self.name
        return f"{self.name} ({self.bytes_per_s * 8 / 1e6:g} Mbit/s, {self.latency_ms:g} ms)"


# The links of issue 10's table.
PROFILES = {p.name: p for p in (Pacing(), Pacing("40mbit", 40e6 / 8, 20), Pacing("10mbit", 10e6 / 8, 60))}


@dataclass(frozen=True)
class Served:
    """One response, as sent: status line, headers and body bytes; times are time.monotonic()."""

    path: str
    status: int
    bytes_sent: int  # headers + body
    body_bytes: int
    encoding: str  # "br", "gzip" or "identity"
    precompressed: bool  # the .br/.gz file beside the asset (False for gzip on the fly)
    content_type: str
    cache: str
    start: float
    end: float

    @property
    def served_as(self) -> str:
        if self.encoding == "identity":
            return "identity" if self.status == 200 else str(self.status)
        return f"{self.encoding} ({'precompressed' if self.precompressed else 'on the fly'})"


class _Link:
    """One shared link: each chunk waits for its slot, so parallel downloads divide the bandwidth."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.free_at = 0.0

    def send(self, write: Callable[[bytes], object], data: bytes, pacing: Pacing) -> None:
        if not pacing.bytes_per_s:
            write(data)
            return
        for i in range(0, len(data), CHUNK):
            chunk = data[i:i + CHUNK]
            with self.lock:
                self.free_at = max(time.monotonic(), self.free_at) + len(chunk) / pacing.bytes_per_s
                until = self.free_at
            time.sleep(max(0.0, until - time.monotonic()))
            write(chunk)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, owner: StaticServer, address: tuple[str, int]) -> None:
        self.owner = owner
        super().__init__(address, _Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that drops a download (a test aborting the wasm, a page closed mid-transfer) is normal.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]  # typeshed: socket types


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: a browser reuses its connections, as on a real host
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # quiet: the owner keeps its own log
        pass

    def send_response_only(self, code: int, message: str | None = None) -> None:
        self._header_bytes = len(f"{self.protocol_version} {code} {message or ''}\r\n") + 2
        super().send_response_only(code, message)

    def send_header(self, keyword: str, value: str) -> None:
        self._header_bytes = getattr(self, "_header_bytes", 0) + len(f"{keyword}: {value}\r\n")
        super().send_header(keyword, value)

    def do_GET(self) -> None:
        self._serve(with_body=True)

    def do_HEAD(self) -> None:
        self._serve(with_body=False)

    def _serve(self, with_body: bool) -> None:
        owner = self.server.owner
        start = time.monotonic()
        if owner.pacing.latency_ms:
            time.sleep(owner.pacing.latency_ms / 1000)
        path = unquote(urlsplit(self.path).path)
        file = owner.resolve(path)
        if file is not None and file.is_dir():
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            owner.record(Served(path, 301, self._header_bytes, 0, "identity", False, "", "", start, time.monotonic()))
            return
        status = HTTPStatus.OK
        if file is None:
            status, file = HTTPStatus.NOT_FOUND, owner.not_found_page(path)
        if file is None:
            body, ctype, encoding, precompressed, etag = b"404 Not Found\n", "text/plain; charset=utf-8", "", False, ""
        else:
            ctype = content_type(file.name)
            body, encoding, precompressed = owner.body(file, ctype, self.headers.get("Accept-Encoding", ""))
            stat = file.stat()
            etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}{"-" + encoding if encoding else ""}"'
        cache = owner.cache("/404" if status == HTTPStatus.NOT_FOUND else path)
        if status == HTTPStatus.OK and etag and etag in self.headers.get("If-None-Match", ""):
            status, body, with_body = HTTPStatus.NOT_MODIFIED, b"", False
        self.send_response(status)
        if status != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if file is not None and owner.negotiable(file, ctype):
            self.send_header("Vary", "Accept-Encoding")
        if file is not None and status != HTTPStatus.NOT_FOUND:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", email.utils.formatdate(file.stat().st_mtime, usegmt=True))
        self.send_header("Cache-Control", cache)
        self.end_headers()
        sent = self._header_bytes
        if with_body:
            owner.link.send(self.wfile.write, body, owner.pacing)
            sent += len(body)
        owner.record(Served(path, int(status), sent, len(body) if with_body else 0, encoding or "identity",
                            precompressed, ctype, cache, start, time.monotonic()))


class StaticServer:
    """Serves `root` (and `mounts`: URL prefix -> folder, e.g. {"/__bench__/": tmp}) on `host`, a free port."""

    def __init__(self, root: Path, *, pacing: Pacing = PROFILES["loopback"],
                 cache: Callable[[str], str] | None = None, mounts: Mapping[str, Path] | None = None,
                 gzip_on_the_fly: bool = True, host: str = "127.0.0.1") -> None:
        self.root = root.resolve()
        self.pacing = pacing  # may be changed between visits
        self.cache = cache or cache_policy()
        self.mounts = {prefix: folder.resolve() for prefix, folder in (mounts or {}).items()}
        self.gzip_on_the_fly = gzip_on_the_fly
        self.link = _Link()
        self.log: list[Served] = []
        self._gzipped: dict[tuple[Path, int], bytes] = {}
        self._lock = threading.Lock()
        self._server = _Server(self, (host, 0))
        self.base = f"http://{host}:{self._server.server_address[1]}/"
        self._thread: threading.Thread | None = None

    # ---- lifecycle ----
    def start(self) -> StaticServer:
        self._thread = threading.Thread(target=self._server.serve_forever, name="static-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> StaticServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()

    # ---- the log ----
    def record(self, served: Served) -> None:
        with self._lock:
            self.log.append(served)

    def mark(self) -> int:
        """A position in the log, for `since`."""
        with self._lock:
            return len(self.log)

    def since(self, mark: int, settle: float = 0.05) -> list[Served]:
        """The responses finished after `mark` (waits `settle` s for the last ones to be recorded)."""
        time.sleep(settle)
        with self._lock:
            return self.log[mark:]

    # ---- files ----
    def resolve(self, path: str) -> Path | None:
        """The file or folder a URL path names, or None (never outside the served folders)."""
        base, rel = self.root, path
        for prefix, folder in self.mounts.items():
            if path.startswith(prefix):
                base, rel = folder, path[len(prefix):]
                break
        try:
            target = (base / rel.lstrip("/")).resolve()
        except (OSError, ValueError):  # a NUL byte, a loop of links: not a file of the site
            return None
        if not target.is_relative_to(base):
            return None
        if target.is_dir() and path.endswith("/"):
            target = target / "index.html"
        return target if target.exists() else None

    def not_found_page(self, path: str) -> Path | None:
        """The site's 404 page in the language of the part of the site asked for."""
        first = path.lstrip("/").split("/", 1)[0]
        for page in (self.root / first / "404.html" if first else None, self.root / "404.html"):
            if page is not None and page.resolve().is_relative_to(self.root) and page.is_file():
                return page
        return None

    def negotiable(self, file: Path, ctype: str) -> bool:
        return (self.gzip_on_the_fly and ctype.startswith(COMPRESSIBLE)) or any(
            file.with_name(file.name + ext).is_file() for ext in (".br", ".gz"))

    def body(self, file: Path, ctype: str, accept: str) -> tuple[bytes, str, bool]:
        """(bytes, Content-Encoding or "", precompressed) for a client sending `Accept-Encoding: accept`."""
        accepted = {token.split(";")[0].strip() for token in accept.lower().split(",")}
        for encoding, ext in (("br", ".br"), ("gzip", ".gz")):
            sibling = file.with_name(file.name + ext)
            if encoding in accepted and sibling.is_file():
                return sibling.read_bytes(), encoding, True
        data = file.read_bytes()
        if self.gzip_on_the_fly and "gzip" in accepted and ctype.startswith(COMPRESSIBLE) and len(data) > 1024:
            key = (file, file.stat().st_mtime_ns)
            with self._lock:
                packed = self._gzipped.get(key)
            if packed is None:
                packed = gzip.compress(data, 6, mtime=0)
                with self._lock:
                    self._gzipped[key] = packed
            return packed, "gzip", False
        return data, "", False
