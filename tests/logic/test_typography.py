"""kb_logic.typography: French and English typography, one function for pages and kb_logic's strings."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from kb_logic import typography
from kb_logic.constants import Lang
from kb_logic.typography import BREAK, INLINE, NBSP, NNBSP, OPAQUE, apply, apply_marked

from .conftest import unavailable


def show(text: str) -> str:
    """No-break spaces made visible: ~ U+00A0, _ U+202F."""
    return text.replace(NBSP, "~").replace(NNBSP, "_")


def test_public_surface() -> None:
    assert sorted(typography.__all__) == [
        "BREAK", "INLINE", "NBSP", "NNBSP", "OPAQUE", "UNITS", "apply", "apply_marked",
    ]  # fmt: skip
    for name in typography.__all__:
        assert hasattr(typography, name), name


@pytest.mark.parametrize(
    ("typed", "published"),
    [
        # U+202F before ; ! ?, U+00A0 before :, whatever space was typed (or none)
        ("Pourquoi choisir Infomaniak ?", "Pourquoi choisir Infomaniak_?"),
        ("Attention; merci!", "Attention_; merci_!"),
        ("Essayez : vérifiez", "Essayez~: vérifiez"),
        ("Essayez\u00a0; puis\u202f: fin", "Essayez_; puis~: fin"),
        ("Quoi ?!", "Quoi_?!"),
        # guillemets, and straight or English quotes made guillemets
        ("« Accès complet »", "«_Accès complet_»"),
        ("«Accès»", "«_Accès_»"),
        ("« Pourquoi ? »", "«_Pourquoi_?_»"),
        ("des guillemets « ».", "des guillemets «_»."),
        ('cliquez sur "Partenaire"', "cliquez sur «_Partenaire_»"),
        ("le bouton \u201cValider\u201d", "le bouton «_Valider_»"),
        # apostrophe
        ("l'accès d'un client", "l’accès d’un client"),
        # numbers: grouped with U+202F (4 digits too), no break before a unit or %
        ("12345 clients", "12_345 clients"),
        ("2000 CHF par an", "2_000~CHF par an"),
        ("1800 € par an", "1_800~€ par an"),
        # the currency after the amount (issue 9: « 2 000 CHF par an »), as kb_logic's formatter writes it
        ("CHF 2000 /an ou € 1800 /an", "2_000~CHF /an ou 1_800~€ /an"),
        ("au moins EUR 1234,50 ; ou CHF 12.50.", "au moins 1_234,50~EUR_; ou 12.50~CHF."),
        ("10 000 clients", "10_000 clients"),  # groups typed with ordinary spaces, before a word
        ("1 000 000 d’euros et 12 345 €", "1_000_000 d’euros et 12_345~€"),
        ("CHF 2000-3000 ou € 20.\u2013 par mois", "CHF~2000-3000 ou €~20.\u2013 par mois"),  # not an amount: left first
        ("1234,50 CHF", "1_234,50~CHF"),
        ("1 234,50 CHF", "1_234,50~CHF"),  # grouped with ordinary spaces before a unit
        ("2\u00a0000 CHF", "2_000~CHF"),  # grouped with the wrong space
        ("2'000 CHF", "2_000~CHF"),  # the Swiss apostrophe
        ("jusqu’à 35%", "jusqu’à 35_%"),
        ("jusqu’à 35 %", "jusqu’à 35_%"),
        ("+25 ans, 12 mois, 10 Mo", "+25~ans, 12~mois, 10~Mo"),
        ("un total de 1000000.", "un total de 1_000_000."),
    ],
)
def test_french(typed: str, published: str) -> None:
    assert show(apply(typed, "fr")) == published


@pytest.mark.parametrize(
    "kept",
    [
        "en 2021)",  # a year standing alone
        "2021 fut une bonne année",
        "de 1900 à 2099",
        "ISO 27001, ISO 9001 et ISO 14001",  # identifiers
        "le numéro CHE-116.281.710",
        "client n° 123456",
        "appelez le +41 22 820 35 44 ou le 0800 800 800",  # phone numbers
        "IBAN CH93 0076 2011 6238 5295 7",
        "IBAN CH93 0076 2011 6238 5295 7 au nom de",
        "appelez le 022 820 35 44 pour",  # grouped like an amount, but starts with 0
        "le +41 22 820 350 clients",  # a group before: a sequence of digit groups
        "à 14:30 ou 14h30",  # times
        "π vaut 3,14159",  # a decimal's fractional part
        "version 3.14.0 du 2024-01-05",
        "www.infomaniak.com/fr/1234?a=b",
        "https://example.com/page?x=12345",
        "écrivez à support1234@infomaniak.com",
        "le champ {amount}",
        "réf. AB12345",
    ],
)
def test_french_never_touches(kept: str) -> None:
    assert apply(kept, "fr") == kept


def test_url_followed_by_punctuation() -> None:
    assert show(apply("Voir https://www.infomaniak.com/fr?x=1 : ok ?", "fr")) == (
        "Voir https://www.infomaniak.com/fr?x=1~: ok_?"
    )


@pytest.mark.parametrize(
    ("typed", "published"),
    [
        ("Note : done ; ok ! Why ?", "Note: done; ok! Why?"),
        ("Note\u00a0: done", "Note: done"),
        ("the partner's access", "the partner\u2019s access"),
        ("the clients' invoices", "the clients\u2019 invoices"),
        ('click "Partner"', "click \u201cPartner\u201d"),
        ("the 'Manager' label", "the \u2018Manager\u2019 label"),
        ("CHF 2,000 and €1,800 (35%) in 2021", "CHF 2,000 and €1,800 (35%) in 2021"),  # left as written
        ("at 14:30, see https://x.ch/a'b", "at 14:30, see https://x.ch/a'b"),
    ],
)
def test_english(typed: str, published: str) -> None:
    assert apply(typed, "en") == published


@pytest.mark.parametrize(
    "typed", ["Le client paie : l'accès « complet » ?", 'Note : the "Manager"', "2000 CHF ; it's"]
)
def test_each_language_has_its_own_conventions(typed: str) -> None:
    assert apply(typed, "fr") != apply(typed, "en")


def test_unknown_language() -> None:
    with pytest.raises(ValueError, match="unsupported language 'de'"):
        apply("x", "de")  # type: ignore[arg-type]  # an unsupported language on purpose


def test_markers_in_plain_text_are_kept() -> None:
    assert apply(f"a{INLINE}b{OPAQUE} : c{BREAK}", "fr") == f"a{INLINE}b{OPAQUE}{NBSP}: c{BREAK}"


def test_marked_text_sees_through_inline_tags() -> None:
    # <strong>mot</strong> : — the space starts the text node after the tag
    assert show(apply_marked(f"le {INLINE}mot{INLINE} : fin", "fr")) == f"le {INLINE}mot{INLINE}~: fin"
    # «<em> mot</em> » — the spaces inside the guillemets are in other text nodes
    assert show(apply_marked(f"«{INLINE} mot{INLINE} »", "fr")) == f"«_{INLINE}mot{INLINE}_»"
    # an opaque word (a code span) is a word: the colon after it gets its space
    assert show(apply_marked(f"la valeur {OPAQUE} : oui", "fr")) == f"la valeur {OPAQUE}~: oui"
    assert apply_marked(f"Note{INLINE} : done", "en") == f"Note{INLINE}: done"


def test_marked_text_stops_at_a_block_boundary() -> None:
    # a block that starts with "?" or with a straight quote gets nothing from the block before it
    assert apply_marked(f"fin{BREAK}\n{BREAK}? seul", "fr") == f"fin{BREAK}\n{BREAK}? seul"
    assert show(apply_marked(f'fin{BREAK}"mot"', "fr")) == f"fin{BREAK}«_mot_»"


@pytest.mark.parametrize(
    "text",
    ["Pourquoi ? « Accès » : l'offre de 2000 CHF, 35 % ; 12345.", 'Note : "x" ; it\'s', "ISO 27001 en 2021 !"],
)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_idempotent(text: str, lang: Lang) -> None:
    once = apply(text, lang)
    assert apply(once, lang) == once


def _letters(text: str) -> Counter[str]:
    """The words' characters, counted: a currency may move after its amount, nothing is added or lost."""
    return Counter(re.sub("[\\s\u00a0\u202f'\"«»\u2018\u2019\u201c\u201d]", "", text))


