"""tools/kbdev: the static server and the Chromium launcher the tests and both benchmarks share.

The pacing tests assert lower bounds only (the server must not deliver faster than the link it models);
how fast things are is the benchmarks' business.
"""

from __future__ import annotations

import doctest
import gzip
import importlib
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from kbdev import browser  # noqa: E402
from kbdev.server import IMMUTABLE, Pacing, StaticServer, cache_policy  # noqa: E402

MODULES = ["common", "server", "browser", "table", "visits", "figures", "mkdocs_yaml"]
TEXT = "console.log('kb');\n" * 200  # 3.8 KB: worth compressing


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "en" / "guide").mkdir(parents=True)
    (tmp_path / "assets" / "pyodide").mkdir(parents=True)
    (tmp_path / "index.html").write_text('<html lang="fr"><p>Accueil</p></html>')
    (tmp_path / "404.html").write_text('<html lang="fr"><h1>Page introuvable</h1></html>')
    (tmp_path / "en" / "404.html").write_text('<html lang="en"><h1>Page not found</h1></html>')
    (tmp_path / "en" / "guide" / "index.html").write_text('<html lang="en"><p>Guide</p></html>')
    (tmp_path / "assets" / "pyodide" / "pyodide.asm.wasm").write_bytes(b"\0asm" + bytes(5000))
    (tmp_path / "assets" / "pyodide" / "pyodide.asm.wasm.br").write_bytes(b"BROTLI-WASM")
    (tmp_path / "assets" / "app.js").write_text(TEXT)
    (tmp_path / "assets" / "app.js.br").write_bytes(b"BROTLI-JS")
    (tmp_path / "assets" / "app.js.gz").write_bytes(gzip.compress(TEXT.encode()))
    (tmp_path / "assets" / "plain.js").write_text(TEXT)
    (tmp_path / "assets" / "main.6f8fc17f.min.css").write_text("body{}")
    return tmp_path


@pytest.fixture
def server(site: Path) -> Iterator[StaticServer]:
    with StaticServer(site, cache=cache_policy("no-store")) as running:
        yield running


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.parametrize(("path", "mime"), [
    ("assets/pyodide/pyodide.asm.wasm", "application/wasm"),
    ("assets/plain.js", "text/javascript; charset=utf-8"),
    ("", "text/html; charset=utf-8"),
    ("assets/main.6f8fc17f.min.css", "text/css; charset=utf-8"),
])
def test_mime_types(server: StaticServer, path: str, mime: str) -> None:
    status, headers, _ = get(server.base + path)
    assert (status, headers["Content-Type"]) == (200, mime)


