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
from typing import Literal

Actor = Literal["suspect", "victim", "any", "not_police"]


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
    reject_near: frozenset[str] = field(default_factory=frozenset)  # tags within 4 after anchor
    reject_between: frozenset[str] = field(default_factory=frozenset)  # tags between parts
    reject_last: frozenset[str] = field(default_factory=frozenset)  # tags the last part must lack
    reject_owner: bool = False  # "his house", "his own car": the suspect's own, not the victim's
    speech: bool = False  # a threat or declaration: "if" and "would" are part of it, not doubt
    exempt_question: bool = False  # still counts inside a question ("how does he know?")


def rule(code: str, spec: str, gap: int | tuple[int, ...] = 5, **options: object) -> Rule:
    """Build a rule from "TAG|TAG TAG" notation: spaces separate parts, bars give alternatives."""
    parts = tuple(frozenset(part.split("|")) for part in spec.split())
    gaps = gap if isinstance(gap, tuple) else tuple(gap for _ in parts[1:])
    for key in ("reject_after", "reject_before", "reject_near", "reject_between", "reject_last"):
        if key in options and isinstance(options[key], str):
            options[key] = frozenset(str(options[key]).split("|"))
    return Rule(code, parts, gaps, **options)  # type: ignore[arg-type]


PERSON = "TARGET|VICT"
CONTACT_ACT = "CONTACT_V|SEND|CONTACT_N"

RULES: tuple[Rule, ...] = (
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
    rule("B03", "ARRIVE|APPROACH|WAIT WORK", 5),
    rule("B03", "ARRIVE PUBLIC", 4),
    rule("B03", f"APPROACH {PERSON}", 2),
    # B04 loitering, waiting, driving past.
    rule("B04", "LOITER"),
    rule("B04", "WAIT HOME|WORK|VEHICLE", 10, reject_owner=True),
    rule("B04", "WAIT NEAR", 2),
    rule("B04", "WAIT PUBLIC", 4, reject_owner=True),
    rule("B04", "SEE NEAR|HOME|WORK", 8, perception=True),
    rule("B04", f"DRIVE_WALK PAST HOME|{PERSON}", (2, 5)),
    # B05 watching, photographing.
    rule("B05", f"WATCH {PERSON}|HOME", 3),
    rule("B05", f"PHOTO {PERSON}|HOME", 3),
    rule("B05", "PLACE_WATCH"),
    rule("B05", "PHOTO_OF", actor="not_police"),
    # B06 contact by any means.
    rule("B06", "CONTACT_V", reject_after="ROUND|EVIDENCE_NOUN", reject_before="DET"),
    rule("B06", "CONTACT_N", reject_after="EVIDENCE_NOUN", reject_near="PROHIBITED"),
    rule("B06", "WITHHELD"),
    # B07 getting round blocks: new numbers, accounts, platforms, payment references, proxies.
    rule("B07", "CIRCUMVENT"),
    rule("B07", f"{CONTACT_ACT} INSTEAD", 10),
    rule("B07", f"BLOCK {CONTACT_ACT}|CIRCUMVENT", 12, anchor=1),
    # B08 letters, cards, notes.
    rule("B08", "SEND|LEAVE LETTER", 7),
    rule("B08", "WINDOWNOTE"),
    rule("B08", "LETTER", plural=True),
    # B09 gifts, items left, deliveries, goods ordered.
    rule("B09", "SEND|LEAVE|DELIVER GIFT", 4),
    rule("B09", "GIFT SEND|LEAVE|DELIVER", 4, anchor=1, actor="not_police"),
    rule("B09", "LEAVE LOC_PREP HOME|VEHICLE", (6, 2)),
    rule("B09", "ORDER_GOODS"),
    # B10 proxies; B11 people around the victim.
    rule("B10", "PROXY", actor="not_police"),
    rule(
        "B11",
        f"{CONTACT_ACT}|THREAT|ARRIVE|APPROACH|PUBLISH VFAMILY",
        6,
        reject_between="ABOUT_WORD",
    ),
    # B12 publishing; B13 fake profiles; B14 monitoring online; B15 accounts.
    rule("B12", "PUBLISH_DIRECT", actor="not_police"),
    rule("B12", f"PUBLISH ABOUT {PERSON}", (3, 2)),
    rule("B13", "FAKE", actor="not_police"),
    rule("B13", "FAKE_ADJ PLATFORM", 2, actor="not_police"),
    rule("B14", "MONITOR_ONLINE"),
    rule("B14", f"CHECK|FOLLOW {PERSON} PLATFORM", (1, 3)),
    rule("B15", "ACCOUNT"),
    rule("B15", "ENTER_V ACCOUNT_WORD", 4),
    # B16 tracking; B17 spyware; B18 knows too much.
    rule("B16", "TRACK", actor="not_police"),
    rule("B17", "SPYWARE", actor="not_police"),
    rule("B18", "KNOWS_DIRECT", exempt_question=True),
    rule("B18", "KNOW WH PRON_F|VICT|TARGET", (2, 1), exempt_question=True),
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
    # B28 persisting despite warnings, orders, refusals or police action.
    rule(
        "B28",
        "WARN|ORDER|REFUSAL PERSIST",
        15,
        anchor=1,
        cross=True,
        unordered=True,
        reject_near="ORDER_ENDED",
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
    rule("B28", "BREACH ORDER", 4, actor="not_police"),
    # "spoken to by police ... but the notes continued"
    rule("B28", "POLICE PERSIST", 12, anchor=1, cross=True),
    rule("B28", "BREACH_DIRECT", actor="not_police"),
    # B29 reconnaissance and weapons; B30 separation or rejection.
    rule("B29", "RECON"),
    rule("B29", "HAVE WEAPON", 6),
    rule("B30", "SEPARATION", actor="any", scoped=False),
    # B31 fear and distress; B32 substantial adverse effect (the victim's, not the suspect's).
    rule("B31", "FEAR|DISTRESS", actor="victim", speech=True),
    rule("B32", "EFFECT", actor="victim"),
    rule("B32", "CHANGE ROUTINE", 5, actor="victim"),
    rule("B32", "RELOCATE HOME|WORK", 4, actor="victim"),
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
    rule(
        "COUNTER",
        "SUSP SAY VICT|PRON_F STALK_WORD|CONTACT_V|FOLLOW",
        (3, 2, 3),
        actor="any",
        scoped=False,
    ),
    rule("CCB", "CCB", actor="not_police"),
    rule("STALK_WORD", "STALK_WORD", actor="any"),
    rule("SAME_EPISODE", "SAME_EPISODE", actor="any", scoped=False),
    rule("NEW_OCCASION", "NEW_OCCASION", actor="any", scoped=False),
)
