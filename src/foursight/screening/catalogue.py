"""The behaviour catalogue: B01-B32 from shared/domain/behaviours.md section 7.

Each behaviour carries the FOUR elements it evidences (analyst mapping), the closest PHA 1997
s.2A(3) example, and a weight used by the decision rule. Weights are a judgement: surveillance,
fixation and circumvention say more about stalking than a single message does. B31 and B32 are
the victim-impact features (s.4A) and are kept apart from the suspect's conduct.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Four = Literal["fixated", "obsessive", "unwanted", "repeated"]
Kind = Literal["conduct", "impact"]


@dataclass(frozen=True)
class Behaviour:
    code: str
    name: str
    s2a: str  # the PHA 1997 s.2A(3) paragraph(s) it falls under, "" where none fits
    four: tuple[Four, ...]
    weight: float
    kind: Kind = "conduct"
    label: str = ""  # short plain-English label used in reasons


FIX: Four = "fixated"
OBS: Four = "obsessive"
UNW: Four = "unwanted"
REP: Four = "repeated"

CATALOGUE: dict[str, Behaviour] = {
    b.code: b
    for b in (
        Behaviour(
            "B01", "Following on foot or by vehicle", "(a)", (FIX, REP), 1.2, label="Following"
        ),
        Behaviour(
            "B02",
            "Turning up uninvited at the home",
            "(b)(e)",
            (UNW, REP),
            1.1,
            label="Turning up at the home",
        ),
        Behaviour(
            "B03",
            "Turning up at work, school, social venues or wherever the victim is",
            "(e)",
            (FIX, REP),
            1.0,
            label="Turning up where the victim is",
        ),
        Behaviour(
            "B04",
            "Loitering or waiting nearby",
            "(e)",
            (REP, OBS),
            1.1,
            label="Loitering or waiting nearby",
        ),
        Behaviour(
            "B05",
            "Watching, spying, photographing, filming",
            "(g)",
            (OBS,),
            1.1,
            label="Watching or photographing",
        ),
        Behaviour(
            "B06",
            "Repeated direct contact (calls, texts, messages)",
            "(b)",
            (REP, UNW),
            0.7,
            label="Contact",
        ),
        Behaviour(
            "B07",
            "Circumventing blocks: new numbers, accounts or channels",
            "(b)",
            (UNW, FIX),
            1.1,
            label="Getting round blocks",
        ),
        Behaviour("B08", "Letters, cards, notes", "(b)", (REP,), 0.6, label="Letters or notes"),
        Behaviour(
            "B09",
            "Unwanted gifts, deliveries and orders",
            "(b)(f)",
            (UNW, OBS),
            0.8,
            label="Unwanted gifts or items left",
        ),
        Behaviour(
            "B10",
            "Using other people to make contact or gather information (proxy)",
            "(b)",
            (FIX, OBS),
            0.9,
            label="Contact through other people",
        ),
        Behaviour(
            "B11",
            "Targeting family, friends, new partner, colleagues",
            "(b)",
            (FIX,),
            0.9,
            label="Targeting people around the victim",
        ),
        Behaviour(
            "B12",
            "Publishing material about the victim; spreading rumours",
            "(c)",
            (OBS,),
            0.8,
            label="Publishing material or rumours",
        ),
        Behaviour(
            "B13",
            "Impersonation and fake profiles",
            "(c)",
            (OBS, FIX),
            1.0,
            label="Fake profiles or impersonation",
        ),
        Behaviour(
            "B14",
            "Monitoring social media and online activity",
            "(d)",
            (OBS,),
            1.0,
            label="Monitoring online activity",
        ),
        Behaviour(
            "B15",
            "Account compromise and password misuse",
            "(d)",
            (OBS,),
            1.0,
            label="Getting into accounts",
        ),
        Behaviour(
            "B16",
            "Location tracking (devices and apps)",
            "(d)(g)",
            (OBS, FIX),
            1.3,
            label="Location tracking",
        ),
        Behaviour(
            "B17",
            "Spyware/stalkerware and smart-device abuse",
            "(d)",
            (OBS,),
            1.3,
            label="Spyware or device abuse",
        ),
        Behaviour("B18", "Knows too much", "(g)", (OBS,), 1.1, label="Knows too much"),
        Behaviour(
            "B19",
            "Interfering with or damaging property",
            "(f)",
            (UNW,),
            0.6,
            label="Damage or interference with property",
        ),
        Behaviour(
            "B20",
            "Entering the home, garden or car; taking post or items",
            "(f)(e)",
            (UNW, OBS),
            0.8,
            label="Entering home, garden or car",
        ),
        Behaviour(
            "B21",
            "Interfering with the victim's accounts, services and bookings",
            "(f)",
            (UNW,),
            0.8,
            label="Interfering with accounts or services",
        ),
        Behaviour(
            "B22",
            "Vexatious reports, complaints and legal action",
            "(c)",
            (OBS, UNW),
            0.6,
            label="Vexatious reports or allegations",
        ),
        Behaviour("B23", "Threats of violence or death", "", (UNW,), 0.7, label="Threats"),
        Behaviour(
            "B24",
            "Sexual threats and intimate-image abuse",
            "(c)",
            (UNW,),
            0.8,
            label="Sexual threats or intimate images",
        ),
        Behaviour(
            "B25",
            "Suicide or self-harm threats used as leverage",
            "(b)",
            (FIX,),
            0.8,
            label="Suicide threats as leverage",
        ),
        Behaviour(
            "B26",
            "Fixation, possession and entitlement language",
            "",
            (FIX, OBS),
            1.2,
            label="Fixation",
        ),
        Behaviour(
            "B27",
            "Volume, frequency and duration markers",
            "",
            (REP,),
            0.8,
            label="Volume or frequency",
        ),
        Behaviour(
            "B28",
            "Persisting despite warnings, orders or police action",
            "",
            (UNW, REP),
            1.2,
            label="Persisting despite warnings or orders",
        ),
        Behaviour(
            "B29",
            "Research, reconnaissance and planning",
            "(g)",
            (OBS,),
            1.0,
            label="Reconnaissance or planning",
        ),
        Behaviour(
            "B30",
            "Post-separation pursuit",
            "(a)(b)",
            (FIX, UNW),
            0.6,
            label="After a separation or rejection",
        ),
        Behaviour("B31", "Victim fear", "", (), 0.5, "impact", label="Victim's fear"),
        Behaviour(
            "B32",
            "Substantial adverse effect on day-to-day life",
            "",
            (),
            0.7,
            "impact",
            label="Effect on the victim's daily life",
        ),
    )
}

# Behaviours whose presence shows surveillance or pursuit of the person rather than contact alone;
# a range of these is the clearest sign that conduct centres on the person (stalking), not an issue.
PURSUIT = frozenset(
    {
        "B01",
        "B02",
        "B03",
        "B04",
        "B05",
        "B07",
        "B10",
        "B13",
        "B14",
        "B15",
        "B16",
        "B17",
        "B18",
        "B20",
        "B26",
        "B29",
    }
)
