from datetime import date

import pytest

from foursight.linkage import normalise as norm


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("O'Brien", "obrien"),
        ("O Brien", "o brien"),
        ("Smith-Jones", "smith jones"),
        ("  ZOË ", "zoe"),
        ("Nowakowska", "nowakowska"),
        ("UNKNOWN", None),
        ("n/k", None),
        ("", None),
        (None, None),
    ],
)
def test_name_folds_case_accents_punctuation_and_hyphens(raw, expected):
    assert norm.name(raw) == expected


def test_surname_rejoins_split_prefixes():
    assert norm.surname("O Brien") == norm.surname("O'Brien") == "obrien"
    assert norm.surname("Mc Donald") == norm.surname("McDonald") == "mcdonald"
    assert norm.surname("Smith-Jones") == "smith jones"


def test_forename_is_first_given_name_without_title():
    assert norm.forename("Mr John Paul") == "john"
    assert norm.forename("J.") == "j"


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("Bob", "robert"),
        ("ROB", "robert"),
        ("Robert", "robert"),
        ("Liz", "elizabeth"),
        ("Beth", "elizabeth"),
        ("Muhammad", "mohammed"),
        ("Mohamed", "mohammed"),
        ("Zebedee", "zebedee"),
    ],
)
def test_nicknames_fold_to_one_canonical_forename(variant, canonical):
    assert norm.canonical_forename(variant) == canonical


def test_same_forename():
    assert norm.same_forename("Bob", "Robert")
    assert not norm.same_forename("Bob", "Richard")
    assert not norm.same_forename(None, None)


@pytest.mark.parametrize(
    "raw",
    [
        "07700 900123",
        "07700900123",
        "+44 7700 900123",
        "+44 (0)7700-900123",
        "0044 7700 900123",
        "447700900123",
        "7700900123",
    ],
)
def test_uk_phone_formats_share_one_canonical_form(raw):
    assert norm.phone(raw) == "+447700900123"


@pytest.mark.parametrize("raw", ["999", "00000000000", "", "n/k"])
def test_phone_junk_is_none(raw):
    assert norm.phone(raw) is None


def test_international_phone_keeps_country_code():
    assert norm.phone("+1 212 555 0100") == "+12125550100"


def test_postcode():
    assert norm.postcode("sw1a1aa") == "SW1A 1AA"
    assert norm.postcode(" LS6  1AB ") == "LS6 1AB"
    assert norm.postcode("not a postcode") is None
    assert norm.postcode_sector("LS6 1AB") == "LS6 1"
    assert norm.postcode_district("LS6 1AB") == "LS6"


def test_email_and_handles():
    assert norm.email(" Ben.Sample@GoogleMail.com ") == "ben.sample@gmail.com"
    assert norm.email("not an email") is None
    assert norm.handles(["@Ben_S", "instagram.com/ben_s/", "IG: Ben_S", "snapchat: other"]) == (
        "ben_s",
        "other",
    )


def test_address_expands_abbreviations_and_drops_postcode_and_town():
    text = norm.address("Flat 2, 14 Elm St., Leeds LS6 1AB")
    assert text == "flat 2 14 elm street leeds"
    assert norm.address_line(text) == "flat 2 14 elm street"
    assert norm.address("NFA") is None


def test_dob_drops_placeholders_and_knows_transposition():
    assert norm.dob("1900-01-01") is None
    assert norm.dob("2999-01-01", today=date(2025, 1, 1)) is None
    assert norm.dob("1985-03-04") == date(1985, 3, 4)
    assert norm.dob_transposed(date(1985, 3, 4)) == "1985-04-03"
    assert norm.dob_transposed(date(1985, 3, 14)) is None
    assert norm.dob_transposed(date(1985, 3, 3)) is None


def test_gender():
    assert norm.gender("F") == norm.gender("female") == "f"
    assert norm.gender("M") == "m"
    assert norm.gender("unknown") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("8Q", "8"), ("8L", "8"), ("008N", "8"), ("46", "46"), (" 53C", "53"), ("X1", None)],
)
def test_crime_family_is_the_classifications_number(raw, expected):
    assert norm.crime_family(raw) == expected
    assert norm.crime_family(None) is None
