"""The plan's building blocks: courses of conduct, incidents, orders, and people codes."""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("victim", "suspect", "witness", "reporter", "other")
ROLE_CODE = {role: i for i, role in enumerate(ROLES)}

# Flags on a planned mention.
NO_NAME = 1  # known only by a handle or an email (online-only suspects)
SPARSE = 2  # the officer recorded little about them
FRESH = -1  # a person seen on this record only: made by the chunk renderer


def person_code(role: str, idx: int, flags: int = 0) -> int:
    """Pack (role, individual index or FRESH, flags) into one int for a compact plan."""
    return ((idx + 1) << 6) | (flags << 3) | ROLE_CODE[role]


def unpack(code: int) -> tuple[str, int, int]:
    return ROLES[code & 7], (code >> 6) - 1, (code >> 3) & 7


# Background record categories and kinds of course.
STALKING = "stalking"
HARASSMENT = "harassment_not_stalking"

CAT_STALKING = "stalking_course"
CAT_DISPUTE = "harassment_dispute"
CAT_ONE_OFF = "one_off"
CAT_BACKGROUND = "background"


@dataclass(slots=True)
class Order:
    ref: str
    type: str
    subject: int
    protected: list[int]
    made_on: int  # day ordinal
    expires_on: int | None
    status: str = "active"
    course: Course | None = None
    streets: tuple[str, ...] = ()
    distance: int = 100


@dataclass(slots=True)
class Incident:
    course: Course | None
    n: int  # 1-based position in its course (1 for a one-off)
    day: int  # day ordinal of the conduct reported (the last day of its span)
    span: int  # days the report covers, back from ``day``
    minute: int  # recorded, minutes from the start of the window
    behaviours: tuple[str, ...] = ()
    acts: tuple[int, ...] = ()  # for disputes: indices into the theme's acts
    signals: tuple[str, ...] = ()
    impacts: tuple[str, ...] = ()
    classification: str = "8L"
    included: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    breached: Order | None = None
    people: tuple[int, ...] = ()
    officer: int = 0
    sparse: bool = False
    swapped: bool = False  # a counter-allegation: the course's suspect is this record's victim
    subtype: str = ""  # one-off kind
    relationship: str | None = None  # as recorded (may be wrong or missing)
    true_relationship: str = ""  # for one-offs (a course holds its own)
    suspect_known: bool = True
    ref: str = ""  # the crime reference, once recording order is known


@dataclass(slots=True)
class Course:
    cid: str
    kind: str
    theme: str
    relationship: str
    victim: int
    suspect: int
    rel_noun: str
    since: int  # day ordinal the conduct began
    separated: int | None = None
    platforms: tuple[str, ...] = ("text",)
    car: str = "a car"
    workplace: str = "work"
    issue: str = ""
    amount: str = ""
    associates: dict[str, int] = field(default_factory=dict)
    incidents: list[Incident] = field(default_factory=list)
    orders: list[Order] = field(default_factory=list)
    identified_from: int = 1  # first incident on which the suspect is known by name
    four: tuple[str, ...] = ()
    behaviours: tuple[str, ...] = ()
    impacts: tuple[str, ...] = ()
