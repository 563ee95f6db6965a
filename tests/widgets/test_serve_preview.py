"""Writers preview with `mkdocs serve`: the helpers work there too (wheel and runtime built by the hook)."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .conftest import Helper, mkdocs_serve

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def serve_url() -> Iterator[str]:
    with mkdocs_serve(ROOT, "assets/pyodide/manifest.json", livereload=False) as base:
        yield base


def test_wasm_is_served_as_wasm(serve_url: str) -> None:
    with urllib.request.urlopen(serve_url + "assets/pyodide/manifest.json", timeout=10) as response:
        wasm = json.load(response)["files"]["pyodide.asm.wasm"]  # content-hashed name
    with urllib.request.urlopen(serve_url + "assets/pyodide/" + wasm, timeout=10) as response:
        assert response.headers["Content-Type"] == "application/wasm"


@pytest.mark.parametrize(("lang", "path", "expected"), [
    ("fr", "billing-and-vat/vat-number/", "chiffres de contrôle valables (Suisse)"),
    ("en", "en/billing-and-vat/vat-number/", "valid form and check digits (Switzerland)"),
])
def test_vat_helper_under_mkdocs_serve(page: Page, serve_url: str, lang: str, path: str, expected: str) -> None:
    page.goto(serve_url + path)
    vat = Helper(page, "vat")
    vat.wait_ready()
    vat.field("number").fill("CHE-116.281.710 TVA")
    assert "CHE116281710TVA" in vat.wait_result(expected)
