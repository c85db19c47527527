"""Narrative analysis: find stalking behaviours in one free-text narrative.

Method, in order:

1. tokenise and normalise (``text.py``): lower case, abbreviations ("susp", "txts", "ex-p"),
   contractions, lemmas ("followed" -> "follow"), numbers ("9,800", "x40", "five" -> #num);
2. find concept phrases in the lemma stream with one Aho-Corasick automaton (``lexicon.py``);
   longer phrases shadow the words inside them ("contact centre" is not contact);
3. apply the behaviour rules (``rules.py``): tags in order within a few words of each other in one
   sentence;
4. judge each match at its anchor word: who did it (suspect, victim, police, staff), and whether it
   is negated ("denies following"), an instruction ("told not to contact"), hypothetical ("fears
   he may follow her"), advice/template text ("advised to block him"), a question on a form, or
   earlier history ("previously");
5. count volumes ("approx 9,800 msgs", "x40 calls", "on five occasions") and distinct dates.

Only current and historic conduct counts as evidence; every other mention is kept as
``discounted`` with the reason, so a reviewer can see what was set aside and why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from typing import Any

import ahocorasick

from .catalogue import CATALOGUE
from .lexicon import CLAUSE_BREAK_WORDS, CONCEPTS, SHADOWED_TAGS, SHADOWING_TAGS
from .rules import RULES, Rule
from .text import NUM, TOKEN_RE, Normaliser, Tokens, tokenise

ACTIVE_STATUSES = frozenset({"current", "historic"})
ROLE_TAGS = {"SUSP": "suspect", "VICT": "victim", "POLICE": "police", "OTHERP": "other"}
# Words that take a person as object: "sent IP msgs", "asked susp to stop", "told him".
VERBISH_TAGS = frozenset(
    {
        "SEND",
        "CONTACT_V",
        "SAY",
        "KNOW",
        "WARN",
        "SEE",
        "APPROACH",
        "FOLLOW",
        "THREAT",
        "WATCH",
        "PHOTO",
        "BLOCK",
        "VIOLENT",
        "TAIL",
        "REFUSAL",
        "CHECK",
    }
)
TRANSITIVE = frozenset(
    {
        "ask",
        "tell",
        "warn",
        "stop",
        "see",
        "give",
        "send",
        "make",
        "call",
        "meet",
        "approach",
        "confront",
        "contact",
        "follow",
        "threaten",
        "push",
        "hit",
        "punch",
        "attack",
        "block",
        "text",
        "message",
        "email",
        "phone",
        "let",
        "help",
        "bring",
        "take",
        "allow",
        "persuade",
        "pressure",
        "press",
        "urge",
        "beg",
        "leave",
        "join",
        "visit",
        "find",
        "arrest",
        "reject",
        "spot",
        "notice",
        "recognise",
        "inform",
        "advise",
        "remind",
        "pay",
        "offer",
        "show",
    }
)
# "IP states the male tailed her": a reporting verb opens a clause; what follows is its subject.
REPORTING = frozenset(
    {
        "state",
        "say",
        "report",
        "allege",
        "claim",
        "believe",
        "think",
        "explain",
        "disclose",
        "describe",
        "add",
        "confirm",
        "feel",
        "suspect",
        "know",
        "that",
    }
)
PARTICIPLE_SUFFIXES = ("ed", "en")
PARTICIPLES = frozenset(
    {
        "seen",
        "sent",
        "left",
        "made",
        "found",
        "told",
        "taken",
        "given",
        "kept",
        "caught",
        "shown",
        "put",
        "set",
        "hit",
        "cut",
        "brought",
        "bought",
        "held",
        "heard",
        "written",
        "stolen",
        "known",
        "got",
        "driven",
        "rung",
        "thrown",
        "spoken",
        "paid",
    }
)
# "she was parked", "he was sat": adjectival, not passive.
STATIVE_PARTICIPLES = frozenset(
    {
        "parked",
        "sat",
        "stood",
        "seated",
        "located",
        "married",
        "separated",
        "engaged",
        "employed",
        "based",
        "scared",
        "worried",
        "concerned",
        "frightened",
        "terrified",
        "upset",
        "involved",
    }
)
COUNT_UNITS = {
    "CONTACT_N": "contact",
    "WITHHELD": "contact",
    "LETTER": "letter",
    "GIFT": "item",
    "OCCASION": "occasion",
}
DURATION_LEMMAS = frozenset({"day", "week", "month", "year", "night"})
# Dates are counted to estimate separate occasions. A regex over the whole text with month and
# weekday alternations costs more than tokenising, so only numeric dates use one; month and
# weekday names are read from the tokens.
NUMERIC_DATE_RE = re.compile(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}")
MONTHS = frozenset(
    {
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
    }
)
WEEKDAYS = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tues",
        "wed",
        "thurs",
        "fri",
        "sat",
        "sun",
    }
)


@dataclass(frozen=True)
class Finding:
    """One behaviour or signal found in the narrative, with the words that show it."""

    code: str
    text: str
    start: int
    end: int
    status: str  # current, historic, negated, denied, instruction, hypothetical, advice, ...
    sentence: int
    actor: str | None = None
    quote: str = ""  # the words around the match, for reasons a reviewer can check

    def as_dict(self) -> dict[str, Any]:
        return {"behaviour": self.code, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Count:
    """A number attached to a unit: 9,800 messages, 5 occasions, 12 months."""

    value: float
    unit: str  # contact, letter, item, occasion, duration
    text: str
    start: int
    end: int
    sentence: int


@dataclass
class NarrativeFindings:
    behaviours: list[Finding] = field(default_factory=list)  # current or historic B01-B32
    discounted: list[Finding] = field(default_factory=list)  # mentions set aside, with why
    signals: list[Finding] = field(default_factory=list)  # context signals (ONE_OFF, ...)
    counts: list[Count] = field(default_factory=list)
    dates: int = 0
    occasions: int = 1

    def codes(self, *, current_only: bool = False) -> set[str]:
        return {f.code for f in self.behaviours if not current_only or f.status == "current"}

    def of(self, code: str) -> list[Finding]:
        return [f for f in self.behaviours if f.code == code]

    def signal(self, code: str) -> list[Finding]:
        return [f for f in self.signals if f.code == code]

    def max_count(self, *units: str) -> float:
        values = [c.value for c in self.counts if c.unit in units]
        return max(values, default=0.0)


@dataclass(frozen=True)
class _Lexicon:
    automaton: Any
    normaliser: Normaliser


def _phrase_lemmas(phrase: str, normalise: Normaliser) -> tuple[str, ...]:
    out: list[str] = []
    for raw in TOKEN_RE.findall(phrase.lower()):
        if raw.isalnum() or "-" in raw or "'" in raw or "/" in raw or raw[0].isdigit():
            out.extend(normalise(raw))
    return tuple(out)


@cache
def _compiled(fuzzy: bool) -> _Lexicon:
    normalise = Normaliser(fuzzy=False)
    keyed: dict[str, tuple[int, set[str]]] = {}
    for tag, phrases in CONCEPTS.items():
        for phrase in phrases:
            lemmas = _phrase_lemmas(phrase, normalise)
            if not lemmas:
                continue
            key = " " + " ".join(lemmas) + " "
            keyed.setdefault(key, (len(lemmas), set()))[1].add(tag)
    automaton = ahocorasick.Automaton()
    for key, (length, tags) in keyed.items():
        frozen = frozenset(tags)
        cover = length > 1 and not frozen.isdisjoint(SHADOWING_TAGS)
        automaton.add_word(key, (length, frozen, cover, _occurrence_tags(frozen)))
    automaton.make_automaton()
    return _Lexicon(automaton, Normaliser(fuzzy=fuzzy))


@dataclass
class _Scan:
    """Per-narrative working state shared by the rule and scope checks."""

    text: str
    tokens: Tokens
    occurrences: dict[str, list[tuple[int, int]]]
    starts_at: dict[int, frozenset[str]]
    roles: dict[int, str]

    pronouns: dict[str, str | None] = field(default_factory=dict)
    marks: dict[str, set[int]] = field(default_factory=dict)  # scope tag -> start positions
    historic: set[int] = field(default_factory=set)  # sentences that mention history

    def tags_at(self, index: int) -> frozenset[str]:
        return self.starts_at.get(index, frozenset())


class NarrativeAnalyser:
    """Finds behaviours in narratives. Build once; ``scan`` is safe to call many times."""

    def __init__(self, fuzzy: bool = True, rules: tuple[Rule, ...] = RULES) -> None:
        lexicon = _compiled(fuzzy)
        self.automaton = lexicon.automaton
        self.normalise = lexicon.normaliser
        self.rules = rules
        # rules indexed by the tags of their first part, so only rules that can match are tried
        self._by_first: dict[str, list[int]] = {}
        for number, item in enumerate(rules):
            for tag in item.parts[0]:
                self._by_first.setdefault(tag, []).append(number)

    def scan(
        self,
        text: str,
        names: Mapping[str, str] | None = None,
        genders: Mapping[str, str] | None = None,
    ) -> NarrativeFindings:
        """Analyse one narrative.

        ``names`` maps lower-case forenames/surnames to a role ("suspect", "victim"), so
        "Ben" in "Ben followed Amy home" is known to be the suspect. ``genders`` may give
        {"suspect": "f", "victim": "m"} from the record, to resolve "he" and "she".
        """
        findings = NarrativeFindings()
        if not text or not text.strip():
            return findings
        tokens = tokenise(text, self.normalise, CLAUSE_BREAK_WORDS)
        if not tokens.lemmas:
            return findings
        scan = self._index(text, tokens, names, genders)
        seen: set[tuple[str, int]] = set()
        settled: set[tuple[str, int]] = set()
        present = scan.occurrences.keys()
        candidates: set[int] = set()
        for tag in present:
            numbers = self._by_first.get(tag)
            if numbers:
                candidates.update(numbers)
        for number in sorted(candidates):
            rule = self.rules[number]
            if any(part.isdisjoint(present) for part in rule.parts[1:]):
                continue
            sentence_of = tokens.sentence
            for match in self._matches(rule, scan):
                key = (rule.code, match[0])
                if key in seen or (rule.code, -1 - sentence_of[match[0]]) in settled:
                    continue
                seen.add(key)
                finding = self._judge(rule, match, scan)
                if finding is not None and finding.status == "current":
                    # one current finding of a behaviour per sentence is enough evidence;
                    # judging the rest of its matches there only repeats the work
                    settled.add((rule.code, -1 - finding.sentence))
                if finding is None:
                    continue
                if rule.code not in CATALOGUE:
                    if finding.status in ACTIVE_STATUSES or not rule.scoped:
                        findings.signals.append(finding)
                elif finding.status in ACTIVE_STATUSES:
                    findings.behaviours.append(finding)
                else:
                    findings.discounted.append(finding)
        findings.behaviours = _dedupe(findings.behaviours)
        findings.counts = self._counts(scan)
        findings.dates = _dates(text, tokens)
        findings.occasions = _occasions(findings)
        return findings

    # -- indexing ---------------------------------------------------------------------------

    def _index(
        self,
        text: str,
        tokens: Tokens,
        names: Mapping[str, str] | None,
        genders: Mapping[str, str] | None,
    ) -> _Scan:
        lemmas = tokens.lemmas
        joined = " " + " ".join(lemmas) + " "
        # the index of the space after token i is the running total of (length + 1)
        end_of = dict(
            zip(accumulate(len(lemma) + 1 for lemma in lemmas), range(len(lemmas)), strict=True)
        )
        sentence = tokens.sentence
        spans: list[_Span] = []
        covers = False
        for end_char, (length, tags, cover, occ) in self.automaton.iter(joined):
            last = end_of.get(end_char)
            if last is None:
                continue
            first = last - length + 1
            if sentence[first] == sentence[last]:
                spans.append((first, last + 1, tags, occ, cover))
                covers = covers or cover
        if covers:
            spans = _shadow(spans, len(lemmas))
        spans.extend((index, index + 1, _GERUND, _GERUND_OCC, False) for index in tokens.gerunds)
        occurrences: dict[str, list[tuple[int, int]]] = {}
        starts_at: dict[int, frozenset[str]] = {}
        for first, end, tags, occ, _cover in spans:
            known = starts_at.get(first)
            starts_at[first] = tags if known is None else known | tags
            span = (first, end)
            for tag in occ:
                found = occurrences.get(tag)
                if found is None:
                    occurrences[tag] = [span]
                else:
                    found.append(span)
        for spans_of_tag in occurrences.values():
            if len(spans_of_tag) > 1:
                spans_of_tag.sort()
        roles, pronouns = _roles(text, tokens, occurrences, names, genders)
        marks = {tag: {start for start, _end in occurrences.get(tag, ())} for tag in _SCOPE_TAGS}
        historic = {sentence[start] for start, _end in occurrences.get("HIST", ())}
        return _Scan(text, tokens, occurrences, starts_at, roles, pronouns, marks, historic)

    # -- rule matching ----------------------------------------------------------------------

    def _matches(self, rule: Rule, scan: _Scan) -> list[tuple[int, int, int, int]]:
        """Return (anchor start, anchor end, match start, match end) for each match."""
        occurrences = scan.occurrences
        first_part = _occurrences(occurrences, rule.parts[0])
        if not first_part:
            return []
        parts = [first_part] + [_occurrences(occurrences, p) for p in rule.parts[1:]]
        if any(not p for p in parts):
            return []
        out: list[tuple[int, int, int, int]] = []
        if len(parts) == 1:
            for span in first_part:
                if self._passes_rejects(rule, [span], scan):
                    out.append((span[0], span[1], span[0], span[1]))
            return out
        for start0, end0 in first_part:
            chain = self._extend(rule, [(start0, end0)], parts, scan)
            if chain is None:
                continue
            anchor = chain[rule.anchor]
            out.append((anchor[0], anchor[1], min(c[0] for c in chain), max(c[1] for c in chain)))
        return out

    def _extend(
        self,
        rule: Rule,
        chain: list[tuple[int, int]],
        parts: list[list[tuple[int, int]]],
        scan: _Scan,
    ) -> list[tuple[int, int]] | None:
        """Try each candidate for the next part in turn (nearest first); keep the first chain
        that passes the rule's rejections."""
        if len(chain) == len(parts):
            return chain if self._passes_rejects(rule, chain, scan) else None
        index = len(chain) - 1
        gap = rule.gaps[index]
        prev_start, prev_end = chain[-1]
        sentence = scan.tokens.sentence
        candidates = _after_within(
            parts[index + 1], prev_end, gap, rule.cross, sentence, prev_start
        )
        if rule.unordered and index == 0:
            candidates += _before_within(parts[1], prev_start, gap, rule.cross, sentence)
        for candidate in candidates:
            found = self._extend(rule, [*chain, candidate], parts, scan)
            if found is not None:
                return found
        return None

    def _passes_rejects(self, rule: Rule, chain: list[tuple[int, int]], scan: _Scan) -> bool:
        tokens = scan.tokens
        anchor_start, anchor_end = chain[rule.anchor]
        last_start, last_end = chain[-1]
        if rule.plural and not tokens.raws[anchor_end - 1].endswith("s"):
            return False
        if (
            rule.reject_before
            and anchor_start > 0
            and (scan.tags_at(anchor_start - 1) & rule.reject_before)
        ):
            return False
        if rule.reject_after and scan.tags_at(last_end) & rule.reject_after:
            return False
        if rule.reject_near:
            for index in range(anchor_end, min(anchor_end + 6, len(tokens.lemmas))):
                if scan.tags_at(index) & rule.reject_near:
                    return False
        if rule.reject_last and len(chain) > 1:
            for tag in rule.reject_last:
                for start, end in scan.occurrences.get(tag, ()):
                    if start <= last_start < end:
                        return False
        if rule.reject_owner and len(chain) > 1 and last_start > 0:
            owner = tokens.lemmas[last_start - 1]
            if owner in ("his", "own", "their"):
                return False
        if rule.reject_between and len(chain) > 1:
            low = min(c[1] for c in chain[:-1])
            for index in range(low, last_start):
                if scan.tags_at(index) & rule.reject_between:
                    return False
        return True

    # -- judging one match ------------------------------------------------------------------

    def _judge(self, rule: Rule, match: tuple[int, int, int, int], scan: _Scan) -> Finding | None:
        anchor, anchor_end, first, last = match
        tokens = scan.tokens
        sentence = tokens.sentence[anchor]
        low, high = tokens.sentence_bounds[sentence]
        status = "current"
        actor: str | None = None
        if rule.scoped:
            status = self._scope(rule, anchor, low, scan)
        if rule.actor != "any":
            actor = self._actor(rule, anchor, anchor_end, low, high, scan)
            if not _actor_ok(rule.actor, actor):
                status = f"by {actor}" if status == "current" else status
        if status == "current" and sentence in scan.historic:
            status = "historic"
        start = tokens.starts[first]
        end = tokens.ends[last - 1]
        # widen to include a count or "approx" just before ("approx 9,800 msgs")
        probe = first - 1
        while (
            probe >= low
            and probe >= first - 2
            and (
                tokens.lemmas[probe] in (NUM, "approx", "over", "up", "to")
                or probe in tokens.values
            )
            and not scan.text[tokens.ends[probe] : tokens.starts[probe + 1]].strip()
        ):
            start = tokens.starts[probe]
            probe -= 1
        wanted = status in ACTIVE_STATUSES or rule.code not in CATALOGUE
        quote = _quote(scan, first, last, low, high) if wanted else ""
        return Finding(rule.code, scan.text[start:end], start, end, status, sentence, actor, quote)

    def _scope(self, rule: Rule, anchor: int, low: int, scan: _Scan) -> str:
        tokens = scan.tokens
        marks = scan.marks
        clause = max(tokens.clause_start[anchor], low)
        negations = marks["NEG"]
        for index in range(max(clause, anchor - 6), anchor):
            if index in negations:
                if index + 1 < anchor and tokens.lemmas[index + 1] == "to":
                    return "instruction"
                return "negated"
        if "deny" in tokens.lemmas[low:anchor]:
            return "denied"
        if not rule.speech:
            instructions = marks["INSTR"]
            for index in range(max(clause, anchor - 4), anchor):
                if index in instructions:
                    return "instruction"
            hypotheticals, fears, futures = marks["HYPO"], marks["FEARV"], marks["FUT"]
            for index in range(max(clause, anchor - 8), anchor):
                if index in hypotheticals:
                    return "hypothetical"
                if index in fears and any(k in futures for k in range(index + 1, anchor)):
                    return "hypothetical"
        advice = marks["ADVICE"]
        if advice and any(low <= index < anchor for index in advice):
            return "advice"
        if tokens.sentence[anchor] in tokens.questions and not rule.exempt_question:
            return "question"
        return "current"

    def _actor(
        self, rule: Rule, anchor: int, anchor_end: int, low: int, high: int, scan: _Scan
    ) -> str | None:
        tokens = scan.tokens
        roles = scan.roles
        lemmas = tokens.lemmas
        # "messages from susp", "followed by officers": an agent after the act decides it.
        clause_of_anchor = tokens.clause_start[anchor]
        for index in range(anchor_end, min(anchor_end + 8, high)):
            if tokens.clause_start[index] != clause_of_anchor:
                break
            if lemmas[index] in ("from", "by"):
                for probe in range(index + 1, min(index + 4, high)):
                    if probe in roles:
                        return roles[probe]
                break
        if rule.perception:
            for probe in range(anchor_end, min(anchor_end + 3, high)):
                if probe in roles:
                    return roles[probe]
                if lemmas[probe] == "him":
                    return scan.pronouns.get("m")
                if lemmas[probe] == "her" and scan.pronouns.get("f") == "suspect":
                    return "suspect"
        passive = _is_passive(tokens, anchor, low)
        receive_seen = False
        index = anchor - 1
        clause = max(low, tokens.clause_start[anchor])
        while index >= clause:
            if "RECEIVE" in scan.tags_at(index):
                receive_seen = True
            role = roles.get(index)
            if (
                role is None
                and lemmas[index] in ("him", "her")
                and anchor - index <= 2
                and (tokens.raws[anchor].endswith("ing"))
            ):
                # "caught him taking photos", "saw him following her"
                role = scan.pronouns.get("m" if lemmas[index] == "him" else "f")
                if role is not None:
                    return role
            if role is not None:
                span_start = index
                while span_start - 1 >= clause and roles.get(span_start - 1) == role:
                    span_start -= 1
                before = span_start - 1
                while (
                    before >= clause
                    and "DET" in scan.tags_at(before)
                    and (tokens.lemmas[before] in ("the", "a", "an", "her", "his", "their"))
                ):
                    before -= 1
                object_position = (
                    before >= clause
                    and (_is_verbish(before, scan) or "PREP" in scan.tags_at(before))
                    and lemmas[before] not in REPORTING
                )
                gerund = (
                    anchor - index <= 2
                    and tokens.raws[anchor].endswith("ing")
                    and before >= clause
                    and "PREP" not in scan.tags_at(before)
                )
                if object_position and not gerund:
                    index = span_start - 1
                    continue
                if role == "victim" and (receive_seen or passive):
                    return None
                return role
            index -= 1
        return None

    # -- counts -----------------------------------------------------------------------------

    def _counts(self, scan: _Scan) -> list[Count]:
        tokens = scan.tokens
        counts: list[Count] = []
        for index, value in tokens.values.items():
            sentence = tokens.sentence[index]
            low, high = tokens.sentence_bounds[sentence]
            unit_at: tuple[str, int, int] | None = None
            for probe in range(index + 1, min(index + 4, high)):
                unit = _unit(scan, probe)
                if unit:
                    unit_at = (unit, probe, probe + 1)
                    break
            if unit_at is None and tokens.raws[index].startswith("x"):
                for probe in range(max(low, index - 3), index):
                    unit = _unit(scan, probe) or (
                        "contact" if "CONTACT_V" in scan.tags_at(probe) else None
                    )
                    if unit:
                        unit_at = (unit, probe, probe + 1)
            if unit_at is None or _date_part(scan.text, tokens, index):
                continue
            unit, first, last = unit_at
            if unit == "occasion" and tokens.lemmas[first] in DURATION_LEMMAS:
                following = tokens.lemmas[last] if last < high else ""
                before = tokens.lemmas[index - 1] if index > low else ""
                if following in ("later", "ago", "earlier", "before", "after"):
                    continue
                if before not in ("on", "across", "separate", "different"):
                    unit = "duration"
            if self._scope(_COUNT_RULE, index, low, scan) in ("negated", "advice", "question"):
                continue
            start = tokens.starts[min(index, first)]
            end = tokens.ends[max(index, last - 1)]
            counts.append(Count(value, unit, scan.text[start:end], start, end, sentence))
        return counts


