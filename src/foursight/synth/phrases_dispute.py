"""Phrases for harassment that is not stalking: disputes about one issue, often two-sided.

Neighbours over a boundary, parking or noise; money owed for a job or a loan; a family row over
a will; a landlord and tenant; a single-issue row that runs for weeks. The conduct repeats and is
unwanted, and some of it reads alarmingly (cameras, notes, turning up, many messages), but it is
about the issue, not the person.
"""

from __future__ import annotations

from typing import Any

# theme -> (relationship choices, issue phrases, context templates, act templates, classes)
# Each act template is (code, FOUR tags, template).
Act = tuple[str, tuple[str, ...], str]

THEMES: dict[str, dict[str, Any]] = {
    "neighbour_boundary": {
        "relationship": ("neighbour",),
        "issue": (
            "the boundary fence",
            "the hedge between the two gardens",
            "the shared driveway",
            "a strip of land at the side of the house",
            "the position of the fence",
        ),
        "context": (
            "[Ongoing|Long-running|Continuing] [neighbour dispute|dispute between neighbours] "
            "over {issue}",
            "{V} and {So} [live next door to each other|are neighbours] and have been [in "
            "dispute|falling out] over {issue} since {since}",
            "Parties [are|have been] in dispute over {issue} <for over a year>",
        ),
        "acts": (
            (
                "boundary_interference",
                ("unwanted",),
                "{S} [moved|took down|pulled up] [the "
                "fence posts|part of the fence|the boundary markers] <{when}>",
            ),
            (
                "property_damage",
                ("unwanted",),
                "{S} [cut back|hacked at|poisoned] {Vp} [hedge|"
                "shrubs|plants] <on {vhis} side of the boundary>",
            ),
            (
                "dumping",
                (),
                "{S} [threw|tipped] [garden waste|grass cuttings|rubbish] over the "
                "fence into {Vp} garden",
            ),
            (
                "verbal_abuse",
                ("unwanted",),
                "{S} [shouted|swore|was shouting abuse] at {Vo} over the fence <{when}>",
            ),
            (
                "filming_neighbour",
                (),
                "{S} [has put up|installed] a camera [that points|pointing] [into|at] {Vp} garden",
            ),
            (
                "filming_neighbour",
                (),
                "{S} [stood|was standing] filming {Vo} on {shis} phone "
                "while {vshe} [was in the garden|worked on the fence]",
            ),
            (
                "spraying_water",
                ("unwanted",),
                "{S} [sprayed|turned the hose on] {Vo} over the fence",
            ),
            (
                "threats_violence",
                ("unwanted",),
                "{S} [said|told {Vo}] {vshe} would [regret it|"
                "get hurt] if {vshe} [touched|moved] the fence again",
            ),
        ),
        "classes": ("8L", "8L", "58A", "9A", "58D", "105A"),
    },
    "neighbour_parking": {
        "relationship": ("neighbour",),
        "issue": (
            "parking outside the houses",
            "a parking space",
            "cars blocking the drive",
            "parking on the shared access road",
        ),
        "context": (
            "[Ongoing|Long-standing] dispute with {So} [about|over] {issue}",
            "{V} and {So} [have fallen out|have been arguing] about {issue} [since|ever since] "
            "{since}",
        ),
        "acts": (
            (
                "parking_obstruction",
                (),
                "{S} [parked across|blocked] {Vp} [drive|driveway] [again|{times}] <{span}>",
            ),
            (
                "note_on_car",
                (),
                "{S} left [a note|an abusive note|a nasty note] on {Vp} "
                "windscreen about [parking|where {vshe} parks]",
            ),
            (
                "property_damage",
                ("unwanted",),
                "{Vp} car [was keyed|had its wing mirror "
                "smashed|had a tyre let down] [overnight|{when}] and {V} [believes|suspects] "
                "{So}",
            ),
            (
                "verbal_abuse",
                ("unwanted",),
                "{S} [came out and shouted|started shouting|swore] "
                "at {Vo} [about the parking|when {vshe} parked]",
            ),
            (
                "threats_violence",
                ("unwanted",),
                "{S} [threatened|said {sshe} would] [to smash "
                "{Vp} car|damage {vhis} car] if {vshe} [parked there again|didn't move it]",
            ),
        ),
        "classes": ("8L", "58C", "58C", "9A", "8L"),
    },
    "neighbour_noise": {
        "relationship": ("neighbour",),
        "issue": (
            "noise late at night",
            "loud music late at night",
            "the dog barking",
            "banging through the wall",
        ),
        "context": (
            "[Ongoing|Continuing] [noise dispute|dispute about noise] between {V} and {So} "
            "[over|about] {issue}",
            "{V} has complained to the council [several times|repeatedly] about {issue} from "
            "{Sp} [flat|house]",
        ),
        "acts": (
            (
                "noise",
                (),
                "{S} [played|was playing] [loud music|music at high volume] [until "
                "3am|late into the night|all weekend]",
            ),
            (
                "banging",
                (),
                "{S} [was banging|banged] on the [wall|ceiling|floor] [when {V} "
                "complained|in retaliation]",
            ),
            (
                "turning_up_door",
                (),
                "{S} came to {Vp} door [to complain about the noise|shouting about the "
                "complaint to the council|demanding to know who had complained]",
            ),
            (
                "abusive_notes",
                ("unwanted",),
                "{S} [put|pushed] [notes|an abusive note] "
                "through {Vp} door about the [complaints|noise]",
            ),
            (
                "verbal_abuse",
                ("unwanted",),
                "{S} [swore at|shouted at|abused] {Vo} in the [stairwell|communal area|car park]",
            ),
        ),
        "classes": ("8L", "9A", "9A", "8L"),
    },
    "business_money": {
        "relationship": ("acquaintance", "acquaintance", "stranger", "colleague"),
        "issue": (
            "money owed for [building work|a car|a kitchen fitting|a loan]",
            "an unpaid invoice",
            "a deposit for [a wedding venue|a car|a holiday let]",
            "a business partnership that ended badly",
            "a car sold with faults",
        ),
        "context": (
            "Dispute over {issue}",
            "{V} and {So} [are in dispute|fell out] over {issue}<, approx £{amount}>",
            "[Civil|Money] dispute between the parties over {issue}; [police advised|parties "
            "advised] [it is partly a civil matter|to seek legal advice]",
        ),
        "acts": (
            (
                "repeated_messages",
                ("unwanted",),
                "{S} [has sent|keeps sending] {Vo} [messages|"
                "texts|emails] [about the money|demanding payment|about the job] <{span}>",
            ),
            (
                "repeated_calls",
                (),
                "{S} [keeps ringing|has called] {Vo} {times} [about the money|demanding payment]",
            ),
            (
                "turning_up_business",
                ("unwanted",),
                "{S} [turned up|came] at {Vp} [shop|"
                "business|premises|yard] [demanding|wanting] [payment|the money|a refund]",
            ),
            (
                "publishing_reviews",
                (),
                "{S} [posted|has posted] [negative reviews|comments] about {Vp} business online",
            ),
            (
                "threats_violence",
                ("unwanted",),
                "{S} [said|told {Vo}] {sshe} would [send "
                "people round|get the money one way or another|sort {vher} out] if {vshe} didn't "
                "pay",
            ),
        ),
        "classes": ("8L", "8R", "8L", "9A"),
    },
    "family_row": {
        "relationship": ("family",),
        "issue": (
            "their late father's will",
            "the sale of the family house",
            "the care of their mother",
            "money borrowed from the family",
        ),
        "context": (
            "Family dispute over {issue}",
            "{V} and {Sp} [relationship|contact] broke down over {issue}",
        ),
        "acts": (
            (
                "repeated_messages",
                ("unwanted",),
                "{S} has been sending {Vo} [abusive|angry] [messages|texts] about {issue}",
            ),
            (
                "turning_up_door",
                ("unwanted",),
                "{S} [turned up|arrived] at {home} "
                "[demanding|shouting about] [the money|the will|their mother's things]",
            ),
            (
                "verbal_abuse",
                ("unwanted",),
                "{S} [shouted at|swore at] {Vo} [at the "
                "house|in the street|outside the solicitor's]",
            ),
            (
                "property_damage",
                ("unwanted",),
                "{S} [damaged|kicked] {Vp} [door|car|gate] during the argument",
            ),
        ),
        "classes": ("8L", "8R", "9A", "58A"),
    },
    "landlord_tenant": {
        "relationship": ("acquaintance",),
        "issue": ("rent arrears", "the deposit", "the eviction notice", "repairs to the flat"),
        "context": (
            "Landlord and tenant dispute over {issue}",
            "{V} rents [a flat|a room|the house] from {So}; they are in dispute over {issue}",
        ),
        "acts": (
            ("repeated_messages", (), "{S} [has been messaging|keeps texting] {Vo} about {issue}"),
            (
                "entering_property",
                ("unwanted",),
                "{S} [let {shim}self into|entered] the "
                "[flat|property] [without notice|while {V} was out]",
            ),
            (
                "locks_changed",
                ("unwanted",),
                "{S} [changed the locks|cut off the "
                "electric] [while {V} was at work|without warning]",
            ),
            ("verbal_abuse", ("unwanted",), "{S} [shouted at|threatened] {Vo} about {issue}"),
        ),
        "classes": ("8L", "8L", "9A"),
    },
    "one_issue_row": {
        "relationship": ("acquaintance", "acquaintance", "stranger", "colleague"),
        "issue": (
            "a post in the school parents' group",
            "an incident between their children",
            "the dog being off its lead",
            "a falling out at work",
            "comments made at the football club",
        ),
        "context": (
            "[Dispute|Falling out] between {V} and {So} [after|over] {issue}",
            "Tit-for-tat [dispute|row] [since|following] {issue}",
        ),
        "acts": (
            (
                "publishing_posts",
                (),
                "{S} [posted|put up] [comments|a post] about {Vo} "
                "[on Facebook|in the group chat|in the community page]",
            ),
            (
                "verbal_abuse",
                ("unwanted",),
                "{S} [confronted|shouted at] {Vo} [at the school "
                "gates|in the car park|outside the club]",
            ),
            (
                "repeated_messages",
                (),
                "[Messages|Msgs] [exchanged|going back and forth] "
                "between [the parties|{V} and {So}] about {issue}",
            ),
            (
                "threats_violence",
                ("unwanted",),
                "{S} [said|posted] {vshe} [would get what's coming|should watch {vher}self]",
            ),
        ),
        "classes": ("8L", "8R", "9A", "8L"),
    },
}

