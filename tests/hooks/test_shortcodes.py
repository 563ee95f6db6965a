"""The build-time side: shortcodes expand from kb_logic, unknown ones fail, the guides show kb_logic's texts."""

from __future__ import annotations

import html
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

import shortcodes  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402

from kb_logic import published  # noqa: E402


@pytest.mark.parametrize("bad", [
    "<!-- kb:widget nonexistent -->",
    "<!-- kb:list no.such.list -->",
    "<!-- kb:frobnicate -->",
    "<!-- kb:widget -->",
    "<!-- kb widget vat -->",
])
def test_unknown_or_malformed_shortcode_fails_the_build(bad: str) -> None:
    with pytest.raises(PluginError):
        shortcodes.expand(f"# Title\n\n{bad}\n", "fr", "guide.md", "guide/", [])


def test_same_helper_twice_on_a_page_fails() -> None:
    with pytest.raises(PluginError, match="twice"):
        shortcodes.expand("<!-- kb:widget vat -->\n\n<!-- kb:widget vat -->", "en", "g.md", "g/", [])


def test_list_shortcode_carries_rule_anchors() -> None:
    out = shortcodes.expand("<!-- kb:list eligibility.conditions -->", "fr", "g.md", "g/", [])
    assert "{ #elig-2 }" in out and out.count("\n- ") + 1 == len(published.lists("fr")["eligibility.conditions"])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_published_guide_text_is_kb_logic_text(built_site: Path, lang: str) -> None:
    """ELIG-2's thresholds and the up-to-35 % cap in the guide come from kb_logic, in both languages."""
    page = built_site / ("" if lang == "fr" else "en") / "becoming-a-partner/reseller-programme/index.html"
    # get_text("") so that <abbr> tooltips around glossary terms do not split the sentence
    text = " ".join(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text("").split())
    for key, items in published.lists(lang).items():
        for item in items:
            plain = " ".join(BeautifulSoup(html.unescape(item.text), "html.parser").get_text("").split())
            plain = plain.replace("**", "").replace("*", "")
            assert plain in text, f"{lang} {key}: {plain!r} not in the published guide"
    values = published.values(lang)
    for key in ("threshold.CHF", "threshold.EUR", "max_rate"):
        assert " ".join(values[key].split()) in text, f"{lang}: {key}={values[key]!r} not shown"


def test_site_chrome_strings_exist_in_both_languages() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    fr = config["extra"]["ui"]
    (en_lang,) = [lang for lang in config["plugins"][0]["i18n"]["languages"] if lang["locale"] == "en"]
    en = en_lang["extra"]["ui"]
    assert set(fr) == set(en) and all(fr.values()) and all(en.values())
    assert fr != en
