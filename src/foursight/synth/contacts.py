"""Phone numbers from Ofcom's drama ranges only, emails at example domains, social handles.

Ofcom reserves these ranges for fiction; no real subscriber has one. They hold about 16,000
numbers in all, so a large synthetic force must reuse some: ``PhoneBook`` hands out each
number once while any are left and then reuses them at random.
"""

from __future__ import annotations

import random
import re

from .names import strip_accents
from .rand import between, pick

# (digits before the last block, width of the last block, first, last, display groups)
# e.g. 07700 900xxx -> prefix "07700900", 3 digits.
_RANGES: list[tuple[str, int, int, int, tuple[int, ...]]] = [
    ("07700900", 3, 0, 999, (5, 6)),
    ("01632960", 3, 0, 999, (5, 6)),
    ("02079460", 3, 0, 999, (3, 4, 4)),
    ("01134960", 3, 0, 999, (4, 3, 4)),
    ("01144960", 3, 0, 999, (4, 3, 4)),
    ("01154960", 3, 0, 999, (4, 3, 4)),
    ("01164960", 3, 0, 999, (4, 3, 4)),
    ("01174960", 3, 0, 999, (4, 3, 4)),
    ("01184960", 3, 0, 999, (4, 3, 4)),
    ("01214960", 3, 0, 999, (4, 3, 4)),
    ("01314960", 3, 0, 999, (4, 3, 4)),
    ("01414960", 3, 0, 999, (4, 3, 4)),
    ("01514960", 3, 0, 999, (4, 3, 4)),
    ("01614960", 3, 0, 999, (4, 3, 4)),
    ("01914980", 3, 0, 999, (4, 3, 4)),
    ("02896496", 3, 0, 999, (3, 4, 4)),
    ("02920180", 3, 0, 999, (3, 4, 4)),
]
_GROUPS = {prefix: groups for prefix, _, _, _, groups in _RANGES}
MOBILE_PREFIX = "07700900"


def all_numbers() -> list[str]:
    """Every drama-range number as 11 digits, mobiles first."""
    out: list[str] = []
    for prefix, width, first, last, _ in _RANGES:
        out.extend(f"{prefix}{n:0{width}d}" for n in range(first, last + 1))
    return out


_ALL = frozenset(all_numbers())


def is_drama_number(text: str) -> bool:
    """True when ``text``, however formatted, is one of Ofcom's drama numbers."""
    digits = re.sub(r"\D", "", text)
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    return digits in _ALL


class PhoneBook:
    """Hands out drama numbers: unique while they last (mobiles first), then reused."""

    def __init__(self, rng: random.Random) -> None:
        mobiles = [n for n in all_numbers() if n.startswith(MOBILE_PREFIX)]
        landlines = [n for n in all_numbers() if not n.startswith(MOBILE_PREFIX)]
        rng.shuffle(mobiles)
        rng.shuffle(landlines)
        # Mobiles are what most people give; landlines (01632, city ranges) fill in after.
        self._fresh = landlines[::-1] + mobiles[::-1]
        self._used: list[str] = []

    def take(self, rng: random.Random) -> str:
        if self._fresh:
            number = self._fresh.pop()
            self._used.append(number)
            return number
        return pick(rng, self._used)


def any_number(rng: random.Random) -> str:
    """A drama number for a one-mention person (may repeat: the ranges are small)."""
    prefix, width, first, last, _ = _RANGES[0] if rng.random() < 0.7 else pick(rng, _RANGES)
    return f"{prefix}{rng.randint(first, last):0{width}d}"


def write_phone(rng: random.Random, digits: str) -> str:
    """The number as an officer or a system might have keyed it."""
    groups = _GROUPS[digits[:8]]
    parts = []
    start = 0
    for size in groups:
        parts.append(digits[start : start + size])
        start += size
    r = rng.random()
    if r < 0.45:
        return " ".join(parts)
    if r < 0.85:
        return digits
    if r < 0.93:
        return "+44 " + " ".join([parts[0][1:], *parts[1:]])
    if r < 0.97:
        return "+44" + digits[1:]
    return "-".join(parts)


EMAIL_DOMAINS = ("example.com", "example.org", "example.net")


def make_email(rng: random.Random, forename: str, surname: str, birth_year: int) -> str:
    first = _ascii_lower(forename)
    last = _ascii_lower(surname)
    r = rng.random()
    if r < 0.3:
        local = f"{first}.{last}"
    elif r < 0.5:
        local = f"{first}{last}{birth_year % 100:02d}"
    elif r < 0.65:
        local = f"{first[0]}{last}"
    elif r < 0.8:
        local = f"{first}_{last[:4]}{between(rng, 1, 999)}"
    else:
        local = f"{first}{between(rng, 1, 99)}"
    return f"{local}@{pick(rng, EMAIL_DOMAINS)}"


def make_handle(rng: random.Random, forename: str, surname: str, birth_year: int) -> str:
    first = _ascii_lower(forename)
    last = _ascii_lower(surname)
    r = rng.random()
    if r < 0.25:
        return f"{first}_{last}"
    if r < 0.45:
        return f"{first}.{last[:1]}{birth_year % 100:02d}"
    if r < 0.6:
        return f"{first}{last[:3]}x"
    if r < 0.75:
        return f"its{first}{between(rng, 1, 99)}"
    word = pick(
        rng,
        ("shadow", "wolf", "angel", "storm", "ghost", "viper", "blaze", "lunar", "moth", "raven"),
    )
    return f"{word}_{first[:3]}{between(rng, 1, 999)}"


def write_handle(rng: random.Random, handle: str) -> str:
    r = rng.random()
    if r < 0.55:
        return "@" + handle
    if r < 0.85:
        return handle
    platform = pick(rng, ("instagram", "IG", "snapchat", "tiktok", "FB", "X"))
    return f"{platform}: {handle}"


_NON_ALNUM = re.compile(r"[^a-z0-9]")


def _ascii_lower(text: str) -> str:
    return _NON_ALNUM.sub("", strip_accents(text).lower()) or "user"
