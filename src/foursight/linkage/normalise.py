"""Normalise the fields of a person mention into the forms the linkage model compares.

RMS records spell one person many ways: case, accents, apostrophes, hyphens, nicknames, phone
numbers with and without +44, postcodes with and without the space. Everything here is a pure
function of one value, so the same mention always normalises the same way on every run.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import cache, lru_cache
from importlib import resources

import jellyfish

# Values an officer types when the field is not known; they must never make two people agree.
_UNKNOWN_TEXT = frozenset(
    {
        "unknown",
        "unk",
        "nk",
        "n k",
        "not known",
        "notknown",
        "none",
        "na",
        "n a",
        "nil",
        "refused",
        "withheld",
        "no name",
        "xx",
        "xxx",
        "tbc",
        "anon",
        "anonymous",
    }
)
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "rev"})
_NON_NAME = re.compile(r"[^a-z ]+")
_SPACES = re.compile(r"\s+")


def _words(text: str) -> list[str]:
    return text.split()


def _fold(text: str) -> str:
    """Lower case without accents: 'Zoë' and 'ZOE' both become 'zoe'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=200_000)
def name(value: str | None) -> str | None:
    """A name as lower-case words: accents, apostrophes and punctuation gone, hyphens as spaces.

    "O'Brien" -> "obrien", "Smith-Jones" -> "smith jones", "  ZOË " -> "zoe". Placeholders such
    as "UNKNOWN" or "N/K" give None.
    """
    if not value:
        return None
    text = _fold(value).replace("'", "").replace("\u2019", "").replace("`", "")
    text = text.replace("-", " ").replace(".", " ").replace("/", " ")
    text = _SPACES.sub(" ", _NON_NAME.sub("", text)).strip()
    if not text or text in _UNKNOWN_TEXT:
        return None
    return text


@lru_cache(maxsize=200_000)
def forename(value: str | None) -> str | None:
    """The first given name, without a title: "Mr John Paul" -> "john"."""
    text = name(value)
    if text is None:
        return None
    words = [w for w in text.split(" ") if w not in _TITLES]
    return words[0] if words else None


@cache
def _nickname_table() -> dict[str, str]:
    table: dict[str, str] = {}
    source = resources.files("foursight.linkage").joinpath("data/nicknames.csv")
    for line in source.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        names = [n.strip() for n in line.split(",") if n.strip()]
        canonical = names[0].replace("-", " ")
        for variant in names:
            table.setdefault(variant.replace("-", " "), canonical)
    return table


@lru_cache(maxsize=200_000)
def canonical_forename(value: str | None) -> str | None:
    """The forename with short forms and spellings folded: "Bob" -> "robert", "Mo" -> "mohammed".

    Takes a raw or already normalised forename; names not in the table are returned as they are.
    """
    first = forename(value)
    if first is None:
        return None
    return _nickname_table().get(first, first)


def canonical_name(text: str) -> str:
    """A whole normalised name looked up in the nickname table (for a surname written first)."""
    return _nickname_table().get(text, text)


def same_forename(a: str | None, b: str | None) -> bool:
    """True when two forenames are the same person's name once nicknames are folded."""
    left, right = canonical_forename(a), canonical_forename(b)
    return left is not None and left == right


_JOINED_PREFIXES = frozenset({"mc", "mac", "st"})


@lru_cache(maxsize=200_000)
def surname(value: str | None) -> str | None:
    """A surname as words, with split prefixes rejoined: "O Brien", "Mc Donald" -> "obrien"."""
    text = name(value)
    if text is None or " " not in text:
        return text
    words: list[str] = []
    for word in text.split(" "):
        if words and (len(words[-1]) == 1 or words[-1] in _JOINED_PREFIXES):
            words[-1] += word
        else:
            words.append(word)
    return " ".join(words)


_DIGITS = re.compile(r"\d")