@pytest.mark.no_pyodide
def test_properties() -> None:
    try:  # a pinned dev dependency, not in the browser's runtime: imported here, not by the module
        from hypothesis import given, settings
        from hypothesis import strategies as st
    except ImportError:
        unavailable("hypothesis is not installed (pip install -e '.[dev]')")

    alphabet = st.sampled_from(
        [*"ab Zé0123456789;:!?%'\"«».,-/()€", NBSP, NNBSP, "\n", "CHF", "ISO", "http://x.ch", INLINE, OPAQUE, BREAK]
    )
    texts = st.lists(alphabet, max_size=40).map("".join)

    @settings(max_examples=400, deadline=None)
    @given(texts, st.sampled_from(["fr", "en"]))
    def check(text: str, lang: Lang) -> None:
        once = apply(text, lang)
        assert apply(once, lang) == once  # idempotent
        marked = apply_marked(text, lang)
        keep = (INLINE, OPAQUE, BREAK)
        assert [c for c in marked if c in keep] == [c for c in text if c in keep]  # markers kept, in order
        assert _letters(once) == _letters(text)  # spaces and quote marks change, never a word or a digit

    check()


def test_no_break_spaces_are_defined_once() -> None:
    """NBSP and NNBSP live in kb_logic.typography; every other module of kb_logic imports them."""
    from kb_logic import formatting

    assert (formatting.NBSP, formatting.NNBSP) == (NBSP, NNBSP)
    package = Path(typography.__file__).parent
    defining = re.compile(r"^\w+\s*(?::[^=]*)?=\s*[\"'](?:\\u00a0|\\u202f|\u00a0|\u202f)[\"']", re.M | re.I)
    others = [path.name for path in package.rglob("*.py")
              if path.name != "typography.py" and defining.search(path.read_text(encoding="utf-8"))]
    assert not others, f"a no-break space defined again in {others}: import it from kb_logic.typography"
