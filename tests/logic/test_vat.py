"""VAT: written form and check digits per country (numbers from python-stdnum's own docstrings),
the reasons of invalid numbers, and the VAT-1..4 steps that come with every answer."""

from __future__ import annotations

import pytest
from _logic_helpers import ask, fails

from kb_logic.vat import COUNTRIES, EU_STATES

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


def vat(number: str, **extra: object) -> dict[str, object]:
    return ask("vat", number=number, **extra)


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


@pytest.mark.parametrize(
    ("number", "country", "reason"), INVALID, ids=[f"invalid-{v[2]}-{v[0]!r}" for v in INVALID]
)
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


def test_greece_is_EL_not_GR() -> None:
    for answer in (vat("GR 094259216"), vat("094259216", country="GR")):
        assert (answer["valid"], answer["reason"], answer["country"]) == (False, "country", None)
        assert "EL" in str(answer["hint"])


@pytest.mark.parametrize("number", ["EU372022452", "EU 372 022 452", "IM1234567890"])
def test_one_stop_shop_ids_are_not_vat_numbers(number: str) -> None:
    answer = vat(number, lang="en")
    assert (answer["valid"], answer["reason"]) == (False, "country")
    assert "one-stop-shop" in str(answer["hint"])


def test_country_given_for_a_number_without_prefix() -> None:
    assert vat("40303265045", country="FR")["compact"] == "FR40303265045"
    assert vat("40303265045", country="fr")["compact"] == "FR40303265045"
    assert vat("116.281.710 MWST", country="CH")["compact"] == "CHE116281710MWST"
    assert vat("995525828", country="NO")["compact"] == "NO995525828MVA"
    assert vat("40303265045", country="")["reason"] == "country"
    assert vat("40303265045", country=None)["reason"] == "country"
    mismatch = vat("DE136695976", country="FR")
    assert mismatch["reason"] == "country" and "DE" in str(mismatch["hint"])
    assert vat("12345", country="US")["reason"] == "country"


def test_answer_says_form_not_registration_in_both_languages() -> None:
    fr, en = vat("FR40303265045"), vat("FR40303265045", lang="en")
    assert "VIES" in str(fr["message"]) and "enregistrement" in str(fr["message"])
    assert "VIES" in str(en["message"]) and "registration" in str(en["message"])
    assert fr["checks"] == "form_and_check_digits"


def test_VAT_1_VAT_2_VAT_3_VAT_4_steps_come_with_every_answer() -> None:
    for answer in (vat("FR40303265045"), vat("nonsense")):
        steps = answer["steps"]
        assert isinstance(steps, list)
        assert [step["id"] for step in steps] == ["VAT-1", "VAT-2", "VAT-3", "VAT-4"]
        assert answer["rules"] == ["VAT-1", "VAT-2", "VAT-3", "VAT-4"]
    texts = [step["text"] for step in vat("x", lang="fr")["steps"]]  # type: ignore[union-attr]
    assert "welcome.infomaniak.com/signup" in texts[0] and "Entreprise" in texts[0]  # VAT-1
    assert "manager.infomaniak.com" in texts[1] and "Enregistrer" in texts[1]  # VAT-2 (typo fixed)
    assert "note" in texts[2]  # VAT-3
    assert "A payer" in texts[3] and "Shop" in texts[3]  # VAT-4


def test_vat_payload_errors() -> None:
    assert fails("vat", {})["code"] == "missing_field"
    assert fails("vat", {"number": 12345})["code"] == "type"
    assert fails("vat", {"number": "FR1", "country": 3})["field"] == "country"
    assert fails("vat", {"number": "x" * 5000})["code"] == "value"