# Said of a dispute rather than of a pursuit; some of it reads alarmingly.
DISPUTE_NOTES: tuple[str, ...] = (
    "Both parties [have made|make] allegations against each other",
    "{S} [has made|makes] counter-allegations [about|against] {Vo}",
    "[Council|ASB team|Housing] [aware|involved|informed] <and mediation [offered|declined]>",
    "Both parties [advised|given words of advice] <about their behaviour>",
    "{V} [says|states] {vshe} feels [harassed|stalked|intimidated|watched] by {So}",
    "{V} [wants|would like] {So} [spoken to|warned] <but does not want {shim} arrested>",
    "[The issue|This|It all] [started|began] over {issue}",
    "{S} [states|says] {Vn} [is the problem|started it|provoked {shim}]",
    "Previous [incidents|reports] between the parties [logged|on file]",
    "[Advised|Parties advised] [to keep a diary|to avoid contact|re civil remedies]",
)

DISPUTE_POLICE: tuple[str, ...] = (
    "[Words of advice given|Both parties spoken to|Suspect spoken to] <by attending officers>",
    "[CCTV|Doorbell footage|Phone footage] [viewed|obtained|requested]",
    "[Referral to|Passed to] [the ASB team|the council|neighbourhood team]",
    "{Sn} [interviewed|to be interviewed] <voluntarily>",
)
