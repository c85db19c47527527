"""The plan: who exists, which courses of conduct happen when, which orders are made, and the
order in which every record is recorded. Made in one process with one ``random.Random(seed)``;
the text of each record is rendered later, in chunks, from this plan.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import contacts, grammar, names, places
from .model import (
    CAT_BACKGROUND,
    CAT_DISPUTE,
    CAT_ONE_OFF,
    CAT_STALKING,
    FRESH,
    HARASSMENT,
    NO_NAME,
    SPARSE,
    STALKING,
    Course,
    Incident,
    Order,
    person_code,
    unpack,
)
from .people import Individual, Nominals, make_individual
from .phrases_course import BEHAVIOUR_CLASS, BEHAVIOURS, ONLINE_BEHAVIOURS, SIGNALS
from .phrases_dispute import THEMES
from .phrases_other import BACKGROUND, CARS, ONE_OFFS
from .rand import below, between, pick, weighted
from .voice import Voice, make_voice

SHARE_STALKING = 0.065
SHARE_DISPUTE = 0.04
SHARE_ONE_OFF = 0.025

_STALKING_SIZES = (
    (2, 18),
    (3, 20),
    (4, 17),
    (5, 13),
    (6, 10),
    (7, 7),
    (8, 5),
    (9, 4),
    (10, 3),
    (11, 2),
    (12, 1),
)
_DISPUTE_SIZES = ((2, 30), (3, 30), (4, 20), (5, 12), (6, 8))

_STALKING_RELATIONSHIPS = {
    "ex_partner": 45.0,
    "acquaintance": 16.0,
    "stranger": 9.0,
    "online_only": 9.0,
    "colleague": 7.0,
    "current_partner": 5.0,
    "family": 4.0,
    "neighbour": 5.0,
}
_DOMESTIC = frozenset({"ex_partner", "current_partner", "family"})

# What each kind of stalker tends to do (weights; a course uses a few of these).
_REPERTOIRE: dict[str, dict[str, float]] = {
    "ex_partner": {
        "repeated_messages": 10,
        "repeated_calls": 6,
        "turning_up_home": 7,
        "turning_up_work": 4,
        "following": 4,
        "loitering": 5,
        "contacting_family_friends": 5,
        "new_accounts_after_block": 4,
        "threats_violence": 4,
        "property_damage": 3,
        "fixation_language": 4,
        "suicide_threats_leverage": 2,
        "threats_intimate_images": 2,
        "tracking_device": 2,
        "account_access": 2,
        "knows_movements": 3,
        "publishing_about_victim": 2,
        "using_others": 2,
        "letters_notes": 2,
        "gifts_deliveries": 2,
        "monitoring_online": 2,
        "entering_property": 2,
        "vexatious_reports": 1,
        "assault": 2,
        "watching_photographing": 1,
        "impersonation_fake_profiles": 1,
    },
    "current_partner": {
        "tracking_device": 4,
        "account_access": 4,
        "knows_movements": 4,
        "repeated_messages": 6,
        "repeated_calls": 4,
        "monitoring_online": 3,
        "turning_up_work": 3,
        "following": 3,
        "threats_violence": 2,
        "assault": 2,
        "fixation_language": 2,
    },
    "acquaintance": {
        "repeated_messages": 8,
        "turning_up_home": 4,
        "turning_up_work": 4,
        "following": 4,
        "loitering": 4,
        "letters_notes": 3,
        "gifts_deliveries": 4,
        "monitoring_online": 3,
        "fixation_language": 3,
        "contacting_family_friends": 2,
        "watching_photographing": 3,
        "knows_movements": 2,
        "new_accounts_after_block": 3,
        "publishing_about_victim": 1,
    },
    "colleague": {
        "turning_up_work": 3,
        "repeated_messages": 8,
        "gifts_deliveries": 4,
        "letters_notes": 4,
        "following": 4,
        "loitering": 2,
        "monitoring_online": 3,
        "knows_movements": 3,
        "publishing_about_victim": 2,
        "contacting_family_friends": 1,
        "turning_up_home": 3,
    },
    "stranger": {
        "following": 8,
        "loitering": 7,
        "watching_photographing": 6,
        "letters_notes": 4,
        "gifts_deliveries": 3,
        "turning_up_work": 3,
        "turning_up_home": 2,
        "knows_movements": 2,
    },
    "online_only": {
        "repeated_messages": 8,
        "new_accounts_after_block": 7,
        "monitoring_online": 6,
        "impersonation_fake_profiles": 4,
        "publishing_about_victim": 4,
        "threats_intimate_images": 3,
        "account_access": 2,
        "threats_violence": 2,
        "knows_movements": 2,
        "contacting_family_friends": 3,
    },
    "family": {
        "repeated_messages": 6,
        "repeated_calls": 4,
        "turning_up_home": 6,
        "contacting_family_friends": 4,
        "threats_violence": 3,
        "property_damage": 3,
        "vexatious_reports": 2,
        "publishing_about_victim": 2,
        "using_others": 2,
        "entering_property": 2,
    },
    "neighbour": {
        "watching_photographing": 6,
        "loitering": 5,
        "letters_notes": 4,
        "gifts_deliveries": 3,
        "following": 3,
        "knows_movements": 2,
        "turning_up_home": 4,
        "repeated_messages": 2,
        "entering_property": 2,
    },
}
_ESCALATING = frozenset({"threats_violence", "property_damage", "assault", "entering_property"})
# Rough order of the maximum sentence of what an act would be charged as.
_SERIOUSNESS = {
    "threats_violence": 5,
    "property_damage": 4,
    "entering_property": 4,
    "assault": 3,
    "threats_intimate_images": 2,
    "repeated_messages": 1,
}

_PLATFORMS = (
    "text",
    "WhatsApp",
    "Instagram",
    "Facebook",
    "Snapchat",
    "email",
    "Facebook Messenger",
    "TikTok",
    "X",
)
_PLATFORM_WEIGHTS = (10, 8, 6, 4, 4, 2, 2, 1, 1)

_ORDER_TYPES_DOMESTIC = {
    "non_molestation_order": 28,
    "restraining_order": 18,
    "bail_conditions": 26,
    "dvpn": 12,
    "spo": 10,
    "interim_spo": 6,
}
_ORDER_TYPES_OTHER = {"spo": 28, "interim_spo": 14, "restraining_order": 22, "bail_conditions": 36}
_ORDER_PREFIX = {
    "spo": "SPO",
    "interim_spo": "ISPO",
    "restraining_order": "RO",
    "non_molestation_order": "NMO",
    "dvpn": "DVPN",
    "dvpo": "DVPO",
    "bail_conditions": "BAIL",
    "dapn": "DAPN",
    "dapo": "DAPO",
    "other": "INJ",
}

_RANKS = (("PC", 60), ("DC", 25), ("PS", 8), ("DS", 5), ("PCSO", 2))


@dataclass(frozen=True, slots=True)
class Settings:
    records: int
    seed: int
    force: str = "Wessex"
    ref_rate: float = 0.5
    start: date = date(2024, 11, 1)
    days: int = 730

    @property
    def prefix(self) -> str:
        return force_prefix(self.force)


def force_prefix(force: str) -> str:
    """Two capital letters for a force's references: Wessex -> WX."""
    letters = [c for c in force.upper() if c.isalpha()]
    if not letters:
        return "XX"
    consonants = [c for c in letters[1:] if c not in "AEIOU"]
    return letters[0] + (
        consonants[-1] if consonants else (letters[-1] if len(letters) > 1 else "X")
    )