def test_precompressed_file_is_served_when_accepted(server: StaticServer) -> None:
    url = server.base + "assets/app.js"
    _, headers, body = get(url, **{"Accept-Encoding": "gzip, deflate, br"})
    assert (headers["Content-Encoding"], body, headers["Vary"]) == ("br", b"BROTLI-JS", "Accept-Encoding")
    _, headers, body = get(url, **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body).decode() == TEXT
    _, headers, body = get(url, **{"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in headers and body.decode() == TEXT
    served = server.since(0)
    assert [(s.encoding, s.precompressed) for s in served] == [("br", True), ("gzip", True), ("identity", False)]
    assert [s.body_bytes for s in served] == [9, len(gzip.compress(TEXT.encode())), len(TEXT)]
    assert all(s.bytes_sent > s.body_bytes for s in served)  # headers counted too


def test_text_without_precompressed_copy_is_gzipped_on_the_fly_but_wasm_is_not(site: Path) -> None:
    (site / "assets" / "pyodide" / "pyodide.asm.wasm.br").unlink()
    with StaticServer(site) as server:
        _, headers, body = get(server.base + "assets/plain.js", **{"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body).decode() == TEXT
        _, headers, body = get(server.base + "assets/pyodide/pyodide.asm.wasm", **{"Accept-Encoding": "gzip"})
        assert "Content-Encoding" not in headers and body.startswith(b"\0asm")
        assert [s.served_as for s in server.since(0)] == ["gzip (on the fly)", "identity"]


@pytest.mark.parametrize(("path", "lang", "heading"), [
    ("nowhere/", "fr", "Page introuvable"),
    ("en/nowhere/deeper/", "en", "Page not found"),
    ("../../etc/passwd", "fr", "Page introuvable"),  # never outside the site
])
def test_missing_path_gets_the_404_page_of_its_language(server: StaticServer, path: str, lang: str,
                                                         heading: str) -> None:
    status, headers, body = get(server.base + path)
    assert status == 404 and headers["Content-Type"].startswith("text/html")
    assert f'lang="{lang}"' in body.decode() and heading in body.decode()


def test_folder_without_slash_is_redirected(server: StaticServer) -> None:
    status, _, body = get(server.base + "en/guide")  # urllib follows the redirect
    assert status == 200 and b"Guide" in body
    assert [s.status for s in server.since(0)] == [301, 200]


def test_cache_policy_and_revalidation(site: Path) -> None:
    with StaticServer(site, cache=cache_policy("no-cache")) as server:
        _, headers, _ = get(server.base + "assets/main.6f8fc17f.min.css")
        assert headers["Cache-Control"] == IMMUTABLE
        _, headers, _ = get(server.base + "assets/plain.js")
        assert headers["Cache-Control"] == "no-cache"
        status, _, body = get(server.base + "assets/plain.js", **{"If-None-Match": headers["ETag"]})
        assert (status, body) == (304, b"")
        (site / "assets" / "plain.js").write_text(TEXT + "// changed\n")
        status, _, _ = get(server.base + "assets/plain.js", **{"If-None-Match": headers["ETag"]})
        assert status == 200


def test_mounts_serve_another_folder_under_a_prefix(site: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    extra = tmp_path_factory.mktemp("bench")
    (extra / "floor.html").write_text("<p>floor</p>")
    with StaticServer(site, mounts={"/__bench__/": extra}) as server:
        assert get(server.base + "__bench__/floor.html")[2] == b"<p>floor</p>"
        assert get(server.base + "__bench__/../index.html")[0] == 404  # a mount is no way out either


def test_pacing_latency_and_bandwidth_are_lower_bounds(site: Path) -> None:
    (site / "big.bin").write_bytes(bytes(200_000))
    with StaticServer(site, pacing=Pacing("test", bytes_per_s=1_000_000, latency_ms=100)) as server:
        started = time.monotonic()
        get(server.base + "index.html")
        assert time.monotonic() - started >= 0.1  # the latency, before the first byte
        started = time.monotonic()
        _, _, body = get(server.base + "big.bin")
        assert len(body) == 200_000 and time.monotonic() - started >= 0.1 + 0.2 * 0.95


def test_pacing_is_one_link_shared_by_parallel_downloads(site: Path) -> None:
    (site / "big.bin").write_bytes(bytes(200_000))
    with StaticServer(site, pacing=Pacing("test", bytes_per_s=1_000_000)) as server:
        threads = [threading.Thread(target=get, args=(server.base + "big.bin",)) for _ in range(2)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert time.monotonic() - started >= 0.4 * 0.95  # 400 KB through one 1 MB/s link, not two


def test_browser_launcher_honours_kb_chromium_and_says_when_there_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_CHROMIUM", "/opt/other/chromium")
    assert browser.launch_options() == {"executable_path": "/opt/other/chromium", "headless": True,
                                        "args": browser.CHROMIUM_ARGS}
    monkeypatch.delenv("KB_CHROMIUM")
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(FileNotFoundError, match="make setup"):
        browser.launch_options()


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(f"kbdev.{name}")
    failed, tried = doctest.testmod(module)
    assert failed == 0
    assert tried or name in ("browser", "mkdocs_yaml")
