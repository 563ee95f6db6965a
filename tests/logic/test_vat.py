"""VAT: written form and check digits per country (numbers from python-stdnum's own docstrings),
the reasons of invalid numbers, and the VAT-1..4 steps that come with every answer."""

from __future__ import annotations

import pytest

from kb_logic.rules import statement
from kb_logic.vat import COUNTRIES, EU_STATES

from ._logic_helpers import Answer, ask, fails

# One published valid number per country: the examples of python-stdnum's module docstrings.
VALID: list[tuple[str, str, str]] = [
    ("AT U13585627", "AT", "ATU13585627"),
    ("BE403019261", "BE", "BE0403019261"),
    ("BG 175 074 752", "BG", "BG175074752"),
    ("CY-10259033P", "CY", "CY10259033P"),
    ("CZ 25123891", "CZ", "CZ25123891"),
    ("DE 136,695 976", "DE", "DE136695976"),
    ("DK 13585628", "DK", "DK13585628"),
    ("EE 100 931 558", "EE", "EE100931558"),
    ("EL 094259216 ", "EL", "EL094259216"),
    ("ES B-58378431", "ES", "ESB58378431"),
    ("FI 20774740", "FI", "FI20774740"),
    ("Fr 40 303 265 045", "FR", "FR40303265045"),
    ("HR 33392005961", "HR", "HR33392005961"),
    ("HU-12892312", "HU", "HU12892312"),
    ("IE 6433435F", "IE", "IE6433435F"),
    ("IT 00743110157", "IT", "IT00743110157"),
    ("LT 119511515", "LT", "LT119511515"),
    ("LU 150 274 42", "LU", "LU15027442"),
    ("LV 4000 3521 600", "LV", "LV40003521600"),
    ("MT 1167-9112", "MT", "MT11679112"),
    ("NL4495445B01", "NL", "NL004495445B01"),
    ("PL 8567346215", "PL", "PL8567346215"),
    ("PT 501 964 843", "PT", "PT501964843"),
    ("RO 185 472 90", "RO", "RO18547290"),
    ("SE 123456789701", "SE", "SE123456789701"),
    ("SI 5022 3054", "SI", "SI50223054"),
    ("SK 202 274 96 19", "SK", "SK2022749619"),
    ("XI 980 7806 84", "XI", "XI980780684"),
    ("GB 980 7806 84", "GB", "GB980780684"),
    ("CHE-107.787.577 IVA", "CH", "CHE107787577IVA"),
    ("CHE-116.281.710 MWST", "CH", "CHE116281710MWST"),
    ("che 116 281 710 tva", "CH", "CHE116281710TVA"),
    ("CHE116281710 TPV", "CH", "CHE116281710TPV"),
    ("CHE-116.281.710", "CH", "CHE116281710"),
    ("NO 995 525 828 MVA", "NO", "NO995525828MVA"),
    ("NO 995 525 828", "NO", "NO995525828MVA"),
]

INVALID: list[tuple[str, str | None, str]] = [
    ("FR 84 323 140 391", "FR", "checksum"),
    ("DE136695978", "DE", "checksum"),
    ("DK 13585627", "DK", "checksum"),
    ("BE431150351", "BE", "checksum"),
    ("IE 6433435E", "IE", "checksum"),
    ("EL 123456781", "EL", "checksum"),
    ("LT 100001919018", "LT", "checksum"),
    ("CHE-107.787.578 IVA", "CH", "checksum"),
    ("NO 995 525 829 MVA", "NO", "checksum"),
    ("GB 802311781", "GB", "checksum"),
    ("FR123", "FR", "length"),
    ("DE 1234", "DE", "length"),
    ("FR40303265O45", "FR", "format"),
    ("FR4030326504$", "FR", "format"),
    ("CHE116281710XYZ", "CH", "format"),
    ("CH 116.281.710", "CH", "format"),
    ("", None, "empty"),
    ("  \u00a0 ", None, "empty"),
    ("123456789", None, "country"),
    ("US123456789", None, "country"),
]


def vat(number: str, **extra: object) -> Answer:
    return ask("vat", number=number, **extra)


def said(answer: Answer) -> str:
    """What the reader reads: the verdict sentence and the reasons."""
    reasons = answer["reasons"]
    assert isinstance(reasons, list)
    return " ".join([str(answer["message"]), *(str(reason["text"]) for reason in reasons)])


