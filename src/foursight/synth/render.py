"""Render the plan into exchange-format records and truth lines, one chunk at a time.

Each chunk of the sorted plan is rendered with its own ``random.Random`` seeded from
(seed, chunk number), so chunks can be rendered in any process and in any order and the
output is still byte-identical for a seed.
"""

from __future__ import annotations

import itertools
import json
import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import grammar, people
from .model import (
    CAT_BACKGROUND,
    CAT_DISPUTE,
    CAT_ONE_OFF,
    CAT_STALKING,
    FRESH,
    NO_NAME,
    SPARSE,
    STALKING,
    Course,
    Incident,
    Order,
    unpack,
)
from .phrases_course import (
    BEGINNINGS,
    BEHAVIOURS,
    HISTORY,
    IMPACTS,
    OTHER_TRAPS,
    PARTNER_TRAPS,
    POLICE,
    SIGNALS,
    TRAPS,
)
from .phrases_dispute import DISPUTE_NOTES, DISPUTE_POLICE, THEMES
from .phrases_other import BACKGROUND, GOODS, ONE_OFFS, VEHICLES
from .places import SHOPS, VENUES, Address, make_address, write_address
from .plan import Plan
from .rand import below, between, pick, weighted
from .voice import SLOTS, Ctx, PersonView, Voice, finish, frame

CHUNK = 2_000

ORDER_NAMES = {
    "spo": (("a Stalking Protection Order", "an SPO"), ("SPO",)),
    "interim_spo": (
        ("an interim SPO", "an interim Stalking Protection Order"),
        ("ISPO", "interim SPO"),
    ),
    "restraining_order": (("a restraining order",), ("RO", "restraining order")),
    "non_molestation_order": (("a non-molestation order", "an NMO"), ("NMO", "non-mol")),
    "dvpo": (("a DVPO", "a Domestic Violence Protection Order"), ("DVPO",)),
    "dvpn": (("a DVPN",), ("DVPN",)),
    "bail_conditions": (("bail conditions", "police bail conditions"), ("bail conditions",)),
}

ORDER_LINES = (
    "{S} is [subject to|bound by|on] {order_name} [made|granted|issued] on {order_date} "
    "[not to contact {Vo}|prohibiting contact with {Vo}|which prevents {shim} contacting {Vo}]",
    "[This|This contact|Which] is in breach of the {order_abbr} <dated {order_date}>",
    "{order_abbr} [in place|active] until {order_expiry} - [no contact|not to contact {Vo}|not "
    "to attend {home}]",
    "Breach of {order_abbr}: {S} [contacted|messaged|went to] [{Vo}|{home}] [contrary to|"
    "against|despite] the [conditions|order]",
    "[Contact|Attending] is [prohibited|not allowed] under the {order_abbr} <made on {order_date}>",
)

SPARSE_LINES: dict[str, tuple[str, ...]] = {
    "repeated_messages": (
        "[Further|More|Another load of] {msgs} from {So} <{span}>",
        "{V} reports [more|further] {msgs} from {So}",
        "[Msgs|Messages|Contact] [continue|continuing|ongoing] from {So}",
    ),
    "repeated_calls": ("[More|Further] {calls} from {So} <{span}>",),
    "turning_up_home": (
        "{S} [at address again|attended again|turned up again] <{when}>",
        "As per [previous|prev] - {S} [at|outside] {home} again",
    ),
}

_AMOUNTS = {
    "shop": (12, 18, 25, 40, 55, 60, 85, 120, 150, 240, 400),
    "home": (40, 85, 120, 150, 240, 400, 650, 900, 1500, 2800),
    "car": (25, 60, 120, 240, 400, 650, 900, 1500),
}
_RACIST = (
    "{S} [used racist language|made racist comments|racially abused {Vo}] <during the incident>"
)