@dataclass(slots=True)
class Plan:
    settings: Settings
    population: list[Individual]
    officers: list[tuple[str, Voice]]
    courses: list[Course]
    orders: list[Order]
    entries: list[tuple[int, int, Any]] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    fresh_base: list[int] = field(default_factory=list)
    n_fresh: int = 0
    nominals: Nominals | None = None
    categories: dict[str, int] = field(default_factory=dict)
    background_kinds: tuple[str, ...] = ()

    @property
    def population_size(self) -> int:
        return len(self.population) + self.n_fresh


class Planner:
    def __init__(self, settings: Settings) -> None:
        self.s = settings
        self.rng = random.Random(settings.seed)
        self.start = settings.start.toordinal()
        self.end = self.start + settings.days  # exclusive
        self.population: list[Individual] = []
        self.phonebook = contacts.PhoneBook(self.rng)
        self.courses: list[Course] = []
        self.orders: list[Order] = []
        self.one_offs: list[Incident] = []
        self.order_counters: dict[tuple[str, int], int] = {}
        self.officers = self._officers()
        self.cross_suspects: list[int] = []

    # ------------------------------------------------------------ people

    def person(
        self, *, gender: str | None = None, ages: tuple[int, int, int] = (18, 70, 32), **kwargs: Any
    ) -> Individual:
        rng = self.rng
        phone = self.phonebook.take(rng) if rng.random() < 0.9 else None
        ind = make_individual(
            rng, len(self.population), self.s.start, gender=gender, ages=ages, phone=phone, **kwargs
        )
        self.population.append(ind)
        return ind

    def _officers(self) -> list[tuple[str, Voice]]:
        rng = self.rng
        count = max(25, min(4000, self.s.records // 250))
        collars = rng.sample(range(1000, 9999), count)
        ranks = [r for r, _ in _RANKS]
        weights = [w for _, w in _RANKS]
        out = []
        for collar in collars:
            rank = rng.choices(ranks, weights)[0]
            out.append((f"{rank}{collar}", make_voice(rng)))
        return out

    def officer(self) -> int:
        return below(self.rng, len(self.officers))

    # ------------------------------------------------------------ time

    def _timeline(self, size: int, mean_gap: float) -> list[int]:
        rng = self.rng
        gaps = [max(1, int(rng.expovariate(1.0 / mean_gap))) for _ in range(size - 1)]
        room = self.s.days - 8
        total = sum(gaps)
        if total > room * 0.9:
            scale = room * 0.9 / max(total, 1)
            gaps = [max(1, int(g * scale)) for g in gaps]
            total = sum(gaps)
        first = self.start + between(rng, 0, max(1, room - total))
        days = [first]
        for gap in gaps:
            days.append(days[-1] + gap)
        return days

    def _minute(self, day: int, *, quick: bool = True) -> int:
        """Recorded time (minutes into the window) for conduct on ``day``."""
        rng = self.rng
        delay = 0 if rng.random() < 0.6 else (1 if rng.random() < 0.6 else between(rng, 2, 6))
        when = min(day + delay, self.end - 1)
        hour = weighted(rng, _HOURS, _HOUR_CUMULATIVE)
        return (when - self.start) * 1440 + hour * 60 + below(rng, 60)

    # ------------------------------------------------------------ stalking

    def stalking_course(self, size: int) -> Course:
        rng = self.rng
        rel = _weighted(rng, _STALKING_RELATIONSHIPS)
        victim_gender = "F" if rng.random() < (0.82 if rel in _DOMESTIC else 0.72) else "M"
        if rel in ("ex_partner", "current_partner"):
            suspect_gender = (
                ("M" if victim_gender == "F" else "F") if rng.random() < 0.9 else victim_gender
            )
        else:
            suspect_gender = "M" if rng.random() < 0.8 else "F"
        victim = self.person(gender=victim_gender, ages=(16, 70, 30))
        kwargs: dict[str, Any] = {}
        if rel == "neighbour":
            kwargs["address"] = places.neighbour_of(rng, victim.addresses[0][1])
        if rel == "current_partner" and rng.random() < 0.6:
            kwargs["address"] = victim.addresses[0][1]  # they live together
        if rel == "family":
            kwargs["surname"] = names.gendered_surname(
                victim.surname, victim.origin, suspect_gender
            )
            kwargs["origin"] = victim.origin
        ages = (17, 70, 36)
        if rel in ("ex_partner", "current_partner", "colleague", "acquaintance"):
            age = victim.age_on(self.start)
            ages = (max(17, age - 6), max(age + 12, 20), max(17, age + 2))
        suspect = self.person(gender=suspect_gender, ages=ages, **kwargs)
        if rel != "family":
            self._distinct_name(victim, suspect)
        days = self._timeline(size, pick(rng, (7.0, 12.0, 18.0, 25.0, 40.0)))
        lead = pick(rng, (0, 3, 10, 20, 45, 90, 150))
        since = max(days[0] - lead, self.start - 400)
        course = Course(
            cid=f"C{len(self.courses) + 1:05d}",
            kind=STALKING,
            theme=rel,
            relationship=rel,
            victim=victim.idx,
            suspect=suspect.idx,
            rel_noun=_relation_noun(rng, rel, suspect_gender),
            since=since,
            platforms=_platforms(rng, rel),
            car=pick(rng, CARS),
        )
        place, job = pick(rng, places.WORKPLACES)
        victim.workplace = (place, job)
        address = places.make_address(rng, victim.addresses[0][1].postcode.split()[0])
        course.workplace = f"{place} on {address.street_name()}" if rng.random() < 0.5 else place
        if rel == "colleague":
            suspect.workplace = victim.workplace
        if rel == "ex_partner":
            course.separated = since - between(rng, 0, 60)
            if rng.random() < 0.3 and victim.gender != suspect.gender:
                self._married_name(victim, suspect, course.separated)
                course.rel_noun = "ex-husband" if suspect.gender == "M" else "ex-wife"
        if rel in ("stranger",):
            course.identified_from = pick(rng, (2, 2, 3, size + 1, 1))
        elif rel == "online_only":
            course.identified_from = size + 1 if rng.random() < 0.6 else between(rng, 2, size + 2)
        self._associates(course, victim)
        self._stalking_incidents(course, days, victim, suspect)
        self._stalking_orders(course)
        for inc in course.incidents:
            self._stalking_classification(course, inc)
        if rng.random() < 0.12:
            self.cross_suspects.append(suspect.idx)
        self.courses.append(course)
        return course

    def _distinct_name(self, one: Individual, other: Individual) -> None:
        """Two people in one course get different names (a family may share one)."""
        while (other.forename, other.surname) == (one.forename, one.surname):
            other.forename = names.pick_forename(self.rng, other.origin, other.gender)

    def _married_name(self, wife: Individual, husband: Individual, separated: int) -> None:
        rng = self.rng
        maiden = wife.surname
        married = (
            husband.surname
            if wife.origin != "polish"
            else names.gendered_surname(husband.surname, husband.origin, "F")
        )
        wife.surnames = [(self.start - 4000, married)]
        wife.alt_surname = maiden
        wife.surname = married
        if rng.random() < 0.6:
            # She went back to her maiden name; old systems still hold the married one.
            wife.surnames.append((separated + between(rng, 20, 200), maiden))
            wife.alt_surname = married

    def _associates(self, course: Course, victim: Individual) -> None:
        rng = self.rng
        if rng.random() < 0.25:
            age = victim.age_on(self.start)
            mother = self.person(
                gender="F",
                ages=(age + 17, age + 45, age + 28),
                origin=victim.origin,
                surname=victim.alt_surname or victim.surname,
            )
            course.associates["mother"] = mother.idx
        if course.relationship == "ex_partner" and rng.random() < 0.3:
            partner = self.person(gender="M" if victim.gender == "F" else "F", ages=(18, 65, 33))
            course.associates["new_partner"] = partner.idx
        if rng.random() < 0.2:
            friend = self.person(ages=(18, 65, 30))
            course.associates["friend"] = friend.idx

    def _stalking_incidents(
        self, course: Course, days: list[int], victim: Individual, suspect: Individual
    ) -> None:
        rng = self.rng
        weights = _REPERTOIRE[course.relationship]
        repertoire = _sample_weighted(rng, weights, between(rng, 2, 7))
        previous = course.since
        for n, day in enumerate(days, start=1):
            sparse = n > 1 and rng.random() < 0.12
            count = 1 if sparse else rng.choices((1, 2, 3), (45, 40, 15))[0]
            local = {
                b: weights[b] * (1.0 + (0.25 * (n - 1) if b in _ESCALATING else 0.0))
                for b in repertoire
            }
            behaviours = tuple(_sample_weighted(rng, local, min(count, len(local))))
            if n == 1:
                span = day - course.since if rng.random() < 0.45 else between(rng, 0, 4)
            else:
                span = rng.choices((0, between(rng, 1, 4), between(rng, 4, 15)), (50, 30, 20))[0]
                span = min(span, max(0, day - previous - 1))
            previous = day
            inc = Incident(
                course=course,
                n=n,
                day=day,
                span=max(0, span),
                minute=self._minute(day),
                behaviours=behaviours,
                sparse=sparse,
            )
            inc.suspect_known = n >= course.identified_from
            course.incidents.append(inc)
        self._monotonic(course)
        self._signals(course)
        self._impacts(course, victim)
        for inc in course.incidents:
            if "new_accounts_after_block" in inc.behaviours and rng.random() < 0.7:
                handle = contacts.make_handle(
                    rng, suspect.forename, suspect.surname, suspect.dob.year
                )
                suspect.handles.append((inc.day - between(rng, 1, 6), handle))
                suspect.handles.sort()
            inc.people = self._incident_people(course, inc)
            inc.officer = (
                course.incidents[inc.n - 2].officer
                if inc.n > 1 and rng.random() < 0.5
                else self.officer()
            )
            inc.relationship = _recorded_relationship(rng, course.relationship)

    def _monotonic(self, course: Course) -> None:
        """Reports of one course are recorded in the order the conduct happened."""
        last = self.s.days * 1440 - 1
        for before, after in zip(course.incidents, course.incidents[1:], strict=False):
            if after.minute <= before.minute:
                after.minute = min(last, before.minute + 1 + below(self.rng, 600))

    def _signals(self, course: Course) -> None:
        rng = self.rng
        incs = course.incidents
        extra: dict[int, list[str]] = {i: [] for i in range(len(incs))}
        if course.relationship == "ex_partner" and rng.random() < 0.75:
            extra[0 if rng.random() < 0.7 else below(rng, len(incs))].append("ended")
        if rng.random() < 0.55:
            extra[below(rng, len(incs))].append("told_stop")
        online = [i for i, inc in enumerate(incs) if set(inc.behaviours) & ONLINE_BEHAVIOURS]
        if online and rng.random() < 0.5:
            extra[online[0]].append("blocked")
        if len(incs) > 2 and rng.random() < 0.25:
            extra[between(rng, 1, len(incs))].append("warned")
        for i, inc in enumerate(incs):
            if {"repeated_messages", "repeated_calls"} & set(
                inc.behaviours
            ) and rng.random() < 0.15:
                extra[i].append("volume")
        four = _four(incs, extra)
        if len(four) < 2 or (rng.random() < 0.5 and "unwanted" not in four):
            extra[below(rng, len(incs))].append("told_stop")
        for i, inc in enumerate(incs):
            inc.signals = tuple(dict.fromkeys(extra[i]))

    def _impacts(self, course: Course, victim: Individual) -> None:
        rng = self.rng
        moved = renumbered = False
        for inc in course.incidents:
            found = []
            if inc.sparse:
                continue
            if rng.random() < (0.45 if inc.n == 1 else 0.3):
                found.append("fear")
            if rng.random() < 0.15:
                found.append("distress")
            if rng.random() < 0.12:
                found.append("changed_routine")
            if not moved and inc.n > 1 and rng.random() < 0.08:
                moved = True
                found.append("moved")
                victim.addresses.append((inc.day - between(rng, 2, 20), places.make_address(rng)))
                victim.addresses.sort(key=lambda item: item[0])
            if not renumbered and rng.random() < 0.06:
                renumbered = True
                found.append("new_number")
                victim.phones.append((inc.day - between(rng, 1, 10), self.phonebook.take(rng)))
                victim.phones.sort()
            inc.impacts = tuple(found)

    def _incident_people(self, course: Course, inc: Incident) -> tuple[int, ...]:
        rng = self.rng
        flags = SPARSE if inc.sparse and rng.random() < 0.5 else 0
        victim_role, suspect_role = ("suspect", "victim") if inc.swapped else ("victim", "suspect")
        people = [person_code(victim_role, course.victim, flags)]
        if inc.suspect_known:
            people.append(person_code(suspect_role, course.suspect, flags))
        elif course.relationship == "online_only":
            people.append(person_code(suspect_role, course.suspect, NO_NAME))
        assoc = course.associates
        if "mother" in assoc and rng.random() < 0.3:
            people.append(person_code("reporter", assoc["mother"]))
        if "new_partner" in assoc and rng.random() < 0.25:
            people.append(
                person_code("other" if rng.random() < 0.6 else "witness", assoc["new_partner"])
            )
        if "friend" in assoc and rng.random() < 0.25:
            people.append(person_code("witness", assoc["friend"]))
        if rng.random() < 0.1:
            people.append(person_code("witness", FRESH))
        if len(people) > 1 and rng.random() < 0.08:
            people[0], people[1] = people[1], people[0]
        return tuple(people)

    def _stalking_orders(self, course: Course) -> None:
        rng = self.rng
        incs = course.incidents
        domestic = course.relationship in _DOMESTIC
        if len(incs) >= 3 and rng.random() < 0.42:
            k = between(rng, 1, len(incs) - 1)  # made after incident k (1-based)
            low, high = incs[k - 1].day + 1, incs[k].day - 1
            if high < low:
                return
            made = rng.randint(low, high)
            kind = _weighted(rng, _ORDER_TYPES_DOMESTIC if domestic else _ORDER_TYPES_OTHER)
            self._make_orders(course, kind, made)
        elif rng.random() < 0.1:
            kind = "restraining_order"
            if domestic and rng.random() < 0.3:
                kind = "non_molestation_order"
            elif not domestic and rng.random() < 0.3:
                kind = "spo"
            made = incs[0].day - between(rng, 60, 700)
            self._make_orders(course, kind, made)
        self._mark_breaches(course, 0.85)

    def _make_orders(self, course: Course, kind: str, made: int) -> None:
        rng = self.rng
        protected = [course.victim]
        for role in ("new_partner", "mother"):
            if role in course.associates and rng.random() < 0.3:
                protected.append(course.associates[role])
        if kind == "dvpn":
            self._order(course, "dvpn", made, made + 2, protected)
            self._order(course, "dvpo", made + 2, made + 2 + pick(rng, (14, 21, 28)), protected)
        elif kind == "interim_spo":
            ends = made + between(rng, 28, 57)
            self._order(course, "interim_spo", made, ends, protected)
            if rng.random() < 0.7:
                full = None if rng.random() < 0.3 else ends + 730
                self._order(course, "spo", ends, full, protected)
        elif kind == "spo":
            self._order(course, "spo", made, None if rng.random() < 0.3 else made + 730, protected)
        elif kind == "restraining_order":
            years = pick(rng, (1, 2, 3, 5, 0))
            self._order(course, kind, made, made + 365 * years if years else None, protected)
        elif kind == "non_molestation_order":
            self._order(course, kind, made, made + pick(rng, (183, 365)), protected)
        else:  # bail conditions
            self._order(course, "bail_conditions", made, made + 90, protected[:1])

    def _order(
        self,
        course: Course | None,
        kind: str,
        made: int,
        expires: int | None,
        protected: list[int],
        subject: int | None = None,
    ) -> Order:
        rng = self.rng
        year = date.fromordinal(made).year
        key = (kind, year)
        number = self.order_counters.get(key, between(rng, 1, 40)) + between(rng, 1, 4)
        self.order_counters[key] = number
        status = "active"
        if expires is not None and expires < self.end:
            status = "expired"
        elif rng.random() < 0.05:
            status = "varied"
        elif rng.random() < 0.04:
            status = "discharged"
        suspect = course.suspect if course is not None else subject
        assert suspect is not None
        order = Order(
            ref=f"{_ORDER_PREFIX[kind]}/{year}/{number:04d}",
            type=kind,
            subject=suspect,
            protected=list(protected),
            made_on=made,
            expires_on=expires,
            status=status,
            course=course,
            distance=pick(rng, (50, 100, 100, 200, 500)),
        )
        if course is not None:
            course.orders.append(order)
        self.orders.append(order)
        return order

    def _mark_breaches(self, course: Course, rate: float) -> None:
        rng = self.rng
        if not course.orders:
            return
        for inc in course.incidents:
            in_force = [
                o
                for o in course.orders
                if o.made_on < inc.day
                and (o.expires_on is None or inc.day <= o.expires_on)
                and o.type != "dvpn"
            ]
            if in_force and rng.random() < rate:
                inc.breached = in_force[-1]

    def _stalking_classification(self, course: Course, inc: Incident) -> None:
        rng = self.rng
        # The most serious act decides the principal class (principal crime rule).
        ranked = sorted(inc.behaviours, key=lambda b: -_SERIOUSNESS.get(b, 0))
        main = ranked[0] if rng.random() < 0.7 else inc.behaviours[0]
        act = pick(rng, BEHAVIOUR_CLASS[main])
        included: list[str] = []
        flags: list[str] = []
        if inc.breached is not None:
            order = inc.breached
            if order.type in ("dvpo", "bail_conditions"):
                cls = act if act != "8Q" else "8L"  # not an offence in itself
            elif order.type in ("spo", "interim_spo"):
                cls = pick(rng, ("8Q", "8L", act, act))
            else:
                cls = pick(rng, ("8L", "8L", act))
            if cls != act and act not in ("8L", "8Q") and rng.random() < 0.3:
                included.append(act)
            flags.append("breach_of_order")
        elif (course.relationship == "current_partner" and rng.random() < 0.6) or (
            course.relationship == "ex_partner" and rng.random() < 0.12
        ):
            cls = "8U"
        else:
            cls = act
        # Later reports are more often recognised as stalking.
        if cls != "8Q" and rng.random() < min(0.3, 0.05 + 0.03 * (inc.n - 1)):
            cls = "8Q"
        if cls != "8Q" and rng.random() < 0.16:
            included.append("8Q")
        if cls == "8Q" and act not in ("8Q", "8L") and rng.random() < 0.4:
            included.append(act)
        if course.relationship in _DOMESTIC and rng.random() < 0.9:
            flags.insert(0, "domestic_abuse")
        online = set(inc.behaviours) & ONLINE_BEHAVIOURS
        if online and rng.random() < 0.85:
            flags.append("online")
        if "8Q" in (cls, *included) and rng.random() < 0.3:
            flags.append("stalking")
        inc.classification = cls
        inc.included = tuple(dict.fromkeys(included))
        inc.flags = tuple(flags)

    # ------------------------------------------------------------ disputes

    def dispute_course(self, size: int) -> Course:
        rng = self.rng
        theme = _weighted(rng, _DISPUTE_THEMES)
        spec = THEMES[theme]
        rel = pick(rng, spec["relationship"])
        victim = self.person(ages=(20, 80, 45))
        kwargs: dict[str, Any] = {}
        if rel == "neighbour":
            kwargs["address"] = places.neighbour_of(rng, victim.addresses[0][1])
        if rel == "family":
            kwargs["origin"] = victim.origin
            kwargs["surname"] = victim.surname
        suspect = self.person(
            gender="M" if rng.random() < 0.6 else "F", ages=(20, 80, 45), **kwargs
        )
        self._distinct_name(victim, suspect)
        days = self._timeline(size, pick(rng, (10.0, 18.0, 30.0)))
        since = days[0] - pick(rng, (0, 14, 30, 90, 200))
        course = Course(
            cid=f"C{len(self.courses) + 1:05d}",
            kind=HARASSMENT,
            theme=theme,
            relationship=rel,
            victim=victim.idx,
            suspect=suspect.idx,
            rel_noun={
                "neighbour": "neighbour",
                "family": pick(rng, ("brother", "sister", "cousin", "brother-in-law")),
                "colleague": "colleague",
            }.get(rel, ""),
            since=since,
            platforms=_platforms(rng, rel),
            car=pick(rng, CARS),
            issue=grammar.render(pick(rng, spec["issue"]), rng, {}, None),
            amount=str(pick(rng, (150, 400, 850, 1200, 2500, 4000, 7500))),
        )
        acts = spec["acts"]
        classes = spec["classes"]
        for n, day in enumerate(days, start=1):
            chosen = rng.sample(range(len(acts)), rng.choices((1, 2), (60, 40))[0])
            inc = Incident(
                course=course,
                n=n,
                day=day,
                span=0 if rng.random() < 0.7 else 2,
                minute=self._minute(day),
            )
            inc.acts = tuple(chosen)
            inc.behaviours = tuple(dict.fromkeys(acts[i][0] for i in chosen))
            inc.swapped = n > 1 and rng.random() < 0.18
            inc.people = self._incident_people(course, inc)
            inc.officer = self.officer()
            inc.relationship = _recorded_relationship(rng, rel)
            cls = pick(rng, classes)
            if rng.random() < 0.02:
                cls = "8Q"  # over-recorded: a dispute is not stalking
            flags = []
            if rel == "family" and rng.random() < 0.8:
                flags.append("domestic_abuse")
            if "repeated_messages" in inc.behaviours and rng.random() < 0.5:
                flags.append("online")
            inc.classification = cls
            inc.flags = tuple(flags)
            course.incidents.append(inc)
        self._monotonic(course)
        four = {"repeated"}
        for inc in course.incidents:
            for i in inc.acts:
                four.update(acts[i][1])
        course.four = tuple(
            x for x in ("fixated", "obsessive", "unwanted", "repeated") if x in four
        )
        if size >= 3 and rng.random() < 0.08:
            incs = course.incidents
            k = between(rng, 1, len(incs) - 1)
            low, high = incs[k - 1].day + 1, incs[k].day - 1
            if high >= low:
                kind = "restraining_order" if rng.random() < 0.5 else "bail_conditions"
                self._make_orders(course, kind, rng.randint(low, high))
                self._mark_breaches(course, 0.7)
                for inc in course.incidents:
                    if inc.breached is not None:
                        inc.flags = (*inc.flags, "breach_of_order")
        self.courses.append(course)
        return course

    # ------------------------------------------------------------ one-offs

    def one_off(self) -> Incident:
        rng = self.rng
        subtype = _weighted(rng, _ONE_OFF_WEIGHTS)
        spec = ONE_OFFS[subtype]
        rel = pick(rng, spec["relationship"])
        victim = self.person(ages=(16, 80, 35))
        day = self.start + between(rng, 0, self.s.days - 6)
        inc = Incident(
            course=None,
            n=1,
            day=day,
            span=0,
            minute=self._minute(day),
            behaviours=tuple(spec["behaviours"]),
            subtype=subtype,
        )
        people = [person_code("victim", victim.idx)]
        suspect: Individual | None = None
        if subtype != "single_threatening_call":
            suspect = self.person(gender="M" if rng.random() < 0.8 else "F", ages=(17, 70, 35))
            people.append(person_code("suspect", suspect.idx))
        inc.people = tuple(people)
        inc.officer = self.officer()
        inc.classification = pick(rng, spec["classes"])
        flags = []
        if rel in _DOMESTIC and rng.random() < 0.9:
            flags.append("domestic_abuse")
        if subtype in ("single_abusive_post", "single_message_from_ex") and rng.random() < 0.7:
            flags.append("online")
        inc.flags = tuple(flags)
        inc.relationship = _recorded_relationship(rng, rel)
        inc.true_relationship = rel
        if subtype == "domestic_assault" and suspect is not None and rng.random() < 0.25:
            self._order(None, "dvpn", day + 1, day + 3, [victim.idx], subject=suspect.idx)
        self.one_offs.append(inc)
        return inc


_DISPUTE_THEMES = {
    "neighbour_boundary": 20.0,
    "neighbour_parking": 14.0,
    "neighbour_noise": 14.0,
    "business_money": 16.0,
    "family_row": 10.0,
    "landlord_tenant": 8.0,
    "one_issue_row": 18.0,
}
_ONE_OFF_WEIGHTS = {
    "single_threatening_call": 20.0,
    "single_message_from_ex": 18.0,
    "doorstep_row_ex": 15.0,
    "pub_threats": 12.0,
    "single_abusive_post": 12.0,
    "domestic_assault": 15.0,
    "road_rage_threat": 8.0,
}
# Hour of recording: quiet overnight, busy afternoon and evening.
_HOUR_WEIGHTS = (3, 2, 2, 1, 1, 1, 2, 4, 6, 7, 7, 7, 7, 7, 7, 7, 8, 8, 8, 7, 6, 5, 4, 3)
_HOURS = tuple(range(24))
_HOUR_CUMULATIVE = tuple(itertools.accumulate(_HOUR_WEIGHTS))


def _weighted(rng: random.Random, weights: Mapping[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, [weights[k] for k in keys])[0]


def _sample_weighted(rng: random.Random, weights: dict[str, float], k: int) -> list[str]:
    pool = dict(weights)
    out: list[str] = []
    for _ in range(min(k, len(pool))):
        choice = _weighted(rng, pool)
        out.append(choice)
        del pool[choice]
    return out


def _four(incs: list[Incident], extra: dict[int, list[str]]) -> set[str]:
    four = {"repeated"}
    for i, inc in enumerate(incs):
        for b in inc.behaviours:
            four.update(BEHAVIOURS[b][0])
        for s in extra[i]:
            four.update(SIGNALS[s][0])
    return four


def _platforms(rng: random.Random, rel: str) -> tuple[str, ...]:
    count = rng.choices((1, 2, 3), (50, 35, 15))[0]
    chosen: list[str] = []
    weights = list(_PLATFORM_WEIGHTS)
    if rel == "online_only":
        weights[0] = 1  # rarely plain texts from someone known only online
    while len(chosen) < count:
        p = rng.choices(_PLATFORMS, weights)[0]
        if p not in chosen:
            chosen.append(p)
    return tuple(chosen)


def _relation_noun(rng: random.Random, rel: str, gender: str) -> str:
    male = gender == "M"
    options = {
        "ex_partner": (
            "ex-partner",
            "ex-partner",
            "former partner",
            "ex-boyfriend" if male else "ex-girlfriend",
        ),
        "current_partner": ("partner", "boyfriend" if male else "girlfriend"),
        "family": ("brother", "son", "cousin", "stepfather", "uncle")
        if male
        else ("sister", "daughter", "cousin", "stepmother", "aunt"),
        "acquaintance": ("acquaintance", "former friend", "friend of a friend"),
        "colleague": ("colleague", "co-worker", "former colleague", "manager"),
        "neighbour": ("neighbour",),
    }.get(rel, ("",))
    return pick(rng, options)


def _recorded_relationship(rng: random.Random, rel: str) -> str | None:
    r = rng.random()
    if r < 0.8:
        return rel
    if r < 0.88:
        return "unknown"
    return None


def count_fresh(payload: Any) -> int:
    if isinstance(payload, Incident):
        return sum(1 for code in payload.people if unpack(code)[1] == FRESH)
    fresh: int = payload[2]
    return fresh


def size_plan(records: int) -> tuple[int, int, int]:
    stalking = round(records * SHARE_STALKING)
    dispute = round(records * SHARE_DISPUTE)
    one_off = round(records * SHARE_ONE_OFF)
    if stalking < 2:
        stalking = 0
    if dispute < 2:
        dispute = 0
    return stalking, dispute, one_off


def _sizes(rng: random.Random, budget: int, table: tuple[tuple[int, int], ...]) -> list[int]:
    out = []
    top = table[-1][0]
    while budget >= 2:
        size = min(rng.choices([s for s, _ in table], [w for _, w in table])[0], budget)
        if budget - size == 1:
            size = size + 1 if size < top else size - 1
        out.append(size)
        budget -= size
    return out


def make_plan(settings: Settings) -> Plan:
    planner = Planner(settings)
    rng = planner.rng
    n = settings.records
    n_stalking, n_dispute, n_one_off = size_plan(n)
    incidents: list[Incident] = []
    for size in _sizes(rng, n_stalking, _STALKING_SIZES):
        incidents.extend(planner.stalking_course(size).incidents)
    for size in _sizes(rng, n_dispute, _DISPUTE_SIZES):
        incidents.extend(planner.dispute_course(size).incidents)
    for _ in range(n_one_off):
        incidents.append(planner.one_off())
    n_background = n - len(incidents)
    background, kinds = _plan_background(planner, n_background)
    for course in planner.courses:
        _finish_course(course)

    entries: list[tuple[int, int, Any]] = []
    for seq, inc in enumerate(incidents):
        entries.append((inc.minute, seq, inc))
    offset = len(entries)
    for seq, item in enumerate(background):
        entries.append((item[0], offset + seq, item[1]))
    entries.sort()  # (minute, seq): seq is unique, so payloads are never compared

    plan = Plan(
        settings,
        planner.population,
        planner.officers,
        planner.courses,
        sorted(planner.orders, key=lambda o: (o.made_on, o.ref)),
        entries=entries,
        background_kinds=kinds,
    )
    _assign_refs(plan, rng)
    plan.nominals = Nominals(settings.prefix, plan.population_size, settings.seed)
    for person in planner.population:
        if rng.random() < 0.04:
            person.dup_nominal = plan.nominals.duplicate(person.idx)
            person.dup_from = planner.start + below(rng, settings.days)
        _life_events(planner, person)
    plan.categories = {
        CAT_STALKING: sum(len(c.incidents) for c in plan.courses if c.kind == STALKING),
        CAT_DISPUTE: sum(len(c.incidents) for c in plan.courses if c.kind == HARASSMENT),
        CAT_ONE_OFF: len(planner.one_offs),
        CAT_BACKGROUND: n_background,
    }
    return plan


def _finish_course(course: Course) -> None:
    behaviours: list[str] = []
    impacts: list[str] = []
    four = set(course.four) | {"repeated"}
    for inc in course.incidents:
        behaviours.extend(inc.behaviours)
        impacts.extend(inc.impacts)
        if inc.breached is not None:
            behaviours.append("breach_of_order")
            four.add("unwanted")
        if course.kind == STALKING:
            for b in inc.behaviours:
                four.update(BEHAVIOURS[b][0])
            for s in inc.signals:
                four.update(SIGNALS[s][0])
    course.behaviours = tuple(dict.fromkeys(behaviours))
    course.impacts = tuple(dict.fromkeys(impacts))
    course.four = tuple(x for x in ("fixated", "obsessive", "unwanted", "repeated") if x in four)


def _plan_background(
    planner: Planner, count: int
) -> tuple[list[tuple[int, tuple[int, tuple[int, ...], int]]], tuple[str, ...]]:
    """Background records as (minute, (kind index, people codes, fresh count)).

    Most people on background records are seen once (fresh): the renderer makes them.
    """
    rng = planner.rng
    kinds = tuple(BACKGROUND)
    weights = [float(BACKGROUND[k]["weight"]) for k in kinds]
    prolific = [
        planner.person(gender="M" if rng.random() < 0.75 else "F", ages=(16, 60, 28)).idx
        for _ in range(max(5, count // 120))
    ]
    staff = [planner.person(ages=(18, 65, 35)).idx for _ in range(max(3, count // 300))]
    repeat_victims = [planner.person(ages=(18, 85, 45)).idx for _ in range(max(3, count // 400))]
    cross = list(planner.cross_suspects)
    stalking_victims = [c.victim for c in planner.courses if c.kind == STALKING]
    cross_uses: dict[int, int] = {}
    minutes = planner.s.days * 1440
    out = []
    cumulative = tuple(itertools.accumulate(weights))
    indices = tuple(range(len(kinds)))
    roles = [
        tuple((role.rstrip("?"), role.endswith("?")) for role in BACKGROUND[k]["people"])
        for k in kinds
    ]
    for _ in range(count):
        kind = weighted(rng, indices, cumulative)
        day = below(rng, planner.s.days)
        minute = min(
            minutes - 1,
            day * 1440 + weighted(rng, _HOURS, _HOUR_CUMULATIVE) * 60 + below(rng, 60),
        )
        people: list[int] = []
        fresh = 0
        for role, optional in roles[kind]:
            if optional and rng.random() > (0.35 if role == "suspect" else 0.2):
                continue
            idx = FRESH
            r = rng.random()
            if role == "suspect":
                if cross and r < 0.004:
                    chosen = pick(rng, cross)
                    if cross_uses.get(chosen, 0) < 2:
                        cross_uses[chosen] = cross_uses.get(chosen, 0) + 1
                        idx = chosen
                elif r < (0.55 if kinds[kind] == "shoplifting" else 0.2):
                    idx = pick(rng, prolific)
            elif role == "reporter" and r < 0.6:
                idx = pick(rng, staff)
            elif role == "victim":
                if r < 0.02:
                    idx = pick(rng, repeat_victims)
                elif stalking_victims and r < 0.023:
                    idx = pick(rng, stalking_victims)
            fresh += idx == FRESH
            people.append(person_code(role, idx))
        out.append((minute, (kind, tuple(people), fresh)))
    return out, kinds


def _life_events(planner: Planner, person: Individual) -> None:
    """Ordinary change over two years: a move, a new phone, a new handle."""
    rng = planner.rng
    if rng.random() < 0.08:
        day = planner.start + below(rng, planner.s.days)
        person.addresses.append((day, places.make_address(rng)))
        person.addresses.sort(key=lambda item: item[0])
    if rng.random() < 0.06:
        day = planner.start + below(rng, planner.s.days)
        person.phones.append((day, planner.phonebook.take(rng)))
        person.phones.sort()
    if person.handles and rng.random() < 0.05:
        day = planner.start + below(rng, planner.s.days)
        handle = contacts.make_handle(rng, person.forename, person.surname, person.dob.year)
        person.handles.append((day, handle))
        person.handles.sort()


def _assign_refs(plan: Plan, rng: random.Random) -> None:
    """Crime references in recording order, numbered per year, and fresh person ids."""
    prefix = plan.settings.prefix
    start = plan.settings.start.toordinal()
    counters: dict[int, int] = {}
    fresh = len(plan.population)
    refs: list[str] = []
    bases: list[int] = []
    year_of: dict[int, int] = {}
    for minute, _, payload in plan.entries:
        day = start + minute // 1440
        year = year_of.get(day)
        if year is None:
            year = date.fromordinal(day).year
            year_of[day] = year
        number = counters.get(year)
        if number is None:
            number = between(rng, 5_000, 30_000)
        number += 1 + (0 if rng.random() < 0.5 else between(rng, 1, 4))
        counters[year] = number
        ref = f"{prefix}/{number:08d}/{year % 100:02d}"
        refs.append(ref)
        if isinstance(payload, Incident):
            payload.ref = ref
        bases.append(fresh)
        fresh += count_fresh(payload)
    plan.refs = refs
    plan.fresh_base = bases
    plan.n_fresh = fresh - len(plan.population)