def test_covers_27_member_states_and_more() -> None:
    assert len(EU_STATES) == 27 and "GR" not in EU_STATES and "EL" in EU_STATES
    assert {"XI", "CH", "GB", "NO"} <= set(COUNTRIES)
    assert {country for _, country, _ in VALID} == set(COUNTRIES)


@pytest.mark.parametrize(("number", "country", "compact"), VALID, ids=[f"valid-{v[1]}-{v[0]}" for v in VALID])
def test_valid_numbers(number: str, country: str, compact: str) -> None:
    answer = vat(number)
    assert (answer["valid"], answer["country"], answer["compact"], answer["reason"]) == (
        True,
        country,
        compact,
        None,
    )


@pytest.mark.parametrize(("number", "country", "reason"), INVALID, ids=[f"invalid-{v[2]}-{v[0]!r}" for v in INVALID])
def test_invalid_numbers(number: str, country: str | None, reason: str) -> None:
    answer = vat(number)
    assert (answer["valid"], answer["country"], answer["compact"], answer["reason"]) == (
        False,
        country,
        None,
        reason,
    )


def test_ways_of_writing() -> None:
    for written in (
        "FR40303265045",
        "fr 40 303 265 045",
        "FR-40-303-265-045",
        "FR.40.303.265.045",
        "FR40/303/265/045",
        "FR\u00a040\u202f303\u202f265\u00a0045",
        "  FR 40 303 265 045  ",
    ):
        assert vat(written)["compact"] == "FR40303265045", written


def test_a_number_written_with_GR_is_refused_its_prefix_is_EL() -> None:
    answer = vat("GR 094259216")
    assert (answer["valid"], answer["reason"], answer["country"], answer["hint"]) == (
        False, "country", None, "greece"
    )  # fmt: skip
    assert "EL" in said(answer)


@pytest.mark.parametrize(("number", "country"), [("094259216", "GR"), ("094259216", "gr"), ("EL 094259216", "GR")])
def test_country_GR_from_an_iso_select_means_greece_checked_as_EL(number: str, country: str) -> None:
    fr, en = vat(number, country=country), vat(number, country=country, lang="en")
    assert (fr["valid"], fr["country"], fr["compact"], fr["hint"]) == (True, "EL", "EL094259216", "greece_iso")
    assert "GR" in said(fr) and "EL" in said(fr) and "Grèce" in said(fr)
    assert "GR" in said(en) and "EL" in said(en) and "Greece" in said(en)
    assert fr["mismatch"] is None


def test_country_GR_with_wrong_check_digits_still_says_it_was_checked_as_EL() -> None:
    answer = vat("094259217", country="GR", lang="en")
    assert (answer["valid"], answer["country"], answer["reason"]) == (False, "EL", "checksum")
    assert answer["hint"] == "greece_iso" and "EL" in said(answer)


# Real-world forms: each one was refused before (python-stdnum's compact() accepts the colon for
# IT/LU/GR and the "(0)" for BE only; here every country gets the same leniency).
REAL_WORLD: list[tuple[str, str]] = [
    ("FR: 40 303 265 045", "FR40303265045"),
    ("FR : 40 303 265 045", "FR40303265045"),
    ("DE:136695976", "DE136695976"),
    ("BE: 0403.019.261", "BE0403019261"),
    ("BE (0)403.019.261", "BE0403019261"),
    ("BE(0)403019261", "BE0403019261"),
    ("be (0) 403 019 261", "BE0403019261"),
    ("IT: 00743110157", "IT00743110157"),
    ("CHE: 116.281.710 MWST", "CHE116281710MWST"),
    ("EL: 094259216", "EL094259216"),
    ("NO: 995 525 828 MVA", "NO995525828MVA"),
    ("FR\u200b40303265045", "FR40303265045"),  # zero-width space
    ("FR40\u200c303\u200d265045", "FR40303265045"),  # zero-width non-joiner, joiner
    ("FR\u206040303265045", "FR40303265045"),  # word joiner
    ("\ufeffFR40303265045", "FR40303265045"),  # BOM at the start of a pasted text
    ("FR40303\u00ad265045", "FR40303265045"),  # soft hyphen from a PDF's line break
    ("\u200eFR40303265045\u200f", "FR40303265045"),  # direction marks
    ("FR:\u200740\u2009303\u205f265\u3000045", "FR40303265045"),  # odd spaces: figure, thin, math, CJK
    ("\u180eCHE-116.281.710\u00a0MWST", "CHE116281710MWST"),  # Mongolian vowel separator (Cf)
    ("\u200bBE\u00a0(0)\u202f403.019.261\ufeff", "BE0403019261"),
]


