"""The decision for one record: points from evidence, a 0..1 score, a band and plain reasons.

Points (see docs/screening.md for the full table):

* each distinct behaviour found (weights in ``catalogue.py``), plus a bonus for a range of them;
* repetition: counts ("approx 9,800 msgs"), frequency words, several occasions or dates, a series
  of linked records; unwanted-ness: refusals, blocking, warnings, orders; victim impact;
* a series of records with the same suspect and victim, and breaches of orders protecting her;
* the April 2020 ex-partner rule where there is a course of conduct;
* minus: a single incident, conduct that centres on a dispute, conduct spread over unconnected
  strangers, and no sign of repetition at all.

The score is a logistic function of the points; the thresholds are in ``ScreeningConfig``.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from .catalogue import CATALOGUE, PURSUIT
from .config import ScreeningConfig
from .narrative import Finding, NarrativeFindings
from .series import UNKNOWN, Linked, incident_date

FOUR_KEYS = ("fixated", "obsessive", "unwanted", "repeated")
MARKERS = frozenset({"B27", "B30", "B31", "B32"})  # counted separately from conduct
# Presence and breach behaviours that mean nothing under an order protecting no one.
_ZONE_CODES = frozenset({"B02", "B03", "B04", "B28"})
_PRESENCE_CODES = frozenset({"B03", "B04"})
FIXATION_CODES = frozenset({"B01", "B07", "B10", "B13", "B14", "B16", "B17", "B18", "B26", "B29"})
# Conduct aimed at the person's life (where she is, who she is with), not at an issue.
PERSON_CENTRED = FIXATION_CODES | {"B02", "B03", "B04", "B05", "B11", "B20", "B28"}


@dataclass
class Evidence:
    """Everything known about one record (and its series) that the decision weighs."""

    record: Mapping[str, Any]
    findings: NarrativeFindings
    linked: Linked
    series_findings: list[NarrativeFindings] = field(default_factory=list)
    series_refs: list[str] = field(default_factory=list)
    # Dispute signals for this record: its own, else its series' (``series_dispute``). The
    # screener works the series part out once per series; None: from ``series_findings``.
    dispute: list[Finding] | None = None


@dataclass(frozen=True)
class _Context:
    """What several parts of the decision need, worked out once per record."""

    dispute: list[Finding]  # dispute signals in the record, else in its series
    no_breach: bool  # the record says there was no breach ("no breach identified")
    victim_initiated: bool  # the victim asked for or began the contact ("invited him round")
    breaches: bool  # the record reports a breach that counts (not cancelled by the above)


@dataclass
class Tally:
    points: float = 0.0
    reasons: list[str] = field(default_factory=list)
    against: list[str] = field(default_factory=list)
    four: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in FOUR_KEYS})

    def add(self, points: float, reason: str | None = None) -> None:
        self.points += points
        if reason:
            (self.reasons if points >= 0 else self.against).append(reason)

    def evidence(self, element: str, item: str) -> None:
        items = self.four[element]
        if item not in items and len(items) < 6:
            items.append(item)


def decide(evidence: Evidence, config: ScreeningConfig) -> dict[str, Any]:
    record = evidence.record
    findings = evidence.findings
    no_victim = bool(findings.signal("NO_VICTIM") or findings.signal("VICTIMLESS_ORDER"))
    if no_victim:
        # an order that protects no one (a PSPO, a begging CBO, "no individual victim"): being
        # in its zone or breaching it is no conduct towards a person
        findings = replace(
            findings,
            behaviours=[f for f in findings.behaviours if f.code not in _ZONE_CODES],
        )
    if (
        findings.signal("CHANCE")
        and evidence.linked.series is None
        and not any(c.value >= 2 for c in findings.counts if c.unit != "duration")
    ):
        # "both attended the funeral; he approached her at the wake": one meeting at an event
        # they both went to is not turning up where she is
        findings = replace(
            findings,
            behaviours=[f for f in findings.behaviours if f.code not in _PRESENCE_CODES],
        )
    tally = Tally()
    conduct = _conduct(findings)
    series_conduct = set(conduct)
    for other in evidence.series_findings:
        series_conduct |= _conduct(other)
    no_breach = bool(findings.signal("NO_BREACH")) or no_victim
    victim_initiated = bool(findings.signal("VICTIM_INITIATED"))
    context = _Context(
        evidence.dispute
        if evidence.dispute is not None
        else series_dispute(findings, evidence.series_findings),
        no_breach,
        victim_initiated,
        bool(evidence.linked.breaches) and not (no_breach or victim_initiated),
    )

    _behaviour_points(findings, config, tally)
    repeated, course = _repetition(findings, evidence, context, tally)
    if repeated > 0 or evidence.linked.series is not None:
        # a range of kinds in a single encounter is not a pattern
        _range_points(series_conduct, tally)
    unwanted = _unwanted(findings, evidence, context, tally, config)
    # A separation on its own is not fixation: it needs pursuit of the person to outweigh a
    # dispute ("parties separated 2022 ... disagreement over holiday dates").
    fixated = bool(series_conduct & FIXATION_CODES) or (
        bool(findings.of("B30")) and bool(series_conduct & PURSUIT)
    )
    _impact(findings, tally)
    _series_points(evidence, context, series_conduct, tally)
    ex_rule = _ex_partner_rule(record, evidence, context, course, fixated, config, tally)
    fixated = fixated or ex_rule
    _against(findings, evidence, context, repeated, fixated, tally)

    score = 1.0 / (1.0 + math.exp(-(tally.points - config.points_midpoint) * config.points_slope))
    score = round(min(1.0, max(0.0, score)), 3)
    indicated = score >= config.indicate_at
    counter = bool(findings.signal("COUNTER"))
    if score >= config.high_at:
        band = "high"
    elif indicated or score >= config.review_at or counter:
        band = "review"
    else:
        band = "low"
    s4a = _s4a(evidence)
    person_centred = fixated or bool(series_conduct & PERSON_CENTRED)
    candidates = _candidates(
        record, findings, evidence, context, indicated, person_centred, repeated, config
    )
    reasons = _reasons(tally, findings, s4a, candidates, counter, indicated, ex_rule)
    already = str(record.get("classification") or "") in config.stalking_classes
    return {
        "crime_ref": str(record["crime_ref"]),
        "stalking_indicated": indicated,
        "score": score,
        "reasons": reasons,
        "suggested_classification": "8Q" if indicated and not already else None,
        "band": band,
        "four": tally.four,
        "behaviours": [f.as_dict() for f in findings.behaviours],
        "series": _series_out(evidence),
        "s4a": s4a,
        "candidates": candidates,
        "discounted": [
            {"behaviour": f.code, "text": f.text, "start": f.start, "end": f.end, "why": f.status}
            for f in findings.discounted[:10]
        ],
        "unwanted": unwanted,
    }


def _conduct(findings: NarrativeFindings) -> set[str]:
    return {f.code for f in findings.behaviours if f.code not in MARKERS}


def _behaviour_points(findings: NarrativeFindings, config: ScreeningConfig, tally: Tally) -> None:
    grouped: dict[str, list[Finding]] = {}
    for finding in findings.behaviours:
        grouped.setdefault(finding.code, []).append(finding)
    for code in sorted(grouped, key=lambda c: -CATALOGUE[c].weight):
        behaviour = CATALOGUE[code]
        items = grouped[code]
        historic = all(f.status == "historic" for f in items)
        if code in ("B31", "B32", "B27"):
            for finding in items:
                for element in behaviour.four:
                    tally.evidence(element, _cite(finding, behaviour.label))
            continue
        weight = behaviour.weight * (0.6 if historic else 1.0)
        quotes = _quotes(items, config.quotes_per_reason)
        elements = ", ".join(behaviour.four)
        where = f", s.2A(3){behaviour.s2a}" if behaviour.s2a else ""
        prefix = "Earlier conduct - " if historic else ""
        tally.add(weight, f"{prefix}{behaviour.label} ({code}{where}): {quotes} ({elements})")
        for finding in items:
            for element in behaviour.four:
                tally.evidence(element, _cite(finding, behaviour.label))


def _repetition(
    findings: NarrativeFindings, evidence: Evidence, context: _Context, tally: Tally
) -> tuple[float, float]:
    """How strongly the narrative (and series) shows conduct on two or more occasions (0..1),
    and the same without plural nouns alone ("messages"), which show some repetition but not
    a course of conduct."""
    strength = 0.0
    why: list[str] = []
    contacts = [c for c in findings.counts if c.unit in ("contact", "letter", "item")]
    occasions = [c for c in findings.counts if c.unit == "occasion"]
    top_contact = max(contacts, key=lambda c: c.value, default=None)
    if top_contact is not None and top_contact.value >= 2:
        strength = max(strength, 1.0 if top_contact.value >= 5 else 0.6)
        why.append(f"'{top_contact.text}'")
    top_occasion = max(occasions, key=lambda c: c.value, default=None)
    if top_occasion is not None and top_occasion.value >= 2:
        strength = max(strength, 1.0 if top_occasion.value >= 3 else 0.8)
        why.append(f"'{top_occasion.text}'")
    frequency = findings.of("B27")
    if frequency:
        strength = max(strength, 0.8)
        why.extend(f"'{f.text}'" for f in frequency[:2])
    if findings.occasions >= 2 and _conduct(findings):
        strength = max(strength, 0.6 if findings.occasions == 2 else 0.8)
        why.append(f"about {findings.occasions} separate occasions or dates described")
    if _episodes(findings) >= 2 and not findings.signal("ONE_OFF"):
        # separate acts described in separate sentences: probably separate occasions
        strength = max(strength, 0.5)
    if findings.of("B28"):
        strength = max(strength, 0.6)
    series = evidence.linked.series
    if series is not None and len(series.indexes) >= 2:
        strength = 1.0
    if context.breaches:
        strength = max(strength, 0.6)
    course = strength
    plural = [
        f
        for f in findings.behaviours
        if f.code in ("B06", "B08", "B09") and f.text.lower().endswith("s")
    ]
    if plural:
        strength = max(strength, 0.5)
        if not why:
            why.append(f"'{plural[0].text}'")
    if strength > 0 and why:
        tally.add(strength, "Repeated conduct: " + "; ".join(dict.fromkeys(why)) + " (repeated)")
        for item in why:
            tally.evidence("repeated", item)
    elif strength > 0:
        tally.add(strength)
    return strength, course


def _episodes(findings: NarrativeFindings) -> int:
    """Separate episodes among the sentences describing conduct: a sentence that says it was
    the same episode ("20 mins later", "earlier that day") joins the sentence before it, and
    only that one."""
    sentences = {f.sentence for f in findings.behaviours if f.code not in MARKERS}
    same = {signal.sentence for signal in findings.signal("SAME_EPISODE")}
    return len({_episode_start(sentence, same) for sentence in sentences})


def _episode_start(sentence: int, same: set[int]) -> int:
    while sentence in same and sentence > 0:
        sentence -= 1
    return sentence


def _range_points(codes: set[str], tally: Tally) -> None:
    kinds = codes - MARKERS
    if len(kinds) >= 3:
        names = ", ".join(CATALOGUE[c].label.lower() for c in sorted(kinds))
        tally.add(
            0.5 if len(kinds) < 5 else 0.8,
            f"A range of {len(kinds)} kinds of behaviour ({names}): typical of stalking",
        )


def _unwanted(
    findings: NarrativeFindings,
    evidence: Evidence,
    context: _Context,
    tally: Tally,
    config: ScreeningConfig,
) -> bool:
    signals = findings.signal("UNWANTED")
    flags = set(evidence.record.get("flags") or ())
    breach_flag = bool(flags & config.breach_flags) or (
        str(evidence.record.get("classification") or "") in config.breach_classes
    )
    if context.no_breach or context.victim_initiated:
        # "no breach identified", "IP invited him round": the order shows nothing here
        breach_flag = False
    if signals:
        unique = list(dict.fromkeys(s.quote or s.text for s in signals))
        quotes = ", ".join(f"'{quote}'" for quote in unique[:2])
        tally.add(0.5, f"Unwanted: {quotes} (unwanted)")
        for signal in signals[:3]:
            tally.evidence("unwanted", f"'{signal.quote or signal.text}'")
    if context.breaches and any(b.linked for b in evidence.linked.breaches):
        tally.add(
            0.4,
            "An order protects this victim from this suspect, so contact is unwanted "
            "by definition (unwanted)",
        )
    elif breach_flag and not evidence.linked.breaches:
        tally.add(
            0.5,
            "Recorded as a breach of a protective order: the order itself shows the "
            "contact is unwanted and follows earlier conduct (unwanted)",
        )
        tally.evidence("unwanted", "breach of a protective order")
    return bool(signals or breach_flag or context.breaches or findings.of("B28"))


def _impact(findings: NarrativeFindings, tally: Tally) -> None:
    fear = findings.of("B31")
    effect = findings.of("B32")
    if fear:
        tally.add(0.4, "Victim's fear or distress: " + _quotes(fear, 2))
    if effect:
        tally.add(0.6, "Effect on the victim's daily life: " + _quotes(effect, 2))


def _series_points(
    evidence: Evidence, context: _Context, series_conduct: set[str], tally: Tally
) -> None:
    linked = evidence.linked
    series = linked.series
    if series is not None and len(series.indexes) >= 2:
        refs = ", ".join(evidence.series_refs)
        substance = 1.2 if series_conduct else 0.8
        who = (
            "the same victim, the suspect not named on some of them"
            if series.suspect == UNKNOWN or UNKNOWN in evidence.linked.suspects
            else "the same suspect and victim"
        )
        tally.add(
            substance,
            f"Part of a series of {len(series.indexes)} records with {who}: {refs} "
            "(a course of conduct)",
        )
        tally.evidence("repeated", f"series of {len(series.indexes)} linked records")
        if series_conduct & PURSUIT:
            tally.evidence("fixated", "the same victim targeted across linked records")
    for breach in linked.breaches if context.breaches else ():
        points = 1.0 if breach.linked else 0.6
        tally.add(points, f"This record {breach.describe()}: a warning sign in itself")
        tally.evidence("unwanted", breach.describe())
        tally.evidence("repeated", f"conduct after order {breach.order_ref} was made")


def _ex_partner_rule(
    record: Mapping[str, Any],
    evidence: Evidence,
    context: _Context,
    course: float,
    fixated: bool,
    config: ScreeningConfig,
    tally: Tally,
) -> bool:
    relationship = str(record.get("relationship") or "")
    if relationship not in config.ex_partner_relationships:
        return False
    when = incident_date(record)
    recorded = record.get("recorded_at")
    if recorded:
        with contextlib.suppress(ValueError):
            when = datetime.fromisoformat(str(recorded)[:10])
    if when is not None and when.date() < config.ex_partner_rule_from:
        return False
    dispute_only = bool(context.dispute) and not fixated
    one_off = bool(evidence.findings.signal("ONE_OFF")) and evidence.linked.series is None
    if course < 0.5 or dispute_only or one_off or context.victim_initiated:
        return False
    tally.add(
        1.0,
        "Ex-partner course of conduct: since April 2020 this is recorded as stalking (8Q) unless "
        "it is shown to be harassment only",
    )
    tally.evidence("fixated", "pursuit of an ex-partner")
    return True


def _against(
    findings: NarrativeFindings,
    evidence: Evidence,
    context: _Context,
    repeated: float,
    fixated: bool,
    tally: Tally,
) -> None:
    in_series = evidence.linked.series is not None or context.breaches
    strong_repeat = findings.max_count("contact", "letter", "item", "occasion") >= 5
    one_off = findings.signal("ONE_OFF")
    if one_off and not in_series and not strong_repeat:
        tally.add(
            -1.5,
            f"Described as a one-off: '{one_off[0].quote or one_off[0].text}' "
            "(a single incident is not a course of conduct)",
        )
    elif repeated == 0 and not in_series:
        tally.add(-1.0, "No sign of conduct on more than one occasion (not a course of conduct)")
    dispute = context.dispute
    if dispute:
        quote = dispute[0].quote or dispute[0].text
        if fixated:
            tally.add(
                -0.3,
                f"Mentions a dispute ('{quote}'), but the conduct centres on the "
                "person, not the issue",
            )
        else:
            tally.add(
                -2.5, f"Centres on a dispute or issue: '{quote}' (harassment rather than stalking)"
            )
    fraud = findings.signal("FRAUD")
    if fraud and not in_series:
        tally.add(
            -2.0,
            f"Reads as fraud or a scam ('{fraud[0].quote or fraud[0].text}'): the "
            "contact is about money, not the person",
        )
    theft = findings.signal("PROPERTY_CRIME")
    if theft and not in_series and not fixated:
        tally.add(
            -1.0, f"Reads as a property or acquisitive crime: '{theft[0].quote or theft[0].text}'"
        )
    unconnected = findings.signal("UNCONNECTED")
    multi = findings.signal("MULTI_TARGET")
    if unconnected and multi:
        tally.add(
            -2.0,
            f"Aimed at several unconnected people ('{multi[0].text}', "
            f"'{unconnected[0].text}') rather than fixed on one person",
        )
    elif multi and not fixated:
        tally.add(-0.5, f"Several people targeted: '{multi[0].text}'")
    elif unconnected and not _conduct(findings) & PURSUIT:
        tally.add(-0.3)


def series_dispute(
    findings: NarrativeFindings, series_findings: Sequence[NarrativeFindings]
) -> list[Finding]:
    """Dispute signals in this record, or else in the first record of its series that has
    them (a neighbour, money or parking row runs through the whole course). The screener works
    the series part out once per series; this is the same for one record."""
    own = findings.signal("DISPUTE")
    if own:
        return own
    for other in series_findings:
        signals = other.signal("DISPUTE")
        if signals:
            return signals
    return []


def _s4a(evidence: Evidence) -> dict[str, Any]:
    """Whether the s.4A thresholds seem met across the record and its series."""
    all_findings = [evidence.findings, *evidence.series_findings]
    fear_sentences: list[str] = []
    threats: list[str] = []
    effects: list[str] = []
    distress: list[str] = []
    for findings in all_findings:
        seen: set[int] = set()
        for finding in findings.of("B31"):
            if finding.sentence not in seen:
                seen.add(finding.sentence)
                fear_sentences.append(finding.quote or finding.text)
        threats.extend(f.quote or f.text for f in findings.of("B23"))
        effects.extend(f.quote or f.text for f in findings.of("B32"))
        distress.extend(f.quote or f.text for f in findings.of("B31"))
    threat_occasions = len(dict.fromkeys(threats))
    fear_occasions = len(fear_sentences) + (threat_occasions if fear_sentences else 0)
    fear_met = bool(fear_sentences) and fear_occasions >= 2
    alarm_met = bool(effects) and bool(distress or threats)
    return {
        "fear_of_violence": fear_met,
        "fear_occasions": fear_occasions,
        "serious_alarm_or_distress": alarm_met,
        "fear_evidence": list(dict.fromkeys([*fear_sentences, *threats]))[:4],
        "alarm_evidence": list(dict.fromkeys([*effects, *distress]))[:4],
        "home_office_code": "8/65" if fear_met else "8/66" if alarm_met else None,
    }


def _candidates(
    record: Mapping[str, Any],
    findings: NarrativeFindings,
    evidence: Evidence,
    context: _Context,
    indicated: bool,
    fixated: bool,
    repeated: float,
    config: ScreeningConfig,
) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    if indicated:
        out.append(
            {
                "classification": "8Q",
                "why": "stalking: a course of conduct centred on the person (see reasons)",
            }
        )
    relationship = str(record.get("relationship") or "")
    ccb = findings.signal("CCB")
    if (
        relationship in config.ccb_relationships
        or ccb
        or (str(record.get("classification") or "") in config.ccb_classes)
    ):
        why = f"'{ccb[0].quote or ccb[0].text}'" if ccb else f"relationship: {relationship}"
        out.append(
            {
                "classification": "8U",
                "why": f"controlling or coercive behaviour ({why}); look at the whole of the "
                "conduct",
            }
        )
    dispute = context.dispute
    if (repeated > 0 or evidence.linked.series is not None) and (dispute or not fixated):
        why = (
            f"the conduct concerns an issue ('{dispute[0].quote or dispute[0].text}')"
            if dispute
            else "repeated conduct without clear signs of fixation on the person"
        )
        out.append({"classification": "8L", "why": f"harassment: {why}"})
    return out


def _reasons(
    tally: Tally,
    findings: NarrativeFindings,
    s4a: dict[str, Any],
    candidates: list[dict[str, str]],
    counter: bool,
    indicated: bool,
    ex_rule: bool,
) -> list[str]:
    reasons = list(tally.reasons)
    if s4a["fear_of_violence"]:
        reasons.append(
            f"s.4A fear of violence seems met: fear on about {s4a['fear_occasions']} occasions "
            f"({'; '.join(repr(e) for e in s4a['fear_evidence'][:2])})"
        )
    if s4a["serious_alarm_or_distress"]:
        reasons.append(
            "s.4A serious alarm or distress with a substantial adverse effect seems "
            "met: " + "; ".join(repr(e) for e in s4a["alarm_evidence"][:2])
        )
    classes = [c["classification"] for c in candidates]
    if indicated and "8U" in classes:
        reasons.append(
            "Both stalking (8Q) and controlling or coercive behaviour (8U) fit: "
            + candidates[classes.index("8U")]["why"]
        )
    if indicated and "8L" in classes:
        reasons.append(
            "Both stalking (8Q) and harassment (8L) fit: " + candidates[classes.index("8L")]["why"]
        )
    if counter:
        quote = findings.signal("COUNTER")[0]
        reasons.append(
            f"Counter-allegation ('{quote.quote or quote.text}'): needs a person to "
            "review; not scored against the victim"
        )
    reasons.extend(tally.against)
    if not reasons:
        reasons.append("No stalking behaviours found in the narrative and no linked records")
    return reasons


def _series_out(evidence: Evidence) -> dict[str, Any] | None:
    series = evidence.linked.series
    if series is None:
        return None
    return {"series_id": series.series_id, "crime_refs": list(evidence.series_refs)}


def _quotes(findings: Sequence[Finding], limit: int) -> str:
    quotes = list(dict.fromkeys(f.quote or f.text for f in findings))
    return ", ".join(f"'{q}'" for q in quotes[:limit])


def _cite(finding: Finding, label: str) -> str:
    return f"'{finding.text}' ({finding.code} {label.lower()})"