@lru_cache(maxsize=200_000)
def phone(value: str | None) -> str | None:
    """A phone number in E.164 form: "07700 900123", "+44 (0)7700-900123" -> "+447700900123".

    UK numbers written nationally (0...), internationally (+44, 0044, 44) or with the "(0)"
    are folded into one form; other international numbers keep their country code. Anything too
    short to be a number, or one repeated digit, gives None.
    """
    if not value:
        return None
    text = value.strip().replace("(0)", "")
    international = text.startswith("+")
    digits = "".join(_DIGITS.findall(text))
    if digits.startswith("00"):
        digits, international = digits[2:], True
    if international or (digits.startswith("44") and len(digits) == 12):
        if digits.startswith("440"):
            digits = "44" + digits[3:]
        canonical = "+" + digits
    elif digits.startswith("0") and len(digits) in (10, 11):
        canonical = "+44" + digits[1:]
    elif len(digits) == 10 and digits.startswith("7"):
        canonical = "+44" + digits  # a mobile typed without its leading 0
    else:
        return None
    national = canonical[1:]
    if len(national) < 9 or len(set(national[2:])) <= 1:
        return None
    return canonical


# Outward code then inward code (digit and two letters), per the Royal Mail format.
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")


@lru_cache(maxsize=200_000)
def postcode(value: str | None) -> str | None:
    """A UK postcode as "SW1A 1AA", or None when the text is not one."""
    if not value:
        return None
    compact = re.sub(r"[^A-Z0-9]", "", value.upper())
    match = _POSTCODE.match(compact)
    if match is None:
        return None
    return f"{match.group(1)} {match.group(2)}"


def postcode_sector(value: str | None) -> str | None:
    """ "SW1A 1AA" -> "SW1A 1" (a few thousand addresses)."""
    return value[:-2] if value else None


def postcode_district(value: str | None) -> str | None:
    """ "SW1A 1AA" -> "SW1A" (tens of thousands of addresses)."""
    return value.split(" ", 1)[0] if value else None


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_EMAIL_DOMAINS = {"googlemail.com": "gmail.com"}


@lru_cache(maxsize=200_000)
def email(value: str | None) -> str | None:
    """An email address in lower case with known alias domains folded; None if not an address."""
    if not value:
        return None
    text = value.strip().lower()
    if text.startswith("mailto:"):
        text = text[len("mailto:") :]
    if not _EMAIL.match(text):
        return None
    local, domain = text.rsplit("@", 1)
    return f"{local}@{_EMAIL_DOMAINS.get(domain, domain)}"


_HANDLE_JUNK = re.compile(r"[^a-z0-9_.]")


def handle(value: str | None) -> str | None:
    """An online handle without "@", URL or case: "@Ben_S", "instagram.com/ben_s/" -> "ben_s"."""
    if not value:
        return None
    text = _fold(value.strip()).rstrip("/")
    if ":" in text and "//" not in text:  # "instagram: ben_s", "IG:ben_s"
        text = text.rsplit(":", 1)[-1].strip()
    if "/" in text:
        text = text.rsplit("/", 1)[-1]
    text = _HANDLE_JUNK.sub("", text.lstrip("@"))
    return text or None


