"""Officers' voices and the slots a narrative template fills (people, counts, times, places).

Each officer writes in a ``Voice``: terse and abbreviated or in full sentences, careful or
sloppy, with their own date and time habits. A ``Ctx`` holds everything one narrative needs; the
functions in ``SLOTS`` read it and return text in that voice.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import grammar, names
from .rand import below, between, pick

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_SHORT = tuple(m[:3] for m in MONTHS)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True, slots=True)
class Voice:
    terse: float  # how often the officer abbreviates (IP, susp, msgs, w/h)
    formal: bool  # "the aggrieved", "it is alleged"
    slips: float  # chance of a misspelling where one is possible
    lower: bool  # does not capitalise sentence starts
    names: float  # how often people are called by name
    date_style: int
    time_style: int
    joiner: str  # between sentences
    shouty: bool  # types the whole narrative in capitals


def make_voice(rng: random.Random) -> Voice:
    terse = pick(rng, (0.05, 0.15, 0.4, 0.7, 0.9))
    return Voice(
        terse=terse,
        formal=terse < 0.2 and rng.random() < 0.4,
        slips=pick(rng, (0.0, 0.0, 0.0, 0.05, 0.15, 0.35)),
        lower=terse > 0.5 and rng.random() < 0.3,
        names=pick(rng, (0.05, 0.15, 0.3)),
        date_style=below(rng, 6),
        time_style=below(rng, 5),
        joiner=pick(rng, (". ", ". ", ". ", ". ", " - ", ".  ", "\n")),
        shouty=rng.random() < 0.015,
    )


@dataclass(slots=True)
class PersonView:
    """How one person is written in one narrative."""

    forename: str
    surname: str
    gender: str  # "F" / "M"
    noun: str = ""  # relation to the victim: "ex-partner", "neighbour", ...
    known: bool = True  # name known to the reporting officer
    seen: bool = False

    @property
    def she(self) -> str:
        return "she" if self.gender == "F" else "he"

    @property
    def her(self) -> str:
        return "her" if self.gender == "F" else "him"

    @property
    def hers(self) -> str:
        return "her" if self.gender == "F" else "his"


@dataclass(slots=True)
class Ctx:
    rng: random.Random
    voice: Voice
    day: date  # the incident (or the last day of a span)
    first_day: date  # start of the reported span
    victim: PersonView
    suspect: PersonView
    relationship: str = "unknown"
    since: date | None = None  # start of the course of conduct
    separated: date | None = None
    ordinal: int = 1  # which report this is in the course
    prev_refs: tuple[str, ...] = ()
    prev_days: tuple[date, ...] = ()
    home_street: str = "the address"
    workplace: str = "work"
    place_name: str = "the town centre"
    car: str = "a car"
    order_name: str = "restraining order"
    order_abbr: str = "RO"
    order_made: date | None = None
    order_expires: date | None = None
    platform_pool: tuple[str, ...] = ("text",)
    third: PersonView | None = None  # a witness, family member or new partner
    extra: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- people


def _victim(ctx: Ctx, form: str) -> str:
    """form: 's' subject, 'o' object, 'p' possessive."""
    v = ctx.victim
    rng = ctx.rng
    if v.seen and rng.random() < 0.3:
        return {"s": v.she, "o": v.her, "p": v.hers}[form]
    v.seen = True
    r = rng.random()
    if r < ctx.voice.names and v.forename:
        if rng.random() < 0.5 or not v.surname:
            base = v.forename
        elif ctx.voice.formal:
            base = f"{'Miss' if v.gender == 'F' and rng.random() < 0.3 else _title(v)} {v.surname}"
        else:
            base = f"{v.forename} {v.surname}"
    elif rng.random() < ctx.voice.terse:
        base = pick(rng, ("IP", "IP", "IP", "IP", "the IP", "V", "aggrieved"))
    elif ctx.voice.formal:
        base = pick(rng, ("the victim", "the injured party", "the aggrieved", "the complainant"))
    else:
        base = pick(rng, ("the victim", "the victim", "the IP", "the injured party", "IP"))
    if form == "p":
        return base + "'s"
    return base


def _title(p: PersonView) -> str:
    return "Ms" if p.gender == "F" else "Mr"


def _suspect(ctx: Ctx, form: str) -> str:
    s = ctx.suspect
    rng = ctx.rng
    if s.seen and rng.random() < 0.35:
        return {"s": s.she, "o": s.her, "p": s.hers}[form]
    s.seen = True
    if not s.known:
        base = pick(
            rng,
            (
                "the male" if s.gender == "M" else "the female",
                "the unknown male" if s.gender == "M" else "the unknown female",
                "the suspect",
                "the person responsible",
                "susp",
                "the offender",
            ),
        )
    else:
        r = rng.random()
        if r < ctx.voice.names * 1.3 and s.forename:
            if ctx.voice.formal and s.surname:
                base = pick(rng, (f"{_title(s)} {s.surname}", s.surname.upper()))
            elif rng.random() < 0.5 or not s.surname:
                base = s.forename
            else:
                base = f"{s.forename} {s.surname.upper() if rng.random() < 0.4 else s.surname}"
        elif s.noun and r < ctx.voice.names * 1.3 + 0.25:
            base = _relation(ctx)
        elif rng.random() < ctx.voice.terse:
            base = pick(rng, ("susp", "susp", "susp", "SUS", "the susp", "suspect", "POI"))
        elif ctx.voice.formal:
            base = pick(rng, ("the suspect", "the offender", "the accused"))
        else:
            base = pick(rng, ("the suspect", "the suspect", "the male", "susp"))
            if base == "the male" and s.gender == "F":
                base = "the female"
    if form == "p":
        return base + "'s"
    return base


def _victim_named(ctx: Ctx) -> str:
    """The victim, never as a bare pronoun."""
    ctx.victim.seen = False
    return _victim(ctx, "s")


def _suspect_named(ctx: Ctx) -> str:
    """The suspect, never as a bare pronoun (for "X arrested", "X interviewed")."""
    ctx.suspect.seen = False
    return _suspect(ctx, "s")


def _relation(ctx: Ctx) -> str:
    s = ctx.suspect
    noun = s.noun
    rng = ctx.rng
    if noun == "ex-partner" and ctx.voice.terse > 0.5 and rng.random() < 0.5:
        return pick(rng, ("ex-p", "her ex" if ctx.victim.gender == "F" else "his ex", "the ex"))
    owner = ctx.victim.hers if rng.random() < 0.6 else "the"
    return f"{owner} {noun}"


def _victim_intro(ctx: Ctx) -> str:
    v = ctx.victim
    ctx.victim.seen = True
    if ctx.voice.terse > 0.5:
        return rng_pick(ctx, ("IP", f"IP {v.forename} {v.surname.upper()}", f"IP ({v.forename})"))
    return rng_pick(ctx, ("the victim", f"the victim, {v.forename} {v.surname},", v.forename))


def _suspect_intro(ctx: Ctx) -> str:
    s = ctx.suspect
    rng = ctx.rng
    s.seen = True
    if not s.known:
        return rng_pick(ctx, ("an unknown male" if s.gender == "M" else "an unknown female",))
    name = f"{s.forename} {s.surname.upper() if rng.random() < 0.5 else s.surname}".strip()
    noun = s.noun or "suspect"
    owner = ctx.victim.hers
    return rng_pick(
        ctx,
        (
            f"susp {name} ({noun})",
            f"{owner} {noun} {name}",
            f"{name}, {owner} {noun},",
            f"the suspect, {name},",
            f"{owner} {noun}",
            f"susp ({noun})",
        ),
    )


def rng_pick(ctx: Ctx, options: tuple[str, ...]) -> str:
    return options[int(ctx.rng.random() * len(options))]


# ---------------------------------------------------------------- counts


def _n_big(ctx: Ctx) -> str:
    rng = ctx.rng
    n = pick(rng, (12, 15, 20, 25, 30, 35, 40, 50, 60, 70, 80, 100, 120, 150, 200, 300, 1200))
    n += between(rng, 0, 6) if n < 100 and rng.random() < 0.4 else 0
    if rng.random() < ctx.voice.terse * 0.6:
        return pick(rng, (f"x{n}", f"{n}+", f"approx {n:,}", f"{n:,}"))
    return pick(
        rng,
        (
            f"approximately {n:,}",
            f"around {n:,}",
            f"over {n:,}",
            f"more than {n}",
            f"in excess of {n:,}",
            f"{n}",
            f"about {n:,}",
            "dozens of",
            "numerous",
            f"between {n} and {n + pick(rng, (10, 20, 50))}",
        ),
    )


def _n_day(ctx: Ctx) -> str:
    n = pick(ctx.rng, (10, 15, 20, 25, 30, 40, 50, 60))
    return pick(ctx.rng, (f"{n}", f"over {n}", f"{n}+", f"up to {n}"))


_NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def _n_some(ctx: Ctx) -> str:
    rng = ctx.rng
    n = between(rng, 2, 9)
    r = rng.random()
    if r < 0.4:
        return str(n)
    if r < 0.7:
        return _NUMBER_WORDS[n - 2]
    return pick(rng, ("several", "a few", "numerous", "a number of", "multiple"))


def _times(ctx: Ctx) -> str:
    rng = ctx.rng
    n = between(rng, 2, 12)
    if rng.random() < ctx.voice.terse * 0.7:
        return pick(rng, (f"x{n}", f"{n} times", f"{n}x"))
    return pick(
        rng,
        (
            f"{n} times",
            f"{_NUMBER_WORDS[min(n, 10) - 2]} times",
            f"on {n} occasions",
            "on numerous occasions",
            "repeatedly",
            "several times",
            "at least twice",
        ),
    )


def _n_mins(ctx: Ctx) -> str:
    return str(pick(ctx.rng, (5, 10, 15, 20, 30, 40, 45, 60, 90)))


def _n_miles(ctx: Ctx) -> str:
    return str(pick(ctx.rng, (2, 3, 4, 5, 10, 15)))


# ---------------------------------------------------------------- times


def fmt_date(ctx: Ctx, d: date) -> str:
    style = ctx.voice.date_style
    if style == 0:
        return d.strftime("%d/%m/%y")
    if style == 1:
        return d.strftime("%d/%m/%Y")
    if style == 2:
        return f"{d.day}{_suffix(d.day)} {MONTHS[d.month - 1]}"
    if style == 3:
        return f"{d.day} {MONTHS_SHORT[d.month - 1]}"
    if style == 4:
        return f"{WEEKDAYS[d.weekday()]} {d.day}{_suffix(d.day)} {MONTHS[d.month - 1]}"
    return d.strftime("%d.%m.%y")


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def ordinal(n: int) -> str:
    return f"{n}{_suffix(n)}"


def fmt_time(ctx: Ctx, hour: int, minute: int) -> str:
    style = ctx.voice.time_style
    if style == 0:
        return f"{hour:02d}:{minute:02d}"
    if style == 1:
        return f"{hour:02d}{minute:02d} hrs"
    if style == 2:
        h12 = hour % 12 or 12
        return f"{h12}.{minute:02d}{'am' if hour < 12 else 'pm'}"
    if style == 3:
        return f"{hour:02d}{minute:02d}"
    return f"{hour:02d}.{minute:02d}"


def _time(ctx: Ctx) -> str:
    rng = ctx.rng
    hour = pick(rng, (0, 1, 2, 3, 6, 7, 8, 9, 12, 13, 15, 17, 18, 19, 20, 21, 22, 23))
    minute = pick(rng, (0, 5, 10, 15, 20, 30, 40, 45, 50))
    return fmt_time(ctx, hour, minute)


def _shop_time(ctx: Ctx) -> str:
    rng = ctx.rng
    return fmt_time(ctx, between(rng, 8, 22), pick(rng, (0, 5, 10, 20, 30, 35, 45, 50, 55)))


def _night_time(ctx: Ctx) -> str:
    rng = ctx.rng
    return fmt_time(ctx, pick(rng, (22, 23, 0, 1, 2, 3, 4)), pick(rng, (0, 5, 15, 20, 30, 40, 55)))


def _date(ctx: Ctx) -> str:
    return fmt_date(ctx, ctx.day)


def _date0(ctx: Ctx) -> str:
    return fmt_date(ctx, ctx.first_day)


def _weekday(ctx: Ctx) -> str:
    return WEEKDAYS[ctx.day.weekday()]


def _month(ctx: Ctx) -> str:
    return _month_name(ctx, ctx.day)


def _month_name(ctx: Ctx, d: date) -> str:
    if ctx.voice.terse > 0.5 and ctx.rng.random() < 0.6:
        return MONTHS_SHORT[d.month - 1]
    return MONTHS[d.month - 1]


def _old_year(ctx: Ctx) -> str:
    return str(ctx.day.year - between(ctx.rng, 3, 9))


def _since(ctx: Ctx) -> str:
    d = ctx.since or ctx.first_day
    return _month_name(ctx, d) if ctx.rng.random() < 0.7 else fmt_date(ctx, d)


def _sep(ctx: Ctx) -> str:
    d = ctx.separated or ctx.since or ctx.first_day
    rng = ctx.rng
    if d.year != ctx.day.year and rng.random() < 0.6:
        return f"{_month_name(ctx, d)} {d.year}"
    return _month_name(ctx, d)


def _when(ctx: Ctx) -> str:
    rng = ctx.rng
    r = rng.random()
    if r < 0.25:
        return f"on {fmt_date(ctx, ctx.day)}"
    if r < 0.4:
        return f"at approx {_time(ctx)} on {fmt_date(ctx, ctx.day)}"
    if r < 0.55:
        part = pick(rng, ("evening", "night", "morning", "afternoon"))
        return f"on {WEEKDAYS[ctx.day.weekday()]} {part}"
    if r < 0.65:
        return pick(rng, ("last night", "yesterday", "this morning", "earlier today", "tonight"))
    if r < 0.75:
        return f"in the early hours of {fmt_date(ctx, ctx.day)}"
    if r < 0.85:
        return f"at {_time(ctx)}"
    return f"{fmt_date(ctx, ctx.day)}"


def _span(ctx: Ctx) -> str:
    rng = ctx.rng
    days = (ctx.day - ctx.first_day).days
    r = rng.random()
    if days <= 0:
        return pick(rng, ("today", "yesterday", "overnight", f"on {fmt_date(ctx, ctx.day)}"))
    if r < 0.25:
        return f"between {fmt_date(ctx, ctx.first_day)} and {fmt_date(ctx, ctx.day)}"
    if r < 0.4:
        return f"since {_month_name(ctx, ctx.first_day)}" if days > 20 else "over the last few days"
    if r < 0.55:
        return f"over the last {days} days" if days < 30 else f"over the last {days // 7} weeks"
    if r < 0.65:
        return "over the weekend" if days <= 3 else "over the past fortnight"
    if r < 0.8:
        return f"from {fmt_date(ctx, ctx.first_day)}"
    return pick(rng, ("recently", "in the last week", "this week", "over recent days"))


# ---------------------------------------------------------------- places and things


def _home(ctx: Ctx) -> str:
    v = ctx.victim
    rng = ctx.rng
    r = rng.random()
    if r < 0.3:
        return f"{v.hers} home address"
    if r < 0.45:
        return f"{'IP' if ctx.voice.terse > 0.5 else 'the victim'}'s address"
    if r < 0.6:
        return f"{v.hers} {pick(rng, ('flat', 'house', 'home'))}"
    if r < 0.75:
        return f"{v.hers} address on {ctx.home_street}"
    return pick(
        rng,
        ("the address", "the home address", "her address" if v.gender == "F" else "his address"),
    )


def _work(ctx: Ctx) -> str:
    rng = ctx.rng
    r = rng.random()
    if r < 0.4:
        return f"{ctx.victim.hers} {pick(rng, ('work', 'workplace', 'place of work'))}"
    return ctx.workplace


def _place(ctx: Ctx) -> str:
    return ctx.place_name


def _place2(ctx: Ctx) -> str:
    return pick(
        ctx.rng,
        (
            "the bus stop",
            "her home" if ctx.victim.gender == "F" else "his home",
            "the car park",
            "the station",
            "the high street",
            "her friend's house" if ctx.victim.gender == "F" else "his friend's house",
        ),
    )


def _car(ctx: Ctx) -> str:
    return ctx.car


def _platform(ctx: Ctx) -> str:
    name = ctx.platform_pool[int(ctx.rng.random() * len(ctx.platform_pool))]
    if ctx.voice.terse > 0.5:
        return _PLATFORM_SHORT.get(name, name)
    return name


_PLATFORM_SHORT = {
    "WhatsApp": "WA",
    "Instagram": "IG",
    "Facebook": "FB",
    "Snapchat": "SC",
    "Facebook Messenger": "FB Messenger",
    "text": "txt",
}


def _msgs(ctx: Ctx) -> str:
    rng = ctx.rng
    platform = ctx.platform_pool[int(rng.random() * len(ctx.platform_pool))]
    if rng.random() < ctx.voice.terse:
        return pick(
            rng,
            {
                "text": ("txt msgs", "txts", "msgs", "texts"),
                "WhatsApp": ("WA msgs", "WhatsApp msgs", "msgs"),
                "Instagram": ("IG msgs", "DMs", "insta msgs"),
                "Facebook": ("FB msgs", "msgs"),
                "Facebook Messenger": ("FB msgs", "messenger msgs"),
                "Snapchat": ("snaps", "SC msgs"),
                "email": ("emails",),
                "TikTok": ("DMs",),
                "X": ("DMs",),
            }.get(platform, ("msgs",)),
        )
    return pick(
        rng,
        {
            "text": ("text messages", "texts", "messages"),
            "WhatsApp": ("WhatsApp messages", "messages"),
            "Instagram": ("Instagram messages", "direct messages"),
            "Facebook": ("Facebook messages", "messages"),
            "Facebook Messenger": ("Messenger messages", "messages"),
            "Snapchat": ("Snapchat messages", "snaps"),
            "email": ("emails",),
            "TikTok": ("messages",),
            "X": ("direct messages",),
        }.get(platform, ("messages",)),
    )


def _msgs_np(ctx: Ctx) -> str:
    return f"{_n_big(ctx)} {_msgs(ctx)}"


def _calls(ctx: Ctx) -> str:
    rng = ctx.rng
    if rng.random() < ctx.voice.terse:
        return pick(rng, ("calls", "calls", "missed calls", "w/h calls"))
    return pick(rng, ("calls", "phone calls", "missed calls", "calls from a withheld number"))


def _calls_np(ctx: Ctx) -> str:
    return f"{_n_big(ctx)} {_calls(ctx)}"


_MSG_CONTENT = (
    "[begging|pleading with] {vher} to [take {shim} back|meet up|give {shim} another chance|talk "
    "to {shim}]",
    "asking where {vshe} [is|was|has been]",
    "asking who {vshe} [is|was] with",
    "telling {vher} {sshe} [loves|misses|can't stop thinking about] {vher}",
    "calling {vher} [names|a liar|worthless|a slag|pathetic]",
    "saying {vshe} [will regret it|has ruined {shis} life|is nothing without {shim}]",
    "accusing {vher} of [seeing someone else|cheating|lying to {shim}]",
    "[about|going over] [the past|their relationship|getting back together|old photos]",
    "[apologising|saying sorry] [one minute|then] [and abusing {vher}|and then turning nasty] "
    "[the next|after]",
    "saying {sshe} [can't live without|needs] {vher}",
    "[demanding|asking] to know why {vshe} [won't reply|has blocked {shim}|is ignoring {shim}]",
)


def _msg_content(ctx: Ctx) -> str:
    return grammar.render(rng_pick(ctx, _MSG_CONTENT), ctx.rng, SLOTS, ctx)


_THREAT_QUOTES = (
    "you're dead",
    "watch your back",
    "I know where you live",
    "you'll get what's coming",
    "I'll end you",
    "I'm going to burn your house down",
    "you won't see it coming",
    "I'll be waiting",
    "you'll regret this",
    "I'll make sure no one else has you",
)


def _threat_quote(ctx: Ctx) -> str:
    return rng_pick(ctx, _THREAT_QUOTES)


_NOTE_QUOTES = (
    "I'm not giving up on us",
    "I saw you today, you looked beautiful",
    "we need to talk",
    "you can't ignore me forever",
    "I know you still care",
    "call me",
    "I'll always be here",
    "why are you doing this to me",
)


def _note_quote(ctx: Ctx) -> str:
    return rng_pick(ctx, _NOTE_QUOTES)


def _family_member(ctx: Ctx) -> str:
    return rng_pick(
        ctx,
        (
            "mum",
            "mother",
            "parents",
            "sister",
            "brother",
            "best friend",
            "friends",
            "new partner",
            "dad",
            "auntie",
        ),
    )


def _order_name(ctx: Ctx) -> str:
    return ctx.order_name


def _order_abbr(ctx: Ctx) -> str:
    return ctx.order_abbr


def _order_date(ctx: Ctx) -> str:
    return fmt_date(ctx, ctx.order_made or ctx.first_day)


def _order_expiry(ctx: Ctx) -> str:
    if ctx.order_expires is None:
        return "further order"
    return fmt_date(ctx, ctx.order_expires)


def _nth(ctx: Ctx) -> str:
    n = ctx.ordinal
    if ctx.rng.random() < 0.5 and n <= 10:
        return [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
        ][n - 1]
    return ordinal(n)


def _prev_ref(ctx: Ctx) -> str:
    if not ctx.prev_refs:
        return "previous report"
    return ctx.prev_refs[-1] if ctx.rng.random() < 0.6 else rng_pick(ctx, ctx.prev_refs)


def _prev_refs(ctx: Ctx) -> str:
    refs = list(ctx.prev_refs[-3:])
    return ", ".join(refs) if refs else "previous reports"


def _prev_month(ctx: Ctx) -> str:
    if not ctx.prev_days:
        return _since(ctx)
    d = ctx.prev_days[int(ctx.rng.random() * len(ctx.prev_days))]
    return _month_name(ctx, d)


def _third(ctx: Ctx) -> str:
    t = ctx.third
    if t is None:
        return rng_pick(ctx, ("a neighbour", "a friend", "a witness"))
    return f"{t.forename} {t.surname}" if ctx.rng.random() < 0.5 else t.forename


def _extra(name: str) -> object:
    def read(ctx: Ctx) -> str:
        return ctx.extra.get(name, "")

    return read


# How a report opens: (frame, may be followed by "that"). Frames for full clauses only.
_CLAUSE_FRAMES = (
    ("IP reports", True),
    ("IP states", True),
    ("IP has reported", True),
    ("IP called police to report", True),
    ("IP attended the front counter to report", True),
    ("The victim reports", True),
    ("The victim states", True),
    ("Call received from IP stating", True),
    ("The informant reports", True),
    ("RP reports", True),
    ("Report from IP -", False),
    ("Victim has contacted police as", False),
    ("It is alleged", True),
    ("The victim has disclosed", True),
)
# Frames that also read well before a noun phrase ("x40 calls from a w/h number").
_PHRASE_FRAMES = (
    "IP reports",
    "The victim reports",
    "RP reports",
    "Report from IP -",
    "IP has reported",
)
_SUBJECT_WORDS = frozenset(
    [
        "the",
        "susp",
        "sus",
        "suspect",
        "ip",
        "v",
        "he",
        "she",
        "his",
        "her",
        "aggrieved",
        "poi",
        "mr",
        "ms",
        "miss",
        "mrs",
        "victim",
        "offender",
        "accused",
        "male",
        "female",
        "ex-p",
        "unknown",
        "person",
    ]
)


def frame(ctx: Ctx, clause: str) -> str:
    """Put a reporting frame ("IP reports that ...") before a clause."""
    rng = ctx.rng
    first = clause.split(" ", 1)[0].rstrip("',")
    if _names_victim(ctx, clause):
        text = _NEUTRAL_FRAMES[int(rng.random() * len(_NEUTRAL_FRAMES))]
        joint = " "
    elif first.lower() in _SUBJECT_WORDS or first in _PROPER:
        text, that = _CLAUSE_FRAMES[int(rng.random() * len(_CLAUSE_FRAMES))]
        joint = " that " if that and rng.random() < 0.5 else " "
    else:
        text = _PHRASE_FRAMES[int(rng.random() * len(_PHRASE_FRAMES))]
        joint = " "
    return text + joint + decap(clause)


# Frames that do not name the victim, for a clause that begins with the victim.
_NEUTRAL_FRAMES = (
    "Reported that",
    "Caller states",
    "Call received stating",
    "Circs:",
    "It is reported that",
    "Report received that",
)


def _names_victim(ctx: Ctx, clause: str) -> bool:
    start = clause[:24].lower()
    if start.startswith(
        (
            "ip ",
            "ip's",
            "the ip",
            "the victim",
            "v ",
            "v's",
            "aggrieved",
            "the injured party",
            "the complainant",
            "the aggrieved",
        )
    ):
        return True
    name = ctx.victim.forename
    return bool(name) and clause.startswith(name)


SLOTS: grammar.SlotTable = {
    "V": lambda c: _victim(c, "s"),
    "Vo": lambda c: _victim(c, "o"),
    "Vp": lambda c: _victim(c, "p"),
    "vshe": lambda c: c.victim.she,
    "vher": lambda c: c.victim.her,
    "vhis": lambda c: c.victim.hers,
    "S": lambda c: _suspect(c, "s"),
    "Sn": _suspect_named,
    "Vn": _victim_named,
    "So": lambda c: _suspect(c, "o"),
    "Sp": lambda c: _suspect(c, "p"),
    "sshe": lambda c: c.suspect.she,
    "shim": lambda c: c.suspect.her,
    "shis": lambda c: c.suspect.hers,
    "Vintro": _victim_intro,
    "Sintro": _suspect_intro,
    "rel": _relation,
    "n_big": _n_big,
    "n_some": _n_some,
    "n_day": _n_day,
    "times": _times,
    "n_mins": _n_mins,
    "n_miles": _n_miles,
    "date": _date,
    "date0": _date0,
    "time": _time,
    "shop_time": _shop_time,
    "night_time": _night_time,
    "weekday": _weekday,
    "month": _month,
    "since": _since,
    "old_year": _old_year,
    "sep": _sep,
    "when": _when,
    "span": _span,
    "home": _home,
    "street": lambda c: c.home_street,
    "work": _work,
    "place": _place,
    "place2": _place2,
    "car": _car,
    "platform": _platform,
    "msgs": _msgs,
    "msgs_np": _msgs_np,
    "calls": _calls,
    "calls_np": _calls_np,
    "msg_content": _msg_content,
    "threat_quote": _threat_quote,
    "note_quote": _note_quote,
    "family_member": _family_member,
    "order_name": _order_name,
    "order_abbr": _order_abbr,
    "order_date": _order_date,
    "order_expiry": _order_expiry,
    "nth": _nth,
    "prev_ref": _prev_ref,
    "prev_refs": _prev_refs,
    "prev_month": _prev_month,
    "third": _third,
}
for _name in ("issue", "item", "amount", "business", "pet", "vehicle", "shop", "venue", "goods"):
    SLOTS[_name] = _extra(_name)  # type: ignore[assignment]


# ---------------------------------------------------------------- finishing


_ABBREVIATIONS = {
    "and": "&",
    "with": "w/",
    "without": "w/o",
    "approximately": "approx",
    "messages": "msgs",
    "message": "msg",
    "telephone": "tel",
    "information": "info",
    "because": "as",
    "between": "btwn",
    "received": "recd",
    "statement": "stmt",
    "suspect": "susp",
    "victim": "IP",
    "police": "pol",
    "officers": "offrs",
    "about": "abt",
    "withheld": "w/h",
    "address": "addr",
    "hours": "hrs",
    "minutes": "mins",
    "vehicle": "veh",
    "regarding": "re",
    "previous": "prev",
}
_ABBREV_RE = re.compile(r"\b(" + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")\b")

_SLIPS = {
    "received": ("recieved", "recived"),
    "separated": ("seperated",),
    "definitely": ("definately", "defo"),
    "harassment": ("harrassment", "harasment"),
    "harassing": ("harrassing",),
    "until": ("untill", "til"),
    "across": ("accross",),
    "beginning": ("begining",),
    "weird": ("wierd",),
    "believes": ("beleives",),
    "believe": ("beleive",),
    "occurred": ("occured",),
    "occasions": ("occassions", "ocasions"),
    "neighbour": ("neighbor", "nieghbour"),
    "neighbours": ("neighbors", "nieghbours"),
    "apparently": ("apparantly",),
    "threatening": ("threatning",),
    "whether": ("wether",),
    "friend": ("freind",),
    "friends": ("freinds",),
    "immediately": ("immediatly",),
    "business": ("buisness",),
    "colleague": ("collegue",),
    "colleagues": ("collegues",),
    "February": ("Febuary",),
    "Wednesday": ("Wensday",),
    "their": ("there",),
    "relationship": ("relationshp", "realtionship"),
    "address": ("adress",),
    "phone": ("fone",),
    "suspect": ("suspsect", "supsect"),
    "victim": ("vicitm",),
    "because": ("becuase",),
    "said": ("siad",),
    "which": ("wich",),
    "through": ("thru",),
    "arrested": ("arested",),
}
_SLIP_RE = re.compile(r"\b(" + "|".join(sorted(_SLIPS, key=len, reverse=True)) + r")\b")
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_PUNCT = re.compile(r" ([,.;:])")
_DOUBLE_DOT = re.compile(r"\.(\s*\.)+")


def finish(ctx: Ctx, sentences: list[str]) -> str:
    """Join sentences in the officer's voice: capitals, abbreviations, slips."""
    voice = ctx.voice
    rng = ctx.rng
    parts = []
    for sentence in sentences:
        text = sentence.strip()
        if not text:
            continue
        if not voice.lower:
            text = text[0].upper() + text[1:]
        elif rng.random() < 0.7 and not _keeps_capital(text):
            text = text[0].lower() + text[1:]
        parts.append(text.rstrip(" .;,"))
    if not parts:
        return ""
    text = voice.joiner.join(parts)
    if voice.joiner.strip() == "." or voice.joiner == "\n":
        text += "." if rng.random() < 0.85 else ""
    if voice.terse > 0.3:
        rate = voice.terse * 0.5

        def shorten(m: re.Match[str]) -> str:
            return _ABBREVIATIONS[m.group(1)] if rng.random() < rate else m.group(1)

        text = _ABBREV_RE.sub(shorten, text)
    if voice.slips:
        slip_rate = voice.slips

        def slip(m: re.Match[str]) -> str:
            word = m.group(1)
            if rng.random() < slip_rate:
                options = _SLIPS[word]
                return options[int(rng.random() * len(options))]
            return word

        text = _SLIP_RE.sub(slip, text)
    # Tidy the joins (cheap membership tests first: most narratives need nothing).
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    if " ," in text or " ." in text or " ;" in text or " :" in text:
        text = _SPACE_PUNCT.sub(r"\1", text)
    if ".." in text or ". ." in text:
        text = _DOUBLE_DOT.sub(".", text)
    if ",," in text:
        text = text.replace(",,", ",")
    if voice.shouty:
        text = text.upper()
    return text