# Home Office outcome codes with rough weights.
Outcomes = tuple[tuple[int, int], ...]
_OUTCOMES_NO_SUSPECT: Outcomes = ((18, 70), (14, 15), (20, 5), (17, 5), (21, 5))
_OUTCOMES_SUSPECT: Outcomes = (
    (1, 20),
    (8, 10),
    (3, 8),
    (15, 20),
    (16, 22),
    (14, 8),
    (21, 4),
    (2, 2),
    (10, 2),
    (22, 4),
)
_OUTCOMES_COURSE: Outcomes = (
    (16, 30),
    (15, 25),
    (1, 22),
    (3, 5),
    (21, 4),
    (14, 8),
    (8, 2),
    (22, 4),
)
_CUMULATIVE: dict[Outcomes, tuple[tuple[int, ...], tuple[int, ...]]] = {
    table: (tuple(c for c, _ in table), tuple(itertools.accumulate(w for _, w in table)))
    for table in (_OUTCOMES_NO_SUSPECT, _OUTCOMES_SUSPECT, _OUTCOMES_COURSE)
}


def _pick(rng: random.Random, table: Outcomes) -> int:
    codes, cumulative = _CUMULATIVE[table]
    return weighted(rng, codes, cumulative)


@dataclass(slots=True)
class ChunkResult:
    crimes: bytes
    truth: bytes
    mentions: int
    with_ref: int