def handles(values: tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """Distinct normalised handles, sorted so the same set always looks the same."""
    found = {h for h in (handle(v) for v in values or ()) if h}
    return tuple(sorted(found))


_ADDRESS_WORDS = {
    "st": "street",
    "rd": "road",
    "ave": "avenue",
    "av": "avenue",
    "ln": "lane",
    "dr": "drive",
    "cl": "close",
    "ct": "court",
    "cres": "crescent",
    "gdns": "gardens",
    "pl": "place",
    "sq": "square",
    "terr": "terrace",
    "tce": "terrace",
    "hse": "house",
    "apt": "flat",
    "apartment": "flat",
}
_NON_ADDRESS = re.compile(r"[^a-z0-9 ]+")
_UNKNOWN_ADDRESS = frozenset({"nfa", "no fixed abode", "of no fixed abode", "unknown", "nk"})


@lru_cache(maxsize=200_000)
def address(value: str | None) -> str | None:
    """An address as lower-case words with common abbreviations expanded and any postcode dropped.

    "Flat 2, 14 Elm St., LS6 1AB" -> "flat 2 14 elm street". "NFA" and placeholders give None.
    """
    if not value:
        return None
    text = _fold(value)
    text = re.sub(r"\b[a-z]{1,2}[0-9][a-z0-9]? ?[0-9][a-z]{2}\b", " ", text)  # postcode
    text = _SPACES.sub(" ", _NON_ADDRESS.sub(" ", text)).strip()
    words = [_ADDRESS_WORDS.get(w, w) for w in text.split(" ") if w]
    result = " ".join(words)
    if not result or result in _UNKNOWN_ADDRESS:
        return None
    return result


_STREET_SUFFIXES = frozenset(
    _words(
        "street road lane avenue close drive court crescent gardens place square terrace "
        "way grove walk row hill rise view park mews parade green"
    )
)


def address_line(value: str | None) -> str | None:
    """The first line of a normalised address, up to the street's suffix: drops the town.

    "14 elm street leeds" -> "14 elm street"; an address without a known suffix is kept whole.
    """
    if not value:
        return None
    words = value.split(" ")
    for position, word in enumerate(words):
        if position > 0 and word in _STREET_SUFFIXES:
            return " ".join(words[: position + 1])
    return value


_EPOCH = date(1970, 1, 1)
_EARLIEST_DOB = date(1900, 1, 2)  # 1900-01-01 is a common "not known" filler


def dob(value: str | None, *, today: date | None = None) -> date | None:
    """A date of birth, or None when absent, malformed, a filler such as 1900-01-01, or future."""
    if not value:
        return None
    try:
        parsed = date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
    if parsed < _EARLIEST_DOB or parsed > (today or date.today()):
        return None
    return parsed


def dob_transposed(value: date | None) -> str | None:
    """The date with day and month swapped, where that is a different real date (for 3/4 vs 4/3)."""
    if value is None or value.day > 12 or value.day == value.month:
        return None
    return f"{value.year:04d}-{value.day:02d}-{value.month:02d}"


def dob_days(value: date | None) -> int | None:
    return None if value is None else (value - _EPOCH).days


_GENDERS = {
    "m": "m",
    "male": "m",
    "man": "m",
    "boy": "m",
    "f": "f",
    "female": "f",
    "woman": "f",
    "girl": "f",
}


def gender(value: str | None) -> str | None:
    """ "M"/"Male" -> "m", "F"/"Female" -> "f"; anything else (unknown, other) gives None."""
    if not value:
        return None
    return _GENDERS.get(value.strip().lower())


# A person's part in a record, as one of a few kinds: an order's subject is in the suspect's
# place and the people it protects in the victim's. "other" says nothing.
_ROLES = {
    "suspect": "suspect",
    "subject": "suspect",
    "offender": "suspect",
    "victim": "victim",
    "protected": "victim",
    "reporter": "reporter",
    "informant": "reporter",
    "witness": "witness",
}


def role(value: str | None) -> str | None:
    if not value:
        return None
    return _ROLES.get(value.strip().lower())


_CLASS_FAMILY = re.compile(r"^\s*0*([0-9]{1,3})")


def crime_family(classification: str | None) -> str | None:
    """The family of a Home Office classification: "8Q", "8L", "008N" -> "8"; "46" -> "46".

    The family is the kind of crime (violence and harassment, criminal damage, shoplifting,
    burglary, fraud ...); its subclasses are often a recording choice between similar codes.
    """
    if not classification:
        return None
    match = _CLASS_FAMILY.match(classification)
    return match.group(1) if match else None


@lru_cache(maxsize=200_000)
def soundex(value: str | None) -> str | None:
    """Soundex of a normalised name ("smith", "smyth" -> "S530"), used only to find candidates."""
    letters = (value or "").replace(" ", "")
    return jellyfish.soundex(letters) if letters else None