_GERUND = frozenset({"GERUND"})
_GERUND_OCC = ("GERUND",)
_Span = tuple[int, int, frozenset[str], tuple[str, ...], bool]
_SCOPE_TAGS = ("NEG", "INSTR", "HYPO", "FEARV", "FUT", "ADVICE")
_COUNT_RULE = Rule("COUNT", (frozenset({"NUM"}),), ())


_OCCURRENCE_TAGS = frozenset(
    {tag for item in RULES for part in item.parts for tag in part}
    | set(ROLE_TAGS)
    | {"PRON_M", "PRON_F", "MALE", "FEMALE", "HIST", *_SCOPE_TAGS}
)


def _occurrences(
    occurrences: dict[str, list[tuple[int, int]]], tags: frozenset[str]
) -> list[tuple[int, int]]:
    if len(tags) == 1:
        return occurrences.get(next(iter(tags)), [])
    merged: list[tuple[int, int]] = []
    for tag in tags:
        merged.extend(occurrences.get(tag, ()))
    merged.sort()
    return merged


def _after_within(
    candidates: list[tuple[int, int]],
    prev_end: int,
    gap: int,
    cross: bool,
    sentence: list[int],
    prev_start: int,
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in candidates:
        if start < prev_end:
            continue
        if start - prev_end > gap or (not cross and sentence[start] != sentence[prev_start]):
            break
        out.append((start, end))
    return out


def _before_within(
    candidates: list[tuple[int, int]], prev_start: int, gap: int, cross: bool, sentence: list[int]
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in candidates:
        if end > prev_start:
            break
        if prev_start - end <= gap and (cross or sentence[start] == sentence[prev_start]):
            out.append((start, end))
    out.reverse()
    return out


def _shadow(spans: list[_Span], length: int) -> list[_Span]:
    """Drop shadowable tags from matches that lie inside a longer shadowing phrase."""
    reach_at = [-1] * (length + 1)  # furthest end of a cover starting at each position
    for start, end, _tags, _occ, cover in spans:
        if cover and end > reach_at[start]:
            reach_at[start] = end
    # reach_before[p]: furthest end of a cover starting before p
    reach_before = list(accumulate(reach_at, max, initial=-1))
    out: list[_Span] = []
    for span in spans:
        start, end, tags = span[0], span[1], span[2]
        if reach_before[start] >= end or reach_at[start] > end:
            kept = _unshadowed(tags)
            if kept is not tags:
                if not kept:
                    continue
                span = (start, end, kept, _occurrence_tags(kept), span[4])
        out.append(span)
    return out


@cache
def _unshadowed(tags: frozenset[str]) -> frozenset[str]:
    if tags.isdisjoint(SHADOWED_TAGS):
        return tags
    return tags - SHADOWED_TAGS


@cache
def _occurrence_tags(tags: frozenset[str]) -> tuple[str, ...]:
    """The tags that rules, roles and scopes look up by name (others are only checked at a
    position, through ``tags_at``), so per-tag lists are built only for these."""
    return tuple(sorted(tags & _OCCURRENCE_TAGS))


def _roles(
    text: str,
    tokens: Tokens,
    occurrences: dict[str, list[tuple[int, int]]],
    names: Mapping[str, str] | None,
    genders: Mapping[str, str] | None,
) -> tuple[dict[int, str], dict[str, str | None]]:
    roles: dict[int, str] = {}
    raws = tokens.raws
    for tag, role in ROLE_TAGS.items():
        for start, end in occurrences.get(tag, ()):
            if raws[end - 1].endswith(("'s", "\u2019s", "s'")):
                continue  # "IP's car": an owner, not the one acting
            for index in range(start, end):
                roles.setdefault(index, role)
    if names:
        for index, raw in enumerate(raws):
            named = names.get(raw)
            if named and not raw.endswith(("'s", "\u2019s")):
                roles[index] = named
    suspect_gender, victim_gender = _genders(text, tokens, occurrences, genders)
    pronoun_role: dict[str, str | None] = {"m": None, "f": None}
    if suspect_gender != victim_gender:
        pronoun_role[suspect_gender] = "suspect"
        pronoun_role[victim_gender] = "victim"
    for tag, gender in (("PRON_M", "m"), ("PRON_F", "f")):
        role_of = pronoun_role[gender]
        if role_of is None:
            continue
        for start, _end in occurrences.get(tag, ()):
            roles.setdefault(start, role_of)
    return roles, pronoun_role


def _genders(
    text: str,
    tokens: Tokens,
    occurrences: dict[str, list[tuple[int, int]]],
    given: Mapping[str, str] | None,
) -> tuple[str, str]:
    """Default: a male suspect and a female victim, unless the narrative or record says not."""
    suspect = (given or {}).get("suspect") or ""
    victim = (given or {}).get("victim") or ""
    if not suspect:
        suspect = "f" if _described_as(text, tokens, occurrences, "SUSP", "FEMALE") else "m"
    if not victim:
        victim = "m" if _described_as(text, tokens, occurrences, "VICT", "MALE") else "f"
    return suspect, victim


def _described_as(
    text: str,
    tokens: Tokens,
    occurrences: dict[str, list[tuple[int, int]]],
    person: str,
    gender: str,
) -> bool:
    """ "female suspect", "the suspect, a woman,", "susp (female)"."""
    for start, end in occurrences.get(person, ()):
        for g_start, g_end in occurrences.get(gender, ()):
            if g_end == start:
                return True
            if 0 <= g_start - end <= 3:
                between = text[tokens.ends[end - 1] : tokens.starts[g_start]]
                if "," in between or "(" in between or " is a" in between or " was a" in between:
                    return True
    return False


def _is_verbish(index: int, scan: _Scan) -> bool:
    if scan.tags_at(index) & VERBISH_TAGS:
        return True
    return scan.tokens.lemmas[index] in TRANSITIVE


def _is_passive(tokens: Tokens, anchor: int, low: int) -> bool:
    raw = tokens.raws[anchor]
    if raw in STATIVE_PARTICIPLES:
        return False
    if not (raw.endswith(PARTICIPLE_SUFFIXES) or raw in PARTICIPLES):
        return False
    for index in range(anchor - 1, max(low, anchor - 3) - 1, -1):
        if tokens.lemmas[index] in ("be", "get"):
            return True
    return False


def _actor_ok(required: str, actor: str | None) -> bool:
    if required == "suspect":
        return actor in (None, "suspect")
    if required == "victim":
        return actor in (None, "victim")
    if required == "not_police":
        return actor not in ("police", "other")
    return True


def _unit(scan: _Scan, index: int) -> str | None:
    tags = scan.tags_at(index)
    for tag, unit in COUNT_UNITS.items():
        if tag in tags:
            return unit
    return None


def _quote(scan: _Scan, first: int, last: int, low: int, high: int) -> str:
    """The clause around a match, at most a few words either side."""
    tokens = scan.tokens
    begin = max(low, tokens.clause_start[first], first - 5)
    end = min(high, last + 5)
    for index in range(last, end):
        if tokens.clause_start[index] != tokens.clause_start[last - 1]:
            end = index
            break
    start, stop = tokens.starts[begin], tokens.ends[end - 1]
    text = scan.text
    # never start or stop inside a word or a date ("21/11/22", "ex-p")
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in ".;,(":
        start -= 1
    while stop < len(text) and text[stop].isalnum():
        stop += 1
    return " ".join(text[start:stop].split())


def _dates(text: str, tokens: Tokens) -> int:
    """Distinct dates mentioned: "10/11/17", "1 May", "March 12", "on Monday"."""
    found: set[str] = set()
    if "/" in text or "." in text or "-" in text:
        found.update(NUMERIC_DATE_RE.findall(text))
    raws = tokens.raws
    named = set(raws)
    found.update(named & (WEEKDAYS - {"sat", "sun", "wed", "mon", "fri"}))
    if named & MONTHS:
        values = tokens.values
        for index, raw in enumerate(raws):
            if raw in MONTHS:
                near = [values[k] for k in (index - 1, index + 1) if k in values]
                day = next((v for v in near if 1 <= v <= 31), None)
                if day is not None:
                    found.add(f"{raw[:3]}-{int(day)}")
    return len(found)


def _date_part(text: str, tokens: Tokens, index: int) -> bool:
    """Numbers inside dates ("10/11/17") and years ("2012") are not counts."""
    start, end = tokens.starts[index], tokens.ends[index]
    if text[end : end + 1] in ("/", "-", ".") or text[start - 1 : start] in ("/", "-", "."):
        return True
    raw = tokens.raws[index]
    return len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2100


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per behaviour and place: keep the longest of overlapping matches."""
    findings.sort(key=lambda f: (f.code, f.start, -(f.end - f.start)))
    out: list[Finding] = []
    for finding in findings:
        if out and out[-1].code == finding.code and finding.start < out[-1].end:
            continue
        out.append(finding)
    out.sort(key=lambda f: (f.start, f.code))
    return out


def _occasions(findings: NarrativeFindings) -> int:
    new = len([s for s in findings.signals if s.code == "NEW_OCCASION"])
    historic = any(f.status == "historic" for f in findings.behaviours if f.code <= "B30")
    current = any(f.status == "current" for f in findings.behaviours if f.code <= "B30")
    estimate = max(findings.dates, 1 + new)
    if historic and current:
        estimate += 1
    return estimate
