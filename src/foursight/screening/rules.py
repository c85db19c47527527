"""Behaviour rules: which concept tags, in which order and how close, make a behaviour.

A rule is a short sequence of concept tags (see ``lexicon.CONCEPTS``) that must occur in one
sentence, each part starting at most ``gap`` words after the previous part ends. The ``anchor``
part is the act itself: negation, hypothetical, advice and history scopes, and who did it, are all
judged at the anchor. Rules are data so they can be read, tested and extended without touching the
matcher.

Codes B01-B32 are catalogue behaviours; upper-case names are context signals the decision uses
(unwanted, one-off, dispute and so on).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, Literal

# "named": the suspect must be named (susp, he, the male); no one named is not enough.
Actor = Literal["suspect", "victim", "any", "not_police", "named"]


@dataclass(frozen=True)
class Rule:
    code: str
    parts: tuple[frozenset[str], ...]
    gaps: tuple[int, ...]
    anchor: int = 0
    actor: Actor = "suspect"
    scoped: bool = True  # negation / hypothetical / advice / instruction apply
    cross: bool = False  # may run across a sentence end (";" or ".")
    unordered: bool = False  # the two parts may come in either order
    plural: bool = False  # the anchor word must be plural ("letters", "msgs")
    perception: bool = False  # "saw him outside": the person seen is the actor
    reject_after: frozenset[str] = field(default_factory=frozenset)  # tags right after last part
    reject_before: frozenset[str] = field(default_factory=frozenset)  # tags right before anchor
    need_before: frozenset[str] = field(default_factory=frozenset)  # one of these right before
    reject_near: frozenset[str] = field(default_factory=frozenset)  # tags within 4 after anchor
    reject_between: frozenset[str] = field(default_factory=frozenset)  # tags between parts
    reject_last: frozenset[str] = field(default_factory=frozenset)  # tags the last part must lack
    reject_owner: bool = False  # "his house", "his own car": the suspect's own, not the victim's
    speech: bool = False  # a threat or declaration: "if" and "would" are part of it, not doubt
    exempt_question: bool = False  # still counts inside a question ("how does he know?")
    # one of these tags must occur somewhere in the same sentence ("since" for "he has been
    # texting her since March")
    context: frozenset[str] = field(default_factory=frozenset)
    # one of these tags must occur somewhere in the narrative ("victim works at a bank" makes
    # "the branch" her workplace)
    narrative: frozenset[str] = field(default_factory=frozenset)


def rule(code: str, spec: str, gap: int | tuple[int, ...] = 5, **options: object) -> Rule:
    """Build a rule from "TAG|TAG TAG" notation: spaces separate parts, bars give alternatives."""
    parts = tuple(frozenset(part.split("|")) for part in spec.split())
    gaps = gap if isinstance(gap, tuple) else tuple(gap for _ in parts[1:])
    for key in (
        "reject_after",
        "reject_before",
        "reject_near",
        "reject_between",
        "reject_last",
        "need_before",
        "context",
        "narrative",
    ):
        if key in options and isinstance(options[key], str):
            options[key] = frozenset(str(options[key]).split("|"))
    return Rule(code, parts, gaps, **options)  # type: ignore[arg-type]


PERSON: Final = "TARGET|VICT"
CONTACT_ACT: Final = "CONTACT_V|SEND|CONTACT_N"
# Conduct that "did not stop" can govern ("would not stop calling her", not "did not stop at
# the junction").
STOP_OBJECT: Final = "CONTACT_V|CONTACT_N|SEND|ARRIVE|ARRIVE_ROUND|FOLLOW|TAIL|WATCH"
# Acts that show conduct after an order was made (not SEND: "the order was made").
AFTER_ORDER_ACT: Final = "CONTACT_V|CONTACT_N|ARRIVE|APPROACH|WAIT|LOITER|GIFT|LETTER|WITHHELD"

RULES: Final[tuple[Rule, ...]] = (
    # B01 following. "follow" needs a person or vehicle as object, so "following the incident",
    # "the following day" and "follow-up" never fire; a platform nearby makes it online (B14).
    rule(
        "B01",
        f"FOLLOW {PERSON}|VVEHICLE|HOME",
        2,
        reject_before="FOLLOW_TIME_BEFORE",
        reject_after="TIME_NOUN",
        reject_near="PLATFORM",
        reject_between="TIME_NOUN|PREP",
    ),
    rule("B01", "BE_AUX FOLLOW", 1, anchor=1, reject_after="TIME_NOUN", reject_near="PLATFORM"),
    rule("B01", f"TAIL {PERSON}|VVEHICLE", 3, reject_after="TIME_NOUN"),
    rule("B01", "FOLLOW_PHRASE"),
    # B02 turning up at the home.
    rule("B02", "ARRIVE HOME", 5, reject_owner=True),
    rule("B02", "ARRIVE_ROUND"),
    rule("B02", "APPROACH HOME", 4),
    # B03 turning up at work, school, venues, or approaching the victim in person.
    rule("B03", "ARRIVE|APPROACH|WAIT WORK", 5, reject_owner=True),
    rule("B03", "ARRIVE PUBLIC", 4),
    rule("B03", f"APPROACH {PERSON}", 2),
    # "appeared at places she has gone"
    rule("B03", "ARRIVE PLACE_ANY PRON_F|VICT", (3, 2)),
    # arranging to be where she is: "timed his sessions to match hers", "he was there too"
    rule("B03", "CONTRIVE MATCH_HERS", 5),
    rule("B03", "BE_THERE TOO", 3),
    rule("B03", "ALREADY_THERE"),
    rule("B03", "SEEK_HER"),
    # her workplace named by its kind once the narrative says where she works ("victim works as a
    # cashier at a building society ... attended the branch")
    rule(
        "B03",
        "ARRIVE|APPROACH|WAIT|LOITER WORKPLACE_NOUN",
        4,
        narrative="HER_JOB",
        reject_owner=True,
    ),
    # joining a place or class she uses: "joined the gym she goes to", "enrolled in her class"
    rule("B03", "JOIN PUBLIC|PLACE_ANY|ACTIVITY|WORK VICT|PRON_F", (3, 1)),
    # B04 loitering, waiting, driving past.
    rule("B04", "LOITER"),
    rule("B04", "WAIT HOME|WORK|VEHICLE", 10, reject_owner=True),
    rule("B04", "WAIT NEAR", 2),
    rule("B04", "WAIT PUBLIC", 4, reject_owner=True),
    rule("B04", "SEE NEAR|HOME|WORK", 8, perception=True),
    rule("B04", f"DRIVE_WALK PAST HOME|{PERSON}", (2, 5)),
    # present near her home or work: "he has been in the coffee shop next door to her office"
    # (the suspect named: not "IP's car was parked outside her house")
    rule("B04", "NEAR VPLACE", 3, reject_before="LIVE", actor="named"),
    # B05 watching, photographing.
    rule("B05", f"WATCH {PERSON}|HOME", 3),
    rule("B05", f"PHOTO {PERSON}|HOME", 3),
    rule("B05", "PLACE_WATCH"),
    rule("B05", "PHOTO_OF", actor="not_police"),
    # B06 contact by any means.
    # "messages reviewed", "texts were examined": material police handle, not contact
    rule(
        "B06",
        "CONTACT_V",
        reject_after="ROUND|EVIDENCE_NOUN|INVESTIGATE",
        reject_before="DET",
    ),
    rule("B06", "CONTACT_N", reject_after="EVIDENCE_NOUN|INVESTIGATE", reject_near="PROHIBITED"),
    rule("B06", "WITHHELD"),
    # B07 getting round blocks: new numbers, accounts, platforms, payment references, proxies.
    rule("B07", "CIRCUMVENT"),
    rule("B07", f"{CONTACT_ACT} INSTEAD", 10),
    rule("B07", f"BLOCK {CONTACT_ACT}|CIRCUMVENT", 12, anchor=1),
    # B08 letters, cards, notes.
    rule("B08", "SEND|LEAVE LETTER", 7),
    rule("B08", "WINDOWNOTE"),
    rule("B08", "LETTER", plural=True),
    # "a card was posted through her door", "IP found a note on her car"
    rule("B08", "LETTER SEND|LEAVE|DELIVER", 6, anchor=1, actor="not_police"),
    rule("B08", "DISCOVER LETTER", 3, anchor=1),
    # B09 gifts, items left, deliveries, goods ordered.
    rule("B09", "SEND|LEAVE|DELIVER GIFT", 4),
    rule("B09", "GIFT SEND|LEAVE|DELIVER", 6, anchor=1, actor="not_police"),
    rule("B09", "LEAVE LOC_PREP HOME|VEHICLE", (6, 2)),
    rule("B09", "ORDER_GOODS"),
    # "takeaways have been ordered to IP's address in her name"
    rule("B09", "ORDER_V IN_HER_NAME", 6),
    # B10 proxies; B11 people around the victim.
    rule("B10", "PROXY", actor="not_police"),
    # through other people's accounts or phones; his friends or family contacting her; asking
    # others where she lives or who she is with
    rule("B10", "PROXY_VIA DEVICE|PLATFORM", 1, reject_before="TAKE_FROM"),
    rule("B10", f"ASSOC {CONTACT_ACT}|THREAT {PERSON}", (3, 2), anchor=1),
    rule("B10", "ASK OTHERS WH_SHE", (2, 3)),
    # asking about her timetable or bookings, with or without an addressee: "asked staff what
    # classes she had booked", "asking what time she finishes"
    rule("B10", "ASK HER_TIMETABLE", 4),
    rule(
        "B11",
        f"{CONTACT_ACT}|THREAT|ARRIVE|APPROACH|PUBLISH VFAMILY",
        6,
        reject_between="ABOUT_WORD",
    ),
    # B12 publishing; B13 fake profiles; B14 monitoring online; B15 accounts.
    rule("B12", "PUBLISH_DIRECT", actor="not_police"),
    rule("B12", f"PUBLISH ABOUT {PERSON}", (3, 2)),
    # her number, address or photos put on a site, in either voice
    rule("B12", "PUBLISH_V VDETAILS AD_SITE|PLATFORM", (3, 5)),
    rule("B12", "VDETAILS PUBLISH_V AD_SITE|PLATFORM", (3, 4), anchor=1),
    rule("B13", "FAKE", actor="not_police"),
    rule("B13", "FAKE_ADJ PLATFORM", 2, actor="not_police"),
    rule("B14", "MONITOR_ONLINE"),
    rule("B14", f"CHECK|FOLLOW {PERSON} PLATFORM", (1, 3)),
    rule("B14", "ENGAGE EVERY_POST", 3),
    rule("B15", "ACCOUNT"),
    rule("B15", "ENTER_V ACCOUNT_WORD", 4),
    # B16 tracking; B17 spyware; B18 knows too much.
    # the victim finding a device is not her act (``DISCOVER``); the victim locating her own
    # phone is
    rule("B16", "TRACK"),
    rule("B17", "SPYWARE", actor="not_police"),
    rule("B18", "KNOWS_DIRECT", exempt_question=True),
    rule("B18", "KNOW WH PRON_F|VICT|TARGET", (2, 1), exempt_question=True),
    rule("B18", "KNOW VINFO", 2, exempt_question=True),
    # a knowledge verb governing a list of her details: "referred to her children by name, to
    # the area where she lives and to a cafe she uses"
    rule("B18", "KNOW HER_DETAILS", 3, exempt_question=True),
    # B19 damage; B20 entry; B21 accounts and services; B22 vexatious reports.
    rule("B19", "DAMAGE_DIRECT"),
    rule("B19", "DAMAGE VEHICLE|HOME|PROPERTY", 4, reject_owner=True),
    rule("B19", "VEHICLE|PROPERTY BE_AUX DAMAGE", (3, 1), anchor=2),
    rule("B20", "ENTER_DIRECT"),
    rule("B20", "ENTER_V HOME|VEHICLE", 5, reject_owner=True),
    rule("B21", "SERVICES"),
    rule("B22", "REPORT"),
    # B23 threats (not against himself: that is B25).
    rule("B23", "THREAT", reject_near="SUICIDE|REFLEXIVE", speech=True),
    rule("B23", "SAY|THREAT FUT VIOLENT", (4, 3), reject_after="REFLEXIVE", speech=True),
    # B24 sexual threats and images; B25 suicide threats; B26 fixation.
    rule("B24", "THREAT|SHARE INTIMATE", 14, speech=True),
    rule("B24", "INTIMATE"),
    rule("B25", "SUICIDE", speech=True),
    rule("B26", "FIXATION", actor="not_police", speech=True),
    # B27 volume and frequency words (counts are found separately).
    rule("B27", "FREQ"),
    rule("B27", "KEEP GERUND", 1),
    # ongoing: "since Jan he has been viewing", "he has been texting her since March"
    rule("B27", "GERUND", need_before="BE_AUX", context="SINCE"),
    rule("B27", "OVER_THE_LAST DURATION_UNIT", 3),
    # B28 persisting despite warnings, orders, refusals or police action.
    rule(
        "B28",
        "WARN|ORDER|REFUSAL PERSIST",
        15,
        anchor=1,
        cross=True,
        unordered=True,
        reject_near="ORDER_ENDED",
        reject_before="OFFENCE_LEAD",
        actor="not_police",
    ),
    rule(
        "B28",
        f"ORDER THEN {CONTACT_ACT}|ARRIVE|APPROACH|WAIT|LOITER|SEE",
        (12, 6),
        anchor=2,
        cross=True,
        reject_near="ORDER_ENDED",
    ),
    # "since the order IP has received 6 parcels", "since it was served he has emailed her"
    rule(
        "B28", f"ORDER_LEAD ORDER {AFTER_ORDER_ACT}", (2, 12), anchor=2, reject_near="ORDER_ENDED"
    ),
    rule("B28", f"ORDER_SINCE {AFTER_ORDER_ACT}", 10, anchor=1),
    # "arrested for breach", "reported a breach": the reason for an action, not an act
    rule("B28", "BREACH ORDER", 4, actor="not_police", reject_before="OFFENCE_LEAD"),
    # "spoken to by police ... but the notes continued"
    rule("B28", "POLICE PERSIST", 12, anchor=1, cross=True, reject_before="OFFENCE_LEAD"),
    # "did not stop" persists only with conduct as its object ("would not stop calling her"):
    # ongoing conduct (B27), and persisting (B28) when a warning, order, refusal or police
    # action is in the sentence
    rule("B27", f"NOT_STOP {STOP_OBJECT}", 1),
    rule("B28", f"NOT_STOP {STOP_OBJECT}", 1, context="WARN|ORDER|REFUSAL|POLICE"),
    rule("B28", "BREACH_DIRECT", actor="not_police", reject_before="OFFENCE_LEAD"),
    # B29 reconnaissance and weapons; B30 separation or rejection.
    rule("B29", "RECON"),
    rule("B29", "HAVE WEAPON", 6),
    # "worked out her home town", "found out where she lives now"
    rule("B29", "FIND_OUT VINFO", 3),
    rule("B30", "SEPARATION", actor="any", scoped=False),
    # B31 fear and distress; B32 substantial adverse effect (the victim's, not the suspect's).
    rule("B31", "FEAR|DISTRESS", actor="victim", speech=True),
    rule("B32", "EFFECT", actor="victim"),
    rule("B32", "CHANGE ROUTINE", 5, actor="victim"),
    rule("B32", "RELOCATE HOME|WORK", 4, actor="victim"),
    # giving things up: "cancelled her membership", "no longer sleeps in that room", "started
    # using the back entrance"
    rule("B32", "GIVE_UP ACTIVITY|WORK|PUBLIC", 3, actor="victim"),
    rule("B32", "NO_LONGER ROUTINE_V", 2, actor="victim"),
    rule("B32", "ALT_USE ALT_PLACE", 3, actor="victim"),
    # Context signals.
    rule("UNWANTED", "REFUSAL", actor="any"),
    rule("UNWANTED", "VICT BLOCK", 3, actor="any"),
    rule("ONE_OFF", "ONE_OFF", actor="any", scoped=False),
    rule("DISPUTE", "DISPUTE", actor="any", scoped=False),
    rule("FRAUD", "FRAUD", actor="any", scoped=False),
    rule("PROPERTY_CRIME", "PROPERTY_CRIME", actor="any", scoped=False),
    rule("DISPUTE", "ISSUE_ABOUT ISSUE", 2, actor="any", scoped=False),
    rule("UNCONNECTED", "UNCONNECTED", actor="any", scoped=False),
    rule("MULTI_TARGET", "MULTI_TARGET", actor="any", scoped=False),
    rule("COUNTER", "COUNTER", actor="any", scoped=False),
    # "susp states she has been harassing him", "he denies it and says IP is following him":
    # the suspect (named) says it, denying or not
    rule(
        "COUNTER",
        "ALLEGE VICT|PRON_F|TARGET STALK_WORD|CONTACT_V|FOLLOW|TAIL",
        (2, 3),
        actor="named",
        scoped=False,
    ),
    rule("CCB", "CCB", actor="not_police"),
    rule("STALK_WORD", "STALK_WORD", actor="any"),
    rule("SAME_EPISODE", "SAME_EPISODE", actor="any", scoped=False),
    # the record says there was no breach, or the victim asked for the contact
    rule("NO_BREACH", "NO_BREACH", actor="any", scoped=False),
    # an order that protects no one: no breach points, no presence-in-zone evidence
    rule("NO_VICTIM", "NO_VICTIM", actor="any", scoped=False),
    # an event both attend, or a meeting by chance: not turning up where she is
    rule("CHANCE", "CHANCE", actor="any"),
    rule("VICTIMLESS_ORDER", "VICTIMLESS_ORDER", actor="any", scoped=False),
    rule(
        "VICTIM_INITIATED",
        "VICT|PRON_F INVITE",
        3,
        actor="any",
        reject_between="SUSP|PRON_M|REPORT_V",
    ),
    rule("VICTIM_INITIATED", "INITIATE_BY VICT|PRON_F", 2, actor="any", reject_after="SUSP"),
    rule("VICTIM_INITIATED", "VICT_INIT", actor="any"),
    rule("NEW_OCCASION", "NEW_OCCASION", actor="any", scoped=False),
)