def decap(text: str) -> str:
    """Lower-case a clause's first word so it can follow "IP reports that"."""
    if _keeps_capital(text):
        return text
    return text[0].lower() + text[1:]


def _keeps_capital(text: str) -> bool:
    """True when the first word is an abbreviation (IP, CCTV) or a name (Sarah, Ring)."""
    first = text.split(" ", 1)[0].rstrip(",.;:")
    first = first.removesuffix("'s")
    if len(first) > 1 and (first[1].isupper() or first[1].isdigit() or not first[1].isalpha()):
        return True
    return first in _PROPER


_PROPER = frozenset(
    {n for pool in names.FEMALE.values() for n in pool}
    | {n for pool in names.MALE.values() for n in pool}
    | {n for pool in names.SURNAMES.values() for n in pool}
    | {n for short in names.NICKNAMES.values() for n in short}
    | {
        "Ring",
        "Find",
        "Facebook",
        "Instagram",
        "WhatsApp",
        "Snapchat",
        "TikTok",
        "Mr",
        "Ms",
        "Miss",
        "Mrs",
        "Dr",
        "Life360",
        "Snap",
        "Action",
        "Hinge",
        "Tinder",
        "Bumble",
        "PNC",
    }
)


def shift_day(d: date, days: int) -> date:
    return d + timedelta(days=days)
