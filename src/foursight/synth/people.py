"""Individuals (the truth) and their mentions (what an officer keyed on one record).

An ``Individual`` is one human being with a life that changes over the two years: a move, a
new phone, a married or maiden name, a new handle after being blocked. ``write_mention`` turns
them into the person object of one record, with the slips, short forms and gaps real RMS data
has. Individuals that appear on one record only are made on the fly by the chunk renderer.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import contacts, names
from .places import Address, make_address, write_address, write_postcode
from .rand import between, pick

# Prefer a nickname in everyday use (Bob rather than Robert), for a share of people.
_KNOWN_AS_RATE = 0.12


@dataclass(slots=True)
class Individual:
    idx: int
    gender: str  # "F" or "M"
    origin: str
    forename: str
    surname: str
    dob: date
    middle: str = ""
    known_as: str = ""
    dup_nominal: str = ""  # a second RMS nominal made by mistake
    dup_from: int = 0  # day ordinal from which the duplicate is the one usually found
    # (from day ordinal, value) lists, oldest first; values change over the two years.
    addresses: list[tuple[int, Address]] = field(default_factory=list)
    phones: list[tuple[int, str]] = field(default_factory=list)
    surnames: list[tuple[int, str]] = field(default_factory=list)
    handles: list[tuple[int, str]] = field(default_factory=list)
    email: str = ""
    alt_surname: str = ""  # maiden or married name still seen on some records
    workplace: tuple[str, str] = ("", "")  # (place, job)
    lazy: bool = False  # email and handle are made when first shown (one-record people)

    def at(self, day: int) -> tuple[Address | None, str, str, str]:
        """(address, phone, surname, handle) in effect on a day."""
        return (
            _current(self.addresses, day),
            _current(self.phones, day) or "",
            _current(self.surnames, day) or self.surname,
            _current(self.handles, day) or "",
        )

    def surname_on(self, day: int) -> str:
        return _current(self.surnames, day) or self.surname

    def handle_on(self, day: int) -> str:
        return _current(self.handles, day) or ""

    def address_on(self, day: int) -> Address | None:
        return _current(self.addresses, day)

    def age_on(self, day: int) -> int:
        today = date.fromordinal(day)
        years = today.year - self.dob.year
        if (today.month, today.day) < (self.dob.month, self.dob.day):
            years -= 1
        return years


def _current(history: list[tuple[int, Any]], day: int) -> Any:
    found = None
    for start, value in history:
        if start <= day:
            found = value
        else:
            break
    if found is None and history:
        found = history[0][1]
    return found


def _previous(history: list[tuple[int, Any]], day: int) -> Any:
    before = [value for start, value in history if start <= day]
    return before[-2] if len(before) >= 2 else None


def make_dob(rng: random.Random, on: date, low: int, high: int, mode: int) -> date:
    age = int(rng.triangular(low, high + 0.99, mode))
    year = on.year - age
    day_of_year = between(rng, 0, 365)
    born = date(year, 1, 1).toordinal() + day_of_year
    return date.fromordinal(born)


def make_individual(
    rng: random.Random,
    idx: int,
    on: date,
    *,
    gender: str | None = None,
    origin: str | None = None,
    ages: tuple[int, int, int] = (18, 70, 32),
    surname: str | None = None,
    address: Address | None = None,
    phone: str | None = None,
    lazy: bool = False,
) -> Individual:
    """A person. ``lazy`` (for someone on one record only) leaves the email and handle to be
    made only if that record shows them, which saves time on a million records."""
    gender = gender or ("F" if rng.random() < 0.5 else "M")
    origin = origin or names.pick_origin(rng)
    forename_origin = origin
    if rng.random() < 0.08:  # mixed heritage or a name from another tradition
        forename_origin = names.pick_origin(rng)
    forename = names.pick_forename(rng, forename_origin, gender)
    family = surname or names.pick_surname(rng, origin, gender)
    person = Individual(
        idx=idx,
        gender=gender,
        origin=origin,
        forename=forename,
        surname=family,
        dob=make_dob(rng, on, *ages),
    )
    if rng.random() < 0.3:
        person.middle = names.pick_forename(rng, forename_origin, gender)
    shorts = names.NICKNAMES.get(forename)
    if shorts and rng.random() < _KNOWN_AS_RATE * 3:
        person.known_as = pick(rng, shorts)
    start = on.toordinal() - 4000
    person.addresses.append((start, address or make_address(rng)))
    if phone is None and rng.random() < 0.85:
        phone = contacts.any_number(rng)
    if phone:
        person.phones.append((start, phone))
    if lazy:
        person.lazy = True
    else:
        person.surnames.append((start, family))
        if rng.random() < 0.45:
            person.email = contacts.make_email(rng, forename, family, person.dob.year)
        if rng.random() < 0.4:
            handle = contacts.make_handle(rng, forename, family, person.dob.year)
            person.handles.append((start, handle))
    if gender == "F" and rng.random() < 0.12:
        # A previous (maiden or earlier married) surname still on old records.
        person.alt_surname = names.pick_surname(rng, names.pick_origin(rng), gender)
    return person


class Nominals:
    """RMS nominal ids: a keyed permutation of the individual index, so one id is one person.

    A 4-round Feistel network over [0, 4**h) scrambles the index, so neighbouring individuals
    (a victim and the suspect made just after them) get unrelated numbers. Duplicate nominals
    (one person entered twice) permute indices no individual has, so they never collide.
    """

    def __init__(self, prefix: str, population: int, seed: int = 0) -> None:
        self.prefix = prefix
        self.population = population
        half = 11
        while 4**half < 2 * population + 2:
            half += 1
        self.half = half
        self.mask = (1 << (2 * half)) - 1
        self.half_mask = (1 << half) - 1
        self.width = len(str(4**half - 1))
        keys = random.Random(f"nominals:{seed}")
        self.keys = tuple(keys.getrandbits(32) for _ in range(4))

    def _permute(self, x: int) -> int:
        h = self.half
        m = self.half_mask
        left, right = x >> h, x & m
        for key in self.keys:
            mixed = ((right * 0x9E3779B1) ^ key) & 0xFFFFFFFF
            mixed ^= mixed >> 15
            left, right = right, left ^ (mixed & m)
        return (left << h) | right

    def primary(self, idx: int) -> str:
        return f"{self.prefix}-N{self._permute(idx):0{self.width}d}"

    def duplicate(self, idx: int) -> str:
        return f"{self.prefix}-N{self._permute(self.population + idx):0{self.width}d}"


@dataclass(frozen=True, slots=True)
class Detail:
    """How much an officer recorded about one person on one record."""

    dob: float
    address: float
    phone: float
    email: float
    handle: float


DETAIL = {
    "victim": Detail(0.8, 0.65, 0.5, 0.12, 0.08),
    "suspect": Detail(0.65, 0.45, 0.35, 0.08, 0.08),
    "witness": Detail(0.45, 0.4, 0.35, 0.05, 0.02),
    "reporter": Detail(0.5, 0.4, 0.6, 0.08, 0.02),
    "other": Detail(0.4, 0.25, 0.2, 0.03, 0.03),
    "subject": Detail(0.95, 0.85, 0.3, 0.05, 0.1),
    "protected": Detail(0.75, 0.35, 0.15, 0.02, 0.02),
    "online": Detail(0.2, 0.1, 0.2, 0.35, 0.95),
    "sparse": Detail(0.1, 0.05, 0.05, 0.0, 0.0),
}


def write_forename(rng: random.Random, person: Individual) -> str:
    name = person.forename
    r = rng.random()
    if person.known_as and r < 0.45:
        name = person.known_as
    elif r < 0.07:
        shorts = names.NICKNAMES.get(name)
        if shorts:
            name = pick(rng, shorts)
    elif r < 0.11:
        spellings = names.SPELLINGS.get(name)
        name = pick(rng, spellings) if spellings else names.typo(rng, name)
    elif r < 0.15:
        name = names.typo(rng, name)
    elif r < 0.165:
        name = name[0]
    if person.middle:
        m = rng.random()
        if m < 0.07:
            name = f"{name} {person.middle}"
        elif m < 0.085:
            name = f"{name} {person.middle[0]}"
    if rng.random() < 0.35:
        name = names.strip_accents(name)
    return name


def spoken_forename(rng: random.Random, person: Individual) -> str:
    """The first name an officer uses in a narrative: usual name, short form or a slip."""
    r = rng.random()
    if person.known_as and r < 0.5:
        return person.known_as
    if r < 0.08:
        shorts = names.NICKNAMES.get(person.forename)
        if shorts:
            return pick(rng, shorts)
    if r < 0.11:
        return names.typo(rng, person.forename)
    return person.forename


def write_surname(rng: random.Random, person: Individual, day: int) -> str:
    name = person.surname_on(day)
    r = rng.random()
    if person.alt_surname and r < 0.2:
        name = person.alt_surname
    elif r < 0.05:
        name = names.typo(rng, name)
    elif r < 0.09:
        spellings = names.SPELLINGS.get(name)
        if spellings:
            name = pick(rng, spellings)
        elif "'" in name:
            name = name.replace("'", pick(rng, ("", " ")))
    elif r < 0.11:
        other = names.opposite_gender_form(name)
        if other:
            name = other
    if "-" in name and rng.random() < 0.3:
        parts = name.split("-")
        name = pick(rng, (parts[0], parts[-1], " ".join(parts)))
    if rng.random() < 0.35:
        name = names.strip_accents(name)
    if rng.random() < 0.12:
        name = name.upper()
    return name


def write_dob(rng: random.Random, dob: date) -> str:
    r = rng.random()
    if r < 0.03 and dob.day <= 12 and dob.day != dob.month:
        return date(dob.year, dob.day, dob.month).isoformat()
    if r < 0.045:
        return _safe_date(dob.year + pick(rng, (-1, 1)), dob.month, dob.day)
    if r < 0.06:
        return _safe_date(dob.year, dob.month, max(1, min(28, dob.day + pick(rng, (-1, 1, 10)))))
    if r < 0.062:
        return "1900-01-01"  # an RMS placeholder for "not known"
    return dob.isoformat()


def _safe_date(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return date(year, month, 28).isoformat()


def write_mention(
    rng: random.Random,
    person: Individual,
    day: int,
    nominal: str,
    *,
    role: str | None,
    detail: Detail,
    ref_rate: float,
    name: bool = True,
) -> dict[str, Any]:
    """One record's person object for ``person`` (``role`` None for an order's people)."""
    out: dict[str, Any] = {}
    if role is not None:
        out["role"] = role
    if rng.random() < ref_rate:
        if person.dup_nominal and day >= person.dup_from and rng.random() < 0.7:
            out["person_ref"] = person.dup_nominal
        else:
            out["person_ref"] = nominal
    if name:
        forename = write_forename(rng, person)
        surname = write_surname(rng, person, day)
        swap = 0.07 if person.origin in names.ORDER_CONFUSED else 0.015
        if rng.random() < swap:
            forename, surname = surname.title() if surname.isupper() else surname, forename
        if rng.random() > 0.025 or role == "victim":
            out["forename"] = forename
        if rng.random() > 0.03 or role == "victim":
            out["surname"] = surname
    if rng.random() < detail.dob:
        out["dob"] = write_dob(rng, person.dob)
    if rng.random() < 0.85:
        out["gender"] = person.gender
    stale = rng.random() < 0.1
    if rng.random() < detail.address and person.addresses:
        address = (_previous(person.addresses, day) if stale else None) or person.address_on(day)
        if address is not None:
            if rng.random() < 0.92:
                out["address"] = write_address(rng, address)
            if rng.random() < 0.9:
                out["postcode"] = write_postcode(rng, address.postcode)
    if rng.random() < detail.phone and person.phones:
        number = (_previous(person.phones, day) if stale else None) or _current(person.phones, day)
        out["phone"] = contacts.write_phone(rng, number)
    if person.email and rng.random() < detail.email:
        out["email"] = person.email if rng.random() < 0.85 else person.email.capitalize()
    elif person.lazy and rng.random() < detail.email * 0.45:
        out["email"] = contacts.make_email(rng, person.forename, person.surname, person.dob.year)
    if person.lazy:
        if rng.random() < detail.handle * 0.4:
            handle = contacts.make_handle(rng, person.forename, person.surname, person.dob.year)
            out["online_handles"] = [contacts.write_handle(rng, handle)]
    elif person.handles and rng.random() < detail.handle:
        handles = [person.handle_on(day)]
        previous = _previous(person.handles, day)
        if previous and rng.random() < 0.3:
            handles.append(previous)
        out["online_handles"] = [contacts.write_handle(rng, h) for h in handles]
    return out