@pytest.mark.parametrize(("written", "compact"), REAL_WORLD, ids=[repr(w) for w, _ in REAL_WORLD])
def test_real_world_forms_are_read(written: str, compact: str) -> None:
    answer = vat(written)
    assert (answer["valid"], answer["compact"]) == (True, compact), answer["message"]


@pytest.mark.parametrize(
    ("number", "country", "compact"),
    [
        ("(0)403.019.261", "BE", "BE0403019261"),
        ("40303265045", "FR\u200b", "FR40303265045"),
        ("40303265045", "\ufefffr ", "FR40303265045"),
        ("40303265045", "FR:", "FR40303265045"),
    ],
)
def test_real_world_forms_with_a_separate_country(number: str, country: str, compact: str) -> None:
    assert vat(number, country=country)["compact"] == compact


def test_invisible_characters_do_not_make_a_wrong_number_right() -> None:
    answer = vat("FR\u200b84 323 140 391")  # the checksum failure of INVALID, pasted
    assert (answer["valid"], answer["reason"]) == (False, "checksum")
    assert vat("\u200b\ufeff\u00ad")["reason"] == "empty"
    assert vat("BE (1)403.019.261")["reason"] == "format"  # only "(0)" is read, as a 0


def test_a_country_next_to_a_number_with_another_prefix_is_a_named_mismatch() -> None:
    for lang, word in (("fr", "correspond"), ("en", "match")):
        answer = vat("DE: 136 695 976", country="FR\u200b", lang=lang)
        assert (answer["valid"], answer["reason"]) == (False, "mismatch")
        assert answer["mismatch"] == {"prefix": "DE", "country": "FR"}
        assert word in str(answer["message"])  # the verdict itself says "mismatch"
        assert "DE" in said(answer) and "FR" in said(answer)
    greek = vat("FR40303265045", country="GR")
    assert greek["mismatch"] == {"prefix": "FR", "country": "GR"}
    assert vat("DE136695976", country="DE")["mismatch"] is None


@pytest.mark.parametrize("number", ["EU372022452", "EU 372 022 452", "IM1234567890"])
def test_one_stop_shop_ids_are_not_vat_numbers(number: str) -> None:
    answer = vat(number, lang="en")
    assert (answer["valid"], answer["reason"], answer["hint"]) == (False, "country", "oss")
    assert "one-stop-shop" in said(answer)


def test_country_given_for_a_number_without_prefix() -> None:
    assert vat("40303265045", country="FR")["compact"] == "FR40303265045"
    assert vat("40303265045", country="fr")["compact"] == "FR40303265045"
    assert vat("116.281.710 MWST", country="CH")["compact"] == "CHE116281710MWST"
    assert vat("995525828", country="NO")["compact"] == "NO995525828MVA"
    assert vat("40303265045", country="")["reason"] == "country"
    assert vat("40303265045", country=None)["reason"] == "country"
    mismatch = vat("DE136695976", country="FR")
    assert mismatch["reason"] == "mismatch" and "DE" in said(mismatch)
    assert vat("12345", country="US")["reason"] == "country"


def test_answer_says_form_not_registration_in_both_languages() -> None:
    fr, en = vat("FR40303265045"), vat("FR40303265045", lang="en")
    assert "VIES" in said(fr) and "enregistrement" in said(fr)
    assert "VIES" in said(en) and "registration" in said(en)
    assert fr["checks"] == "form_and_check_digits"


def test_every_answer_cites_VAT_1_to_4_without_pasting_the_procedure() -> None:
    for lang in ("fr", "en"):
        for answer in (vat("FR40303265045", lang=lang), vat("nonsense", lang=lang)):
            assert answer["rules"] == ["VAT-1", "VAT-2", "VAT-3", "VAT-4"]
            assert "steps" not in answer
            for rule in ("VAT-1", "VAT-2", "VAT-4"):
                assert statement(rule, lang) not in said(answer)
    step = vat("FR40303265045")["next"]  # where to enter a valid number: one link, not the steps
    assert isinstance(step, dict) and step["anchor"] == "vat-2"


def test_vat_payload_errors() -> None:
    assert fails("vat", {})["code"] == "missing_field"
    assert fails("vat", {"number": 12345})["code"] == "type"
    assert fails("vat", {"number": "FR1", "country": 3})["field"] == "country"
    assert fails("vat", {"number": "x" * 5000})["code"] == "value"