class Renderer:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.s = plan.settings
        self.start = self.s.start.toordinal()
        self.end = self.start + self.s.days
        assert plan.nominals is not None
        self.nominals = plan.nominals
        self._day_text: dict[int, str] = {}
        self._nominal_cache: dict[int, str] = {}
        self._shared = len(plan.population)

    # ------------------------------------------------------------ chunks

    def chunk_count(self) -> int:
        return (len(self.plan.entries) + CHUNK - 1) // CHUNK

    def render_chunk(self, k: int) -> ChunkResult:
        rng = random.Random(f"foursight-synth:{self.s.seed}:chunk:{k}")
        crimes: list[str] = []
        truth: list[str] = []
        mentions = with_ref = 0
        dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        lo = k * CHUNK
        hi = min(len(self.plan.entries), lo + CHUNK)
        for i in range(lo, hi):
            minute, _, payload = self.plan.entries[i]
            record, truth_record, mention_ids = self.render_entry(rng, i, minute, payload)
            crimes.append(dumps(record))
            truth.append(dumps(truth_record))
            ref = record["crime_ref"]
            # Refs and ids are plain ASCII, so these lines need no JSON escaping.
            for index, (person, individual) in enumerate(
                zip(record.get("people", ()), mention_ids, strict=True)
            ):
                truth.append(
                    f'{{"type":"mention","source_ref":"{ref}","mention":{index},'
                    f'"individual":"{individual}"}}'
                )
                mentions += 1
                with_ref += "person_ref" in person
        crimes.append("")
        truth.append("")
        return ChunkResult(
            "\n".join(crimes).encode(), "\n".join(truth).encode(), mentions, with_ref
        )

    # ------------------------------------------------------------ one record

    def render_entry(
        self, rng: random.Random, i: int, minute: int, payload: Any
    ) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
        ref = self.plan.refs[i]
        fresh = self.plan.fresh_base[i]
        recorded_day = self.start + minute // 1440
        record: dict[str, Any] = {
            "crime_ref": ref,
            "force": self.s.force,
            "recorded_at": self._when(recorded_day, minute % 1440),
        }
        if isinstance(payload, Incident):
            return self._incident(rng, record, payload, fresh, recorded_day, minute)
        return self._background(rng, record, payload, fresh, recorded_day, minute)

    def _when(self, day: int, minute_of_day: int) -> str:
        text = self._day_text.get(day)
        if text is None:
            text = date.fromordinal(day).isoformat()
            self._day_text[day] = text
        return f"{text}T{minute_of_day // 60:02d}:{minute_of_day % 60:02d}:00"

    def _date(self, day: int) -> str:
        text = self._day_text.get(day)
        if text is None:
            text = date.fromordinal(day).isoformat()
            self._day_text[day] = text
        return text

    def _occurred(
        self,
        rng: random.Random,
        record: dict[str, Any],
        day: int,
        span: int,
        recorded_day: int,
        minute: int,
    ) -> None:
        if span > 0:
            record["occurred_from"] = self._date(day - span)
            record["occurred_to"] = self._date(day)
            return
        latest = minute % 1440 if day == recorded_day else 1439
        at = between(rng, 0, latest + 1)
        record["occurred_from"] = self._when(day, at)
        if rng.random() < 0.3:
            record["occurred_to"] = self._when(day, min(latest, at + pick(rng, (5, 15, 30, 60))))

    def _people(
        self,
        rng: random.Random,
        codes: tuple[int, ...],
        fresh: int,
        day: int,
    ) -> tuple[list[dict[str, Any]], list[str], list[people.Individual]]:
        out = []
        ids = []
        persons = []
        for code in codes:
            role, idx, flags = unpack(code)
            if idx == FRESH:
                person = self._fresh(rng, fresh, role, day)
                fresh += 1
            else:
                person = self.plan.population[idx]
            detail = people.DETAIL[
                "online" if flags & NO_NAME else "sparse" if flags & SPARSE else role
            ]
            out.append(
                people.write_mention(
                    rng,
                    person,
                    day,
                    self._nominal(person.idx),
                    role=role,
                    detail=detail,
                    ref_rate=self.s.ref_rate,
                    name=not flags & NO_NAME,
                )
            )
            ids.append(f"I{person.idx:06d}")
            persons.append(person)
        return out, ids, persons

    def _nominal(self, idx: int) -> str:
        found = self._nominal_cache.get(idx)
        if found is None:
            found = self.nominals.primary(idx)
            if idx < self._shared:
                self._nominal_cache[idx] = found
        return found

    def _fresh(self, rng: random.Random, idx: int, role: str, day: int) -> people.Individual:
        ages = {"witness": (16, 80, 35), "reporter": (18, 65, 34)}.get(role, (16, 75, 30))
        return people.make_individual(rng, idx, date.fromordinal(day), ages=ages, lazy=True)

    def _view(
        self,
        rng: random.Random,
        person: people.Individual | None,
        day: int,
        noun: str = "",
        known: bool = True,
    ) -> PersonView:
        if person is None:
            return PersonView("", "", "M" if rng.random() < 0.7 else "F", noun=noun, known=False)
        return PersonView(
            people.spoken_forename(rng, person),
            people.write_surname(rng, person, day).title()
            if rng.random() < 0.7
            else people.write_surname(rng, person, day),
            person.gender,
            noun=noun,
            known=known,
        )

    def _location(self, rng: random.Random, address: Address | None) -> dict[str, Any] | None:
        if address is None:
            return None
        out: dict[str, Any] = {"address": write_address(rng, address), "postcode": address.postcode}
        if rng.random() < 0.75:
            out["lat"] = address.lat
            out["lon"] = address.lon
        return out

    def _outcome(
        self,
        rng: random.Random,
        record: dict[str, Any],
        recorded_day: int,
        table: tuple[tuple[int, int], ...],
        rate: float,
    ) -> None:
        if rng.random() > rate:
            return
        day = recorded_day + between(rng, 3, 200)
        if day >= self.end:
            return
        record["outcome"] = {"code": _pick(rng, table), "date": self._date(day)}

    # ------------------------------------------------------------ courses and one-offs

    def _incident(
        self,
        rng: random.Random,
        record: dict[str, Any],
        inc: Incident,
        fresh: int,
        recorded_day: int,
        minute: int,
    ) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
        self._occurred(rng, record, inc.day, inc.span, recorded_day, minute)
        record["classification"] = inc.classification
        record["included_classifications"] = list(inc.included)
        record["flags"] = list(inc.flags)
        if inc.relationship:
            record["relationship"] = inc.relationship
        mentions, ids, persons = self._people(rng, inc.people, fresh, inc.day)
        course = inc.course
        officer_id, voice = self.plan.officers[inc.officer]
        if course is None:
            narrative, location = self._one_off(rng, voice, inc, persons)
            category = CAT_ONE_OFF
        elif course.kind == STALKING:
            narrative, location = self._stalking(rng, voice, inc, course)
            category = CAT_STALKING
        else:
            narrative, location = self._dispute(rng, voice, inc, course)
            category = CAT_DISPUTE
        record["narrative"] = narrative
        record["people"] = mentions
        if inc.breached is not None:
            record["order_refs"] = [inc.breached.ref]
        if rng.random() < 0.93:
            record["officer_in_charge"] = officer_id
        if location is not None and rng.random() < 0.85:
            record["location"] = location
        self._outcome(
            rng,
            record,
            recorded_day,
            _OUTCOMES_COURSE if course is not None else _OUTCOMES_SUSPECT,
            0.55,
        )
        truth = {
            "type": "record",
            "crime_ref": record["crime_ref"],
            "course_id": course.cid if course is not None else None,
            "stalking": course is not None and course.kind == STALKING,
            "category": category,
            "subtype": course.theme if course is not None else inc.subtype,
            "behaviours": list(inc.behaviours) + (["breach_of_order"] if inc.breached else []),
        }
        return record, truth, ids

    def _course_ctx(self, rng: random.Random, voice: Voice, inc: Incident, course: Course) -> Ctx:
        pop = self.plan.population
        victim = pop[course.victim]
        suspect = pop[course.suspect]
        if inc.swapped:
            victim, suspect = suspect, victim
        day = date.fromordinal(inc.day)
        known = inc.suspect_known
        v = self._view(rng, victim, inc.day)
        s = self._view(rng, suspect, inc.day, noun=course.rel_noun, known=known)
        home = victim.address_on(inc.day)
        previous = course.incidents[: inc.n - 1]
        ctx = Ctx(
            rng=rng,
            voice=voice,
            day=day,
            first_day=date.fromordinal(inc.day - inc.span),
            victim=v,
            suspect=s,
            relationship=course.relationship,
            since=date.fromordinal(course.since),
            separated=date.fromordinal(course.separated) if course.separated else None,
            ordinal=inc.n,
            prev_refs=tuple(p.ref for p in previous),
            prev_days=tuple(date.fromordinal(p.day) for p in previous),
            home_street=home.street_name() if home else "the street",
            workplace=course.workplace,
            place_name=pick(rng, VENUES) if rng.random() < 0.5 else pick(rng, SHOPS),
            car=course.car,
            platform_pool=course.platforms,
        )
        ctx.extra["issue"] = course.issue
        ctx.extra["amount"] = course.amount
        if inc.breached is not None:
            order = inc.breached
            names, abbrs = ORDER_NAMES[order.type]
            ctx.order_name = pick(rng, names)
            ctx.order_abbr = pick(rng, abbrs)
            ctx.order_made = date.fromordinal(order.made_on)
            ctx.order_expires = date.fromordinal(order.expires_on) if order.expires_on else None
        return ctx

    def _stalking(
        self, rng: random.Random, voice: Voice, inc: Incident, course: Course
    ) -> tuple[str, dict[str, Any] | None]:
        ctx = self._course_ctx(rng, voice, inc, course)
        slots = _slots()
        say: list[str] = []

        def add(template: str) -> None:
            say.append(grammar.render(template, rng, slots, ctx))

        if inc.sparse:
            behaviour = inc.behaviours[0]
            lines = SPARSE_LINES.get(behaviour) or BEHAVIOURS[behaviour][1]
            add(pick(rng, lines))
            if inc.n > 1 and rng.random() < 0.3:
                add(pick(rng, HISTORY))
            return finish(ctx, say), self._course_location(rng, inc, course)
        history_first = inc.n > 1 and rng.random() < 0.35
        if history_first:
            add(pick(rng, HISTORY))
        beginnings = BEGINNINGS.get(course.relationship, ())
        if (
            beginnings
            and "ended" not in inc.signals
            and ((inc.n == 1 and rng.random() < 0.7) or rng.random() < 0.12)
        ):
            add(pick(rng, beginnings))
        if "ended" in inc.signals:
            add(pick(rng, SIGNALS["ended"][1]))
        for j, behaviour in enumerate(inc.behaviours):
            clause = grammar.render(pick(rng, BEHAVIOURS[behaviour][1]), rng, slots, ctx)
            if j == 0 and rng.random() < 0.35:
                clause = frame(ctx, clause)
            say.append(clause)
        for signal in inc.signals:
            if signal != "ended":
                add(pick(rng, SIGNALS[signal][1]))
        if inc.breached is not None:
            add(pick(rng, ORDER_LINES))
        for impact in inc.impacts:
            add(pick(rng, IMPACTS[impact]))
        if not history_first and inc.n > 1 and rng.random() < 0.4:
            add(pick(rng, HISTORY))
        if rng.random() < 0.35:
            partners = course.relationship in ("ex_partner", "current_partner")
            add(pick(rng, TRAPS + (PARTNER_TRAPS if partners else OTHER_TRAPS)))
        if rng.random() < 0.55:
            add(pick(rng, POLICE))
        return finish(ctx, say), self._course_location(rng, inc, course)

    def _course_location(
        self, rng: random.Random, inc: Incident, course: Course
    ) -> dict[str, Any] | None:
        victim = self.plan.population[course.victim]
        home = victim.address_on(inc.day)
        main = inc.behaviours[0] if inc.behaviours else ""
        if main in ("turning_up_work", "following"):
            home = make_address(rng, home.postcode.split()[0] if home else None)
        elif (
            main
            in (
                "repeated_messages",
                "monitoring_online",
                "impersonation_fake_profiles",
                "publishing_about_victim",
                "account_access",
            )
            and rng.random() < 0.4
        ):
            return None
        return self._location(rng, home)

    def _dispute(
        self, rng: random.Random, voice: Voice, inc: Incident, course: Course
    ) -> tuple[str, dict[str, Any] | None]:
        ctx = self._course_ctx(rng, voice, inc, course)
        slots = _slots()
        spec = THEMES[course.theme]
        say: list[str] = []

        def add(template: str) -> None:
            say.append(grammar.render(template, rng, slots, ctx))

        if rng.random() < 0.7:
            add(pick(rng, spec["context"]))
        for j, act in enumerate(inc.acts):
            clause = grammar.render(spec["acts"][act][2], rng, slots, ctx)
            if j == 0 and rng.random() < 0.3:
                clause = frame(ctx, clause)
            say.append(clause)
        if inc.breached is not None:
            add(pick(rng, ORDER_LINES))
        if rng.random() < 0.45:
            add(pick(rng, DISPUTE_NOTES))
        if inc.n > 1 and rng.random() < 0.3:
            add(pick(rng, HISTORY[:6]))
        if rng.random() < 0.4:
            add(pick(rng, DISPUTE_POLICE))
        victim = self.plan.population[course.victim]
        return finish(ctx, say), self._location(rng, victim.address_on(inc.day))

    def _one_off(
        self, rng: random.Random, voice: Voice, inc: Incident, persons: list[people.Individual]
    ) -> tuple[str, dict[str, Any] | None]:
        spec = ONE_OFFS[inc.subtype]
        victim = persons[0]
        suspect = persons[1] if len(persons) > 1 else None
        day = date.fromordinal(inc.day)
        ctx = Ctx(
            rng=rng,
            voice=voice,
            day=day,
            first_day=day,
            victim=self._view(rng, victim, inc.day),
            suspect=self._view(rng, suspect, inc.day, known=suspect is not None),
            relationship=inc.true_relationship,
            separated=date.fromordinal(inc.day - between(rng, 60, 700)),
            place_name=pick(rng, VENUES),
            home_street=(victim.address_on(inc.day) or make_address(rng)).street_name(),
        )
        ctx.extra["venue"] = pick(rng, VENUES)
        slots = _slots()
        say = [grammar.render(t, rng, slots, ctx) for t in spec["text"]]
        if rng.random() < 0.3:
            say[0] = frame(ctx, say[0])
        if rng.random() < 0.3:
            say.append(grammar.render(pick(rng, POLICE[:6]), rng, slots, ctx))
        return finish(ctx, say), self._location(rng, victim.address_on(inc.day))

    # ------------------------------------------------------------ background

    def _background(
        self,
        rng: random.Random,
        record: dict[str, Any],
        payload: tuple[int, tuple[int, ...], int],
        fresh: int,
        recorded_day: int,
        minute: int,
    ) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
        kind_index, codes, _ = payload
        kind = self.plan.background_kinds[kind_index]
        spec = BACKGROUND[kind]
        day = (
            recorded_day
            if rng.random() < 0.7
            else max(self.start, recorded_day - between(rng, 1, 4))
        )
        if kind.startswith("burglary") or kind in ("theft_from_vehicle", "theft_of_vehicle"):
            self._occurred(
                rng,
                record,
                day,
                pick(rng, (0, 1, 1, 2)) if day > self.start else 0,
                recorded_day,
                minute,
            )
        else:
            self._occurred(rng, record, day, 0, recorded_day, minute)
        record["classification"] = pick(rng, spec["classes"])
        record["included_classifications"] = []
        flags = []
        if record["classification"] == "9B":
            flags.append("hate_race")
        if kind == "fraud" and rng.random() < 0.7:
            flags.append("online")
        record["flags"] = flags
        mentions, ids, persons = self._people(rng, codes, fresh, day)
        roles = [m["role"] for m in mentions]
        victim = (
            persons[roles.index("victim")]
            if "victim" in roles
            else (persons[roles.index("reporter")] if "reporter" in roles else None)
        )
        suspect = persons[roles.index("suspect")] if "suspect" in roles else None
        if suspect is not None and rng.random() < 0.7:
            record["relationship"] = "stranger" if rng.random() < 0.7 else "unknown"
        officer_id, voice = self.plan.officers[below(rng, len(self.plan.officers))]
        home = victim.address_on(day) if victim is not None else None
        ctx = Ctx(
            rng=rng,
            voice=voice,
            day=date.fromordinal(day),
            first_day=date.fromordinal(day),
            victim=self._view(rng, victim, day),
            suspect=self._view(rng, suspect, day, known=suspect is not None),
            home_street=(home or make_address(rng)).street_name(),
            place_name=pick(rng, VENUES),
        )
        shop = pick(rng, SHOPS)
        ctx.extra["shop"] = shop
        ctx.extra["venue"] = ctx.place_name
        ctx.extra["goods"] = grammar.render(pick(rng, GOODS[spec["goods"]]), rng, {}, None)
        ctx.extra["amount"] = str(pick(rng, _AMOUNTS[spec["goods"]]))
        ctx.extra["vehicle"] = pick(rng, VEHICLES)
        slots = _slots()
        opening, specific = pick(rng, spec["scenarios"])
        say = [grammar.render(opening, rng, slots, ctx)]
        if victim is not None and kind != "drugs" and rng.random() < 0.2:
            say[0] = frame(ctx, say[0])
        details = list(specific) + list(spec["detail"])
        for template in rng.sample(details, min(len(details), pick(rng, (0, 1, 1, 2, 2, 3)))):
            say.append(grammar.render(template, rng, slots, ctx))
        if record["classification"] == "9B":
            say.append(grammar.render(_RACIST, rng, slots, ctx))
        if rng.random() < 0.6:
            say.append(grammar.render(pick(rng, spec["enquiry"]), rng, slots, ctx))
        record["narrative"] = finish(ctx, say)
        if mentions:
            record["people"] = mentions
        if rng.random() < 0.93:
            record["officer_in_charge"] = officer_id
        if kind in ("shoplifting", "burglary_business", "making_off"):
            place = make_address(rng)
            location: dict[str, Any] | None = {
                "address": f"{shop}, {write_address(rng, place)}",
                "postcode": place.postcode,
            }
            if rng.random() < 0.75 and location is not None:
                location["lat"] = place.lat
                location["lon"] = place.lon
        elif kind in ("fraud",):
            location = None
        else:
            location = self._location(rng, home or make_address(rng))
        if location is not None and rng.random() < 0.9:
            record["location"] = location
        self._outcome(
            rng,
            record,
            recorded_day,
            _OUTCOMES_SUSPECT if suspect is not None else _OUTCOMES_NO_SUSPECT,
            0.7,
        )
        truth = {
            "type": "record",
            "crime_ref": record["crime_ref"],
            "course_id": None,
            "stalking": False,
            "category": CAT_BACKGROUND,
            "subtype": kind,
            "behaviours": [],
        }
        return record, truth, ids


