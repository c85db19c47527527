"""Person mentions: every person object on a crime record or a protective order, as one row.

A mention is what the RMS wrote, unchanged; normalisation happens when the model prepares its
table, so a page can always show the mention as it was recorded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

SourceKind = Literal["crime", "order"]


@dataclass(frozen=True, slots=True)
class Mention:
    mention_id: str  # "source_ref#index"
    source_ref: str  # crime_ref or order_ref
    index: int  # position in the record's people list; for an order the subject is 0
    source_kind: SourceKind
    role: str  # victim, suspect, witness, reporter, other; for orders subject or protected
    person_ref: str | None = None  # the RMS nominal id, where the record carries one
    forename: str | None = None
    surname: str | None = None
    dob: str | None = None
    gender: str | None = None
    address: str | None = None
    postcode: str | None = None
    phone: str | None = None
    email: str | None = None
    handles: tuple[str, ...] = ()
    event_date: str | None = None  # when the conduct happened or the order was made
    # The record's own context, shared by every mention on it: the crime's classification as
    # given (its family, e.g. 8 for 8L/8Q, is the kind of crime) and its location's postcode.
    record_kind: str | None = None
    place_postcode: str | None = None

    @property
    def key(self) -> tuple[str, int]:
        return (self.source_ref, self.index)


def mention_id(source_ref: str, index: int) -> str:
    return f"{source_ref}#{index}"


def _text(person: Mapping[str, Any], field: str) -> str | None:
    value = person.get(field)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def make_mention(
    source_ref: str,
    index: int,
    source_kind: SourceKind,
    role: str,
    person: Mapping[str, Any],
    event_date: str | None,
    *,
    record_kind: str | None = None,
    place_postcode: str | None = None,
) -> Mention:
    return Mention(
        mention_id=mention_id(source_ref, index),
        source_ref=source_ref,
        index=index,
        source_kind=source_kind,
        role=role,
        person_ref=_text(person, "person_ref"),
        forename=_text(person, "forename"),
        surname=_text(person, "surname"),
        dob=_text(person, "dob"),
        gender=_text(person, "gender"),
        address=_text(person, "address"),
        postcode=_text(person, "postcode"),
        phone=_text(person, "phone"),
        email=_text(person, "email"),
        handles=tuple(str(h) for h in person.get("online_handles") or () if str(h).strip()),
        event_date=event_date,
        record_kind=record_kind,
        place_postcode=place_postcode,
    )


def mentions_from_exchange(
    crimes: Iterable[Mapping[str, Any]], orders: Iterable[Mapping[str, Any]] = ()
) -> list[Mention]:
    """Every person on the crime records, then every subject and protected person on the orders.

    Crime people keep their index in ``people``; an order's subject is index 0 and the people
    it protects follow from 1, so ``(source_ref, index)`` names one mention in either kind.
    """
    found: list[Mention] = []
    for crime in crimes:
        ref = str(crime["crime_ref"])
        when = _text(crime, "occurred_from") or _text(crime, "recorded_at")
        kind = _text(crime, "classification")
        location = crime.get("location")
        place = _text(location, "postcode") if isinstance(location, Mapping) else None
        for index, person in enumerate(crime.get("people") or ()):
            role = str(person.get("role") or "other")
            found.append(
                make_mention(
                    ref, index, "crime", role, person, when, record_kind=kind, place_postcode=place
                )
            )
    for order in orders:
        ref = str(order["order_ref"])
        when = _text(order, "made_on")
        found.append(make_mention(ref, 0, "order", "subject", order.get("subject") or {}, when))
        for index, person in enumerate(order.get("protected") or (), start=1):
            found.append(make_mention(ref, index, "order", "protected", person, when))
    return found
