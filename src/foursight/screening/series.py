"""Course of conduct across records: series of incidents by one suspect against one victim.

People are identified by the ids linkage gives ((crime_ref or order_ref, mention index) -> id).
Without linkage the RMS ``person_ref`` is used, and failing that each mention is its own person.
Records of the same suspect and victim whose consecutive incidents are no more than the window
apart form a series; two or more incidents make a course of conduct (PHA 1997 s.7(3)).

A record that reports a breach of an order (``order_refs``) protecting the victim from the suspect
is part of the pattern and a warning sign in itself: the order exists because of earlier conduct.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from foursight.exchange import parse_when

PersonIds = Mapping[tuple[str, int], str]


@dataclass(frozen=True)
class Breach:
    order_ref: str
    order_type: str
    linked: bool  # the order's subject is this record's suspect and it protects this victim
    known: bool  # the order was supplied

    def describe(self) -> str:
        kind = self.order_type.replace("_", " ") if self.order_type else "order"
        if not self.known:
            return f"reports a breach of order {self.order_ref} (order not supplied)"
        if self.linked:
            return (
                f"breach of {kind} {self.order_ref}, which protects this victim from this suspect"
            )
        return f"breach of {kind} {self.order_ref} (people on the order not linked to this record)"


@dataclass
class Series:
    series_id: str
    suspect: str
    victim: str
    indexes: list[int]  # record positions in input order, sorted by incident date

    def crime_refs(self, crimes: Sequence[Mapping[str, Any]]) -> list[str]:
        return [str(crimes[i]["crime_ref"]) for i in self.indexes]


@dataclass
class Linked:
    """What linkage tells the decision about one record."""

    suspects: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    series: Series | None = None
    breaches: list[Breach] = field(default_factory=list)


def person_id(ref: str, index: int, person: Mapping[str, Any], person_ids: PersonIds | None) -> str:
    if person_ids is not None:
        found = person_ids.get((ref, index))
        if found:
            return str(found)
    if person.get("person_ref"):
        return f"ref:{person['person_ref']}"
    return f"{ref}#{index}"


def incident_date(crime: Mapping[str, Any]) -> datetime | None:
    for key in ("occurred_from", "recorded_at", "occurred_to"):
        value = crime.get(key)
        if value:
            try:
                return parse_when(str(value)).replace(tzinfo=None)
            except ValueError:
                continue
    return None


UNKNOWN = "unknown suspect"


def link_records(
    crimes: Sequence[Mapping[str, Any]],
    orders: Sequence[Mapping[str, Any]],
    person_ids: PersonIds | None,
    window_days: int,
    unknown_suspect_conduct: set[int] | None = None,
) -> list[Linked]:
    """Series and breaches for every record.

    ``unknown_suspect_conduct`` holds the positions of records that name a victim but no suspect
    and whose narrative shows stalking-type conduct (anonymous parcels, "the male followed her").
    They join the victim's series in the window: with a known suspect if she has one ("suspect
    not recorded"), otherwise a series of their own for that victim.
    """
    linked = [_people(crime, person_ids) for crime in crimes]
    _attach_breaches(crimes, orders, person_ids, linked)
    for index in unknown_suspect_conduct or ():
        if not linked[index].suspects and linked[index].victims:
            linked[index].suspects = [UNKNOWN]
    _attach_series(crimes, linked, window_days)
    return linked


def _people(crime: Mapping[str, Any], person_ids: PersonIds | None) -> Linked:
    ref = str(crime["crime_ref"])
    out = Linked()
    for index, person in enumerate(crime.get("people") or ()):
        role = person.get("role")
        if role == "suspect":
            out.suspects.append(person_id(ref, index, person, person_ids))
        elif role == "victim":
            out.victims.append(person_id(ref, index, person, person_ids))
    return out


def _attach_breaches(
    crimes: Sequence[Mapping[str, Any]],
    orders: Sequence[Mapping[str, Any]],
    person_ids: PersonIds | None,
    linked: list[Linked],
) -> None:
    by_ref = {str(order["order_ref"]): order for order in orders}
    for crime, found in zip(crimes, linked, strict=True):
        for ref in crime.get("order_refs") or ():
            order = by_ref.get(str(ref))
            if order is None:
                found.breaches.append(Breach(str(ref), "", linked=False, known=False))
                continue
            subject = person_id(str(ref), 0, order.get("subject") or {}, person_ids)
            protected = {
                person_id(str(ref), index, person, person_ids)
                for index, person in enumerate(order.get("protected") or (), start=1)
            }
            ok = subject in found.suspects and bool(protected & set(found.victims))
            found.breaches.append(Breach(str(ref), str(order.get("type") or ""), ok, True))


def _attach_series(
    crimes: Sequence[Mapping[str, Any]], linked: list[Linked], window_days: int
) -> None:
    pairs: dict[tuple[str, str], list[tuple[datetime, int]]] = {}
    unknown: list[tuple[str, datetime, int]] = []
    for index, (crime, found) in enumerate(zip(crimes, linked, strict=True)):
        when = incident_date(crime) or datetime.min
        for suspect in found.suspects:
            for victim in found.victims:
                if suspect == UNKNOWN:
                    unknown.append((victim, when, index))
                elif suspect != victim:
                    pairs.setdefault((suspect, victim), []).append((when, index))
    _place_unknown(unknown, pairs, window_days)
    for (suspect, victim), dated in pairs.items():
        if len(dated) < 2:
            continue
        dated.sort()
        chain: list[tuple[datetime, int]] = [dated[0]]
        for item in dated[1:]:
            if (item[0] - chain[-1][0]).days <= window_days:
                chain.append(item)
            else:
                _keep(chain, suspect, victim, crimes, linked)
                chain = [item]
        _keep(chain, suspect, victim, crimes, linked)


def _place_unknown(
    unknown: list[tuple[str, datetime, int]],
    pairs: dict[tuple[str, str], list[tuple[datetime, int]]],
    window_days: int,
) -> None:
    """Put records without a named suspect with the victim's known suspect when one has
    records within the window, otherwise with the victim's other such records."""
    by_victim: dict[str, list[tuple[str, str]]] = {}
    for pair in pairs:
        by_victim.setdefault(pair[1], []).append(pair)
    for victim, when, index in unknown:
        best: tuple[str, str] | None = None
        best_gap = window_days + 1
        for pair in by_victim.get(victim, ()):
            gap = min(abs((when - other).days) for other, _i in pairs[pair])
            if gap < best_gap:
                best, best_gap = pair, gap
        key = best if best is not None else (UNKNOWN, victim)
        pairs.setdefault(key, []).append((when, index))


def _keep(
    chain: list[tuple[datetime, int]],
    suspect: str,
    victim: str,
    crimes: Sequence[Mapping[str, Any]],
    linked: list[Linked],
) -> None:
    if len(chain) < 2:
        return
    indexes = [index for _when, index in chain]
    first_ref = str(crimes[indexes[0]]["crime_ref"])
    digest = hashlib.sha1(
        f"{suspect}|{victim}|{first_ref}".encode(), usedforsecurity=False
    ).hexdigest()
    series = Series(f"S-{digest[:10]}", suspect, victim, indexes)
    for index in indexes:
        current = linked[index].series
        if current is None or len(current.indexes) < len(indexes):
            linked[index].series = series