def _slots() -> grammar.SlotTable:
    return SLOTS


# ---------------------------------------------------------------- orders


_CONDITIONS = (
    "Not to contact {name} directly or indirectly by any means, including through social media "
    "or third parties",
    "Not to go within {distance} metres of {address}",
    "Not to enter {street}",
    "Not to attend {name}'s place of work",
    "Not to post any material about {name} on the internet or social media",
    "Not to follow, watch or loiter near {name}",
)
_SPO_REQUIREMENTS = (
    "To notify police of name and home address within 3 days of service",
    "To attend and engage with a perpetrator programme",
    "To allow police to inspect any mobile phone or device on request",
)
_BAIL = (
    "Not to contact {name} directly or indirectly",
    "To reside at {own_address}",
    "Not to enter {town}",
    "To report to the police station {day}",
)


def render_order(rng: random.Random, plan: Plan, order: Order) -> tuple[dict[str, Any], list[str]]:
    """An order object and the individuals of its people (subject first)."""
    pop = plan.population
    nominals = plan.nominals
    assert nominals is not None
    day = order.made_on
    subject = pop[order.subject]
    subject_view = people.write_mention(
        rng,
        subject,
        day,
        nominals.primary(subject.idx),
        role=None,
        detail=people.DETAIL["subject"],
        ref_rate=plan.settings.ref_rate,
    )
    protected = [
        people.write_mention(
            rng,
            pop[idx],
            day,
            nominals.primary(idx),
            role=None,
            detail=people.DETAIL["protected"],
            ref_rate=plan.settings.ref_rate,
        )
        for idx in order.protected
    ]
    victim = pop[order.protected[0]]
    name = f"{people.write_forename(rng, victim)} {people.write_surname(rng, victim, day).title()}"
    home = victim.address_on(day)
    own = subject.address_on(day)
    values = {
        "name": name,
        "distance": str(order.distance),
        "address": home.line() if home else "the protected person's home",
        "street": home.street_name() if home else "the protected person's road",
        "own_address": own.line() if own else "an address approved by police",
        "town": home.town if home else "the town",
        "day": pick(rng, ("every Monday", "weekly", "on Mondays and Thursdays")),
    }
    if order.type == "bail_conditions":
        chosen = list(_BAIL[: between(rng, 2, len(_BAIL) + 1)])
    elif order.type in ("dvpn", "dvpo"):
        chosen = [_CONDITIONS[0], "Not to enter or come within {distance} metres of {address}"]
    else:
        chosen = [_CONDITIONS[0], *rng.sample(_CONDITIONS[1:], between(rng, 1, 4))]
        if order.type in ("spo", "interim_spo"):
            chosen += rng.sample(_SPO_REQUIREMENTS, between(rng, 1, 3))
    conditions = [c.format(**values) for c in chosen]
    out: dict[str, Any] = {
        "order_ref": order.ref,
        "type": order.type,
        "subject": subject_view,
        "protected": protected,
        "made_on": date.fromordinal(order.made_on).isoformat(),
    }
    if order.expires_on is not None:
        out["expires_on"] = date.fromordinal(order.expires_on).isoformat()
    out["conditions"] = conditions
    out["status"] = order.status
    ids = [f"I{order.subject:06d}"] + [f"I{idx:06d}" for idx in order.protected]
    return out, ids


def course_truth(course: Course) -> dict[str, Any]:
    incidents = sorted(course.incidents, key=lambda inc: (inc.minute, inc.n))
    return {
        "type": "course",
        "course_id": course.cid,
        "kind": course.kind,
        "stalking": course.kind == STALKING,
        "relationship": course.relationship,
        "theme": course.theme,
        "victim": f"I{course.victim:06d}",
        "suspect": f"I{course.suspect:06d}",
        "crime_refs": [inc.ref for inc in incidents],
        "order_refs": [order.ref for order in course.orders],
        "four": list(course.four),
        "behaviours": list(course.behaviours),
        "impacts": list(course.impacts),
        "start": fmt_iso(course.since),
    }


def fmt_iso(day: int) -> str:
    return date.fromordinal(day).isoformat()


__all__ = ["CHUNK", "ChunkResult", "Renderer", "course_truth", "render_order"]
