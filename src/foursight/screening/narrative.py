"""Narrative analysis: find stalking behaviours in one free-text narrative.

Method, in order:

1. tokenise and normalise (``text.py``): lower case, abbreviations ("susp", "txts", "ex-p"),
   contractions, lemmas ("followed" -> "follow"), numbers ("9,800", "x40", "five" -> #num);
2. find concept phrases in the lemma stream with one Aho-Corasick automaton (``phrases.py``,
   vocabulary in ``lexicon.py``); longer phrases shadow the words inside them ("contact centre"
   is not contact);
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
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from operator import attrgetter
from typing import Any, Final, NamedTuple

from .catalogue import CATALOGUE
from .lexicon import CLAUSE_BREAK_WORDS, IRREGULAR, QUANTIFIERS
from .phrases import (
    PhraseIndex,
    PhraseLexicon,
    Span,
    compile_phrases,
    index_phrases,
    phrase_lemmas,
)
from .rules import RULES, Rule
from .text import NUM, Normaliser, Tokens, tokenise

ACTIVE_STATUSES: Final = frozenset({"current", "historic"})
ROLE_TAGS: Final = {"SUSP": "suspect", "VICT": "victim", "POLICE": "police", "OTHERP": "other"}
# Words that take a person as object: "sent IP msgs", "asked susp to stop", "told him".
VERBISH_TAGS: Final = frozenset(
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
TRANSITIVE: Final = frozenset(
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
REPORTING: Final = frozenset(
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
PARTICIPLE_SUFFIXES: Final = ("ed", "en")
PARTICIPLES: Final = frozenset(
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
STATIVE_PARTICIPLES: Final = frozenset(
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
COUNT_UNITS: Final = {
    "CONTACT_N": "contact",
    "WITHHELD": "contact",
    "LETTER": "letter",
    "GIFT": "item",
    "COUNT_ITEM": "item",
    "OCCASION": "occasion",
}
DURATION_LEMMAS: Final = frozenset({"day", "week", "month", "year", "night"})
# Dates are counted to estimate separate occasions. A regex over the whole text with month and
# weekday alternations costs more than tokenising, so only numeric dates use one; month and
# weekday names are read from the tokens.
NUMERIC_DATE_RE: Final = re.compile(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}")
_DATE_HINT_RE: Final = re.compile(r"[/.\-]\d")
MONTHS: Final = frozenset(
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
WEEKDAYS: Final = frozenset(
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
_DATE_WEEKDAYS: Final = WEEKDAYS - {"sat", "sun", "wed", "mon", "fri"}  # too ambiguous alone
_DATE_NAMES: Final = _DATE_WEEKDAYS | MONTHS


class Finding(NamedTuple):
    """One behaviour or signal found in the narrative, with the words that show it.

    A named tuple rather than a frozen dataclass: a dense narrative makes a dozen, and a batch
    screened in worker processes sends them all back (a tuple is built and unpickled about five
    times faster)."""

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


# A named tuple's constructor is Python code (namedtuple makes it with eval), even called from
# a compiled module; tuple.__new__ builds the same tuple in C.
_new_tuple: Final = tuple.__new__


class Count(NamedTuple):
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
    phrases: PhraseLexicon
    normaliser: Normaliser
    quantities: dict[tuple[str, ...], float]  # "a number of" (as lemmas) -> 3


@cache
def _compiled(fuzzy: bool) -> _Lexicon:
    plain = Normaliser(fuzzy=False)
    quantities = {phrase_lemmas(words, plain): value for words, value in QUANTIFIERS.items()}
    return _Lexicon(compile_phrases(plain, _occurrence_tags), Normaliser(fuzzy), quantities)


class _Scan:
    """Per-narrative working state shared by the rule and scope checks.

    Roles, pronouns and scope marks are worked out on first use: most records have no candidate
    behaviour, and never need them."""

    __slots__ = (
        "_denials",
        "_marks",
        "_merged",
        "_pronouns",
        "_roles",
        "_scoped_from",
        "_starts",
        "actors",
        "findings",
        "genders",
        "historic",
        "names",
        "occurrences",
        "seen",
        "settled",
        "tags_at",
        "text",
        "tokens",
    )

    def __init__(
        self,
        text: str,
        tokens: Tokens,
        index: PhraseIndex,
        names: Mapping[str, str] | None,
        genders: Mapping[str, str] | None,
        findings: NarrativeFindings,
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.tags_at = index.tags_at  # token index -> tags of the phrases starting there
        self.occurrences = index.occurrences  # looked-up tag -> sorted spans
        self.names = names
        self.genders = genders
        history = index.occurrences.get("HIST")
        sentence = tokens.sentence
        # sentences that mention history
        self.historic = {sentence[start] for start, _end in history} if history else set()
        self._merged: dict[frozenset[str], list[Span]] = {}
        self._roles: dict[int, str] | None = None
        self._pronouns: dict[str, str | None] = {}
        self._marks: dict[str, list[int]] | None = None
        self._denials: list[int] | None = None
        self._scoped_from: dict[int, int] | None = None
        self._starts: dict[str, list[int]] = {}
        self.actors: dict[tuple[int, int, bool], str | None] = {}  # (anchor, end, perception)
        self.findings = findings
        # keys are behaviour key * _PLACE + token or sentence index: cheaper than tuples
        self.seen: set[int] = set()  # (behaviour, anchor) already judged
        self.settled: set[int] = set()  # (behaviour, sentence) already found current

    def spans(self, part: str | frozenset[str]) -> list[Span]:
        """The sorted spans of a rule part: one tag, or any of a set of alternatives (merged
        once per narrative)."""
        if isinstance(part, str):
            return self.occurrences.get(part, _NO_SPANS)
        found = self._merged.get(part)
        if found is None:
            occurrences = self.occurrences
            lists: list[list[Span]] = []
            for tag in part:
                spans = occurrences.get(tag)
                if spans:
                    lists.append(spans)
            if len(lists) == 1:
                found = lists[0]  # one alternative occurs: its own list (never changed)
            else:
                found = list(chain.from_iterable(lists))
                found.sort()
            self._merged[part] = found
        return found

    def spans_starts(self, tag: str) -> list[int]:
        """The sorted start positions of a tag's spans."""
        found = self._starts.get(tag)
        if found is None:
            found = self._starts[tag] = [start for start, _end in self.occurrences.get(tag, ())]
        return found

    @property
    def roles(self) -> dict[int, str]:
        """Token index -> the person it names (suspect, victim, police, other)."""
        if self._roles is None:
            self._roles, self._pronouns = _roles(
                self.text, self.tokens, self.occurrences, self.names, self.genders
            )
        return self._roles

    @property
    def pronouns(self) -> dict[str, str | None]:
        """ "m"/"f" -> the role "he"/"she" refers to, or None when it is not clear."""
        if self._roles is None:
            _ = self.roles
        return self._pronouns

    @property
    def marks(self) -> dict[str, list[int]]:
        """Scope tag -> sorted start positions (negation, instruction, hypothetical, ...)."""
        if self._marks is None:
            occurrences = self.occurrences
            self._marks = {
                tag: [start for start, _end in occurrences.get(tag, ())] for tag in _SCOPE_TAGS
            }
        return self._marks

    @property
    def denials(self) -> list[int]:
        """Where "deny" is, in token order."""
        if self._denials is None:
            self._denials = [at for at, lemma in enumerate(self.tokens.lemmas) if lemma == "deny"]
        return self._denials

    @property
    def scoped_from(self) -> dict[int, int]:
        """Sentence -> its first scope word (a scope mark or "deny"). An act before it, or in a
        sentence without one, is current (or a question) without looking further."""
        if self._scoped_from is None:
            positions = list(chain.from_iterable(self.marks.values()))
            positions += self.denials
            sentence = self.tokens.sentence
            first: dict[int, int] = {}
            for position in sorted(positions, reverse=True):
                first[sentence[position]] = position
            self._scoped_from = first
        return self._scoped_from


class _Plan(NamedTuple):
    """A rule prepared for matching."""

    rule: Rule
    code: str
    key: int  # the code as a number, for cheap (behaviour, place) keys
    parts: tuple[str | frozenset[str], ...]  # a tag name, or a set of alternatives
    rejects: bool  # has rejections to check
    single: bool  # one part
    pair: bool  # two parts in order: the common case, matched without recursion
    catalogued: bool  # a behaviour (B01-B32), not a context signal
    actors: frozenset[str | None] | None  # the actors the rule accepts; None: any, not looked for


_PLACE: Final = 1 << 32  # (behaviour, place) keys: behaviour key * _PLACE + token or sentence index


class NarrativeAnalyser:
    """Finds behaviours in narratives. Build once; ``scan`` is safe to call many times."""

    def __init__(self, fuzzy: bool = True, rules: tuple[Rule, ...] = RULES) -> None:
        lexicon = _compiled(fuzzy)
        self.phrases = lexicon.phrases
        self.normalise = lexicon.normaliser
        self.quantities = lexicon.quantities
        self.rules = rules
        codes = {code: number for number, code in enumerate(dict.fromkeys(r.code for r in rules))}
        self._plans = [
            _Plan(
                item,
                item.code,
                codes[item.code],
                tuple(next(iter(part)) if len(part) == 1 else part for part in item.parts),
                _has_rejects(item),
                len(item.parts) == 1,
                len(item.parts) == 2 and not item.unordered,
                item.code in CATALOGUE,
                None if item.actor == "any" else _ACCEPTED[item.actor],
            )
            for item in rules
        ]
        # what each rule needs besides its first part (other parts, context): a rule is tried
        # only when all of it occurs somewhere in the narrative. Parts of one tag are checked
        # together (a subset test), parts with alternatives one by one.
        self._needs: list[tuple[frozenset[str], tuple[frozenset[str], ...]]] = []
        triggers = [_trigger(item) for item in rules]
        for item, trigger in zip(rules, triggers, strict=True):
            needed = [
                part
                for part in (*item.parts, item.context, item.narrative)
                if part and part != trigger
            ]
            self._needs.append(
                (
                    frozenset(tag for part in needed if len(part) == 1 for tag in part),
                    tuple(part for part in needed if len(part) > 1),
                )
            )
        # rules indexed by the tags of one part (an uncommon one where there is one), so only
        # rules that can match are tried
        by_first: dict[str, set[int]] = {}
        for number, trigger in enumerate(triggers):
            for tag in trigger:
                by_first.setdefault(tag, set()).add(number)
        self._by_first = {tag: frozenset(numbers) for tag, numbers in by_first.items()}

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
        if not text or text.isspace():
            return findings
        tokens = tokenise(text, self.normalise, CLAUSE_BREAK_WORDS)
        if not tokens.lemmas:
            return findings
        index = index_phrases(self.phrases, tokens.lemmas, tokens.sentence, tokens.gerunds)
        scan = _Scan(text, tokens, index, names, genders, findings)
        triggered = index.occurrences.keys() & self._by_first.keys()
        if triggered:
            plans = self._plans
            needs = self._needs
            present = frozenset(index.occurrences)
            for number in sorted(frozenset().union(*map(self._by_first.__getitem__, triggered))):
                tags, alternatives = needs[number]
                if not tags <= present:
                    continue  # a part of the rule occurs nowhere
                for need in alternatives:
                    if present.isdisjoint(need):
                        break
                else:
                    self._apply(plans[number], scan)
            findings.behaviours = _dedupe(findings.behaviours)
            if "VICTIMLESS_ORDER" in index.occurrences and (
                "VICT" in index.occurrences
                or "PRON_F" in index.occurrences
                or "her" in tokens.lemmas
                or "victim" in scan.roles.values()
            ):
                # a CBO or licence conditions protect no one only when no victim is named
                findings.signals = [s for s in findings.signals if s.code != "VICTIMLESS_ORDER"]
        if tokens.values or "QUANT" in index.occurrences:
            findings.counts = self._counts(scan)
        findings.dates = _dates(text, tokens)
        findings.occasions = _occasions(findings)
        return findings

    # -- rule matching ----------------------------------------------------------------------

    def _apply(self, plan: _Plan, scan: _Scan) -> None:
        """Judge each match of one rule, in order. A place already judged for this behaviour
        (the same anchor, or a sentence where it was already found current) is skipped before
        its match is looked for: judging it again would only repeat the work."""
        occurrences = scan.occurrences
        parts: list[list[Span]] = []
        for part in plan.parts:
            spans = occurrences.get(part) if isinstance(part, str) else scan.spans(part)
            if not spans:
                return
            parts.append(spans)
        if plan.rule.context and not plan.rule.cross:
            # only the sentences that have the context ("since") can match
            sentence = scan.tokens.sentence
            allowed = {sentence[start] for start, _end in scan.spans(plan.rule.context)}
            parts[0] = [span for span in parts[0] if sentence[span[0]] in allowed]
            if not parts[0]:
                return
        if plan.single:
            self._apply_single(plan, parts[0], scan)
        elif plan.pair:
            self._apply_pair(plan, parts[0], parts[1], scan)
        else:
            self._apply_chain(plan, parts, scan)

    def _apply_single(self, plan: _Plan, spans: list[Span], scan: _Scan) -> None:
        """A one-part rule: every span is a match unless a rejection applies."""
        key = plan.key * _PLACE
        sentence = scan.tokens.sentence
        seen, settled = scan.seen, scan.settled
        for span in spans:
            start = span[0]
            if key + start in seen or key + sentence[start] in settled:
                continue
            if plan.rejects and not self._passes_rejects(plan.rule, [span], scan):
                continue
            seen.add(key + start)
            self._judge(plan, start, span[1], start, span[1], scan)

    def _apply_chain(self, plan: _Plan, parts: list[list[Span]], scan: _Scan) -> None:
        """Three or more parts, or two in either order: search with ``_extend``."""
        rule = plan.rule
        key = plan.key * _PLACE
        sentence = scan.tokens.sentence
        seen, settled = scan.seen, scan.settled
        anchored_first = rule.anchor == 0
        # in order and in one sentence: a first part with no second part close after it, or in
        # a sentence where the behaviour is already found, needs no search
        quick = not (rule.unordered or rule.cross)
        seconds = parts[1]
        count = len(seconds)
        gap = rule.gaps[0]
        for span in parts[0]:
            if quick:
                if key + sentence[span[0]] in settled:
                    continue
                position = _first_from(seconds, span[1])
                if position == count or seconds[position][0] - span[1] > gap:
                    continue
            if anchored_first and (key + span[0] in seen or key + sentence[span[0]] in settled):
                continue
            chain = self._extend(rule, [span], parts, scan)
            if chain is None:
                continue
            anchor_start, anchor_end = chain[rule.anchor]
            if not anchored_first and (
                key + anchor_start in seen or key + sentence[anchor_start] in settled
            ):
                continue
            seen.add(key + anchor_start)
            first = min(part[0] for part in chain)
            last = max(part[1] for part in chain)
            self._judge(plan, anchor_start, anchor_end, first, last, scan)

    def _apply_pair(
        self, plan: _Plan, first_spans: list[Span], second_spans: list[Span], scan: _Scan
    ) -> None:
        """Two parts in order (the common case): the same search as ``_extend``, without
        building candidate lists."""
        rule = plan.rule
        key = plan.key * _PLACE
        sentence = scan.tokens.sentence
        seen, settled = scan.seen, scan.settled
        gap = rule.gaps[0]
        cross = rule.cross
        anchor = rule.anchor
        count = len(second_spans)
        for span in first_spans:
            start, end = span
            if (not anchor and key + start in seen) or (
                not (anchor and cross) and key + sentence[start] in settled
            ):
                continue  # (without ``cross`` the anchor is in the first part's sentence)
            position = _first_from(second_spans, end)
            second = None
            while position < count:
                candidate = second_spans[position]
                if candidate[0] - end > gap or (
                    not cross and sentence[candidate[0]] != sentence[start]
                ):
                    break
                if not plan.rejects or self._passes_rejects(rule, [span, candidate], scan):
                    second = candidate
                    break
                position += 1
            if second is None:
                continue
            anchor_start, anchor_end = second if anchor else span
            if anchor and (key + anchor_start in seen or key + sentence[anchor_start] in settled):
                continue
            seen.add(key + anchor_start)
            last = max(end, second[1])
            self._judge(plan, anchor_start, anchor_end, start, last, scan)

    def _extend(
        self,
        rule: Rule,
        chain: list[Span],
        parts: list[list[Span]],
        scan: _Scan,
    ) -> list[Span] | None:
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

    def _passes_rejects(self, rule: Rule, chain: list[Span], scan: _Scan) -> bool:
        tokens = scan.tokens
        tags_at = scan.tags_at
        anchor_start, anchor_end = chain[rule.anchor]
        last_start, last_end = chain[-1]
        if rule.plural and not tokens.raws[anchor_end - 1].endswith("s"):
            return False
        if rule.need_before and (
            anchor_start == 0 or rule.need_before.isdisjoint(tags_at[anchor_start - 1])
        ):
            return False
        if rule.reject_before and anchor_start > 0:
            before = anchor_start - 1
            if tokens.lemmas[before] in _DETERMINERS and before > 0:
                before -= 1  # "reported a breach", "arrested for the breach"
            if not rule.reject_before.isdisjoint(tags_at[before]) or (
                before < anchor_start - 1
                and not rule.reject_before.isdisjoint(tags_at[anchor_start - 1])
            ):
                return False
        if rule.reject_after and not rule.reject_after.isdisjoint(tags_at[last_end]):
            return False
        if rule.reject_near:
            for index in range(anchor_end, min(anchor_end + 6, len(tokens.lemmas))):
                if not rule.reject_near.isdisjoint(tags_at[index]):
                    return False
        if rule.reject_last and len(chain) > 1:
            for tag in rule.reject_last:
                for start, end in scan.occurrences.get(tag, ()):
                    if start <= last_start < end:
                        return False
        if rule.reject_owner and len(chain) > 1 and last_start > 0:
            # "his own house": the suspect's own place ("his" is the victim's when the victim
            # is the man, "her" the suspect's when the suspect is the woman)
            owner = tokens.lemmas[last_start - 1]
            if owner in ("own", "their"):
                return False
            if owner == "his" and scan.pronouns.get("m") != "victim":
                return False
            if owner == "her" and scan.pronouns.get("f") == "suspect":
                return False
        if rule.reject_between and len(chain) > 1:
            low = min(c[1] for c in chain[:-1])
            for index in range(low, last_start):
                if not rule.reject_between.isdisjoint(tags_at[index]):
                    return False
        if rule.context:
            low, high = tokens.sentence_bounds[tokens.sentence[anchor_start]]
            for tag in rule.context:
                if _first_within(scan.spans_starts(tag), low, high) is not None:
                    break
            else:
                return False
        return True

    # -- judging one match ------------------------------------------------------------------

    def _judge(
        self, plan: _Plan, anchor: int, anchor_end: int, first: int, last: int, scan: _Scan
    ) -> None:
        """Judge one match at its anchor, and keep the finding: a behaviour, a mention set
        aside (``discounted``) or a context signal (signals set aside are not reported)."""
        rule = plan.rule
        tokens = scan.tokens
        sentence = tokens.sentence[anchor]
        low, high = tokens.sentence_bounds[sentence]
        status = "current"
        actor: str | None = None
        if rule.scoped:
            scoped_from = scan._scoped_from
            if scoped_from is None:
                scoped_from = scan.scoped_from
            # most acts have no scope word (a scope mark or "deny") before them in their
            # sentence, and need no further look
            if anchor > scoped_from.get(sentence, anchor) or sentence in tokens.questions:
                status = self._scope(rule, anchor, low, scan)
        if plan.actors is not None and status == "current":  # a negated act needs no actor
            # several rules judge the same words ("has been messaging": contact, and ongoing)
            key = (anchor, anchor_end, rule.perception)
            actors = scan.actors
            if key in actors:
                actor = actors[key]
            else:
                actor = actors[key] = self._actor(rule, anchor, anchor_end, low, high, scan)
            if actor not in plan.actors:
                status = f"by {actor}" if actor in _PEOPLE else "unattributed"
                if not rule.scoped:
                    return  # a signal that needs a particular actor and has another
        if status == "current":
            if sentence in scan.historic:
                status = "historic"
            else:
                # one current finding of a behaviour per sentence is enough evidence
                scan.settled.add(plan.key * _PLACE + sentence)
        active = status in ACTIVE_STATUSES
        catalogued = plan.catalogued
        if not (active or catalogued or not rule.scoped):
            return
        starts = tokens.starts
        start = starts[first]
        end = tokens.ends[last - 1]
        text = scan.text
        # widen to include a count or "approx" just before ("approx 9,800 msgs")
        probe = first - 1
        if probe >= low and (tokens.lemmas[probe] in _COUNT_LEAD or probe in tokens.values):
            lemmas, values = tokens.lemmas, tokens.values
            while (
                probe >= low
                and probe >= first - 2
                and (lemmas[probe] in _COUNT_LEAD or probe in values)
                and not text[tokens.ends[probe] : starts[probe + 1]].strip()
            ):
                start = starts[probe]
                probe -= 1
        quote = _quote(scan, first, last, low, high) if active or not catalogued else ""
        fields = (plan.code, text[start:end], start, end, status, sentence, actor, quote)
        finding = _new_tuple(Finding, fields)
        findings = scan.findings
        if not catalogued:
            findings.signals.append(finding)
        elif active:
            findings.behaviours.append(finding)
        else:
            findings.discounted.append(finding)

    def _scope(self, rule: Rule, anchor: int, low: int, scan: _Scan) -> str:
        tokens = scan.tokens
        sentence = tokens.sentence[anchor]
        # most acts have no scope word (a scope mark or "deny") before them in their sentence
        if anchor > scan.scoped_from.get(sentence, anchor):
            found = self._scope_word(rule, anchor, low, scan)
            if found is not None:
                return found
        if sentence in tokens.questions and not rule.exempt_question:
            return "question"
        return "current"

    def _scope_word(self, rule: Rule, anchor: int, low: int, scan: _Scan) -> str | None:
        """Negated, denied, an instruction, hypothetical or advice, by the words before the
        act; None when none of them applies."""
        tokens = scan.tokens
        marks = scan.marks
        clause = max(tokens.clause_start[anchor], low)
        negation = _first_within(marks["NEG"], max(clause, anchor - 6), anchor)
        while negation is not None and _negates_noun_only(tokens.lemmas, negation, anchor):
            negation = _first_within(marks["NEG"], negation + 1, anchor)
        if (
            negation is not None
            and not _AND_THEN.isdisjoint(tokens.lemmas[negation + 1 : anchor])
            and _side_negation(tokens, clause, negation, anchor)
        ):
            negation = None  # "when she was not working and asked colleagues ...": hers alone
        if negation is not None:
            if negation + 1 < anchor and tokens.lemmas[negation + 1] == "to":
                return "instruction"
            return "negated"
        if _first_within(scan.denials, low, anchor) is not None:
            return "denied"
        # an order's terms ("RO with an exclusion zone around her street", "SPO prohibiting
        # him from attending her home"): what follows in the clause is forbidden, not done
        terms_marks = marks["TERMS"]
        if terms_marks:
            terms = _first_within(terms_marks, clause, anchor)
            if terms is not None and not _terms_end(scan, clause, terms, anchor):
                return "instruction"
        if not rule.speech:
            if _first_within(marks["INSTR"], max(clause, anchor - 4), anchor) is not None:
                return "instruction"
            start = max(clause, anchor - 8)
            if _first_within(marks["HYPO"], start, anchor) is not None:
                return "hypothetical"
            # "fears he may follow her": a fear word, then a future or modal before the act
            fear = _first_within(marks["FEARV"], start, anchor)
            if fear is not None and _first_within(marks["FUT"], fear + 1, anchor) is not None:
                return "hypothetical"
        if _first_within(marks["ADVICE"], low, anchor) is not None:
            return "advice"
        return None

    def _actor(
        self, rule: Rule, anchor: int, anchor_end: int, low: int, high: int, scan: _Scan
    ) -> str | None:
        """Who did the act at ``anchor``: a role, or None when no one is named (which counts as
        the suspect)."""
        tokens = scan.tokens
        roles = scan._roles
        if roles is None:
            roles = scan.roles
        lemmas = tokens.lemmas
        clause_start = tokens.clause_start
        tags_at = scan.tags_at
        # "he was seen by officers near her house": the one seen is the subject, not the agent
        seen_passive = rule.perception and _is_passive(tokens, anchor, low)
        # "messages from susp", "followed by officers": an agent after the act decides it.
        clause_of_anchor = clause_start[anchor]
        limit = anchor_end + 8
        if limit > high:
            limit = high
        after = lemmas[anchor_end:limit]
        if not seen_passive and ("from" in after or "by" in after):
            for index in range(anchor_end, limit):
                if clause_start[index] != clause_of_anchor:
                    break
                if lemmas[index] in ("from", "by"):
                    # the agent is what "from"/"by" governs ("from susp", "by the male", "from
                    # IP's ex"), not a person later on ("from a photo she posted")
                    probe = index + 1
                    while probe < high and probe - index <= 3:
                        if probe in roles:
                            return roles[probe]
                        if lemmas[probe] not in _AGENT_LEADS and not tokens.raws[probe].endswith(
                            _POSSESSIVE_ENDINGS
                        ):
                            break
                        probe += 1
                    break
        if rule.perception and not seen_passive:
            for probe in range(anchor_end, min(anchor_end + 3, high)):
                if probe in roles:
                    return roles[probe]
                if lemmas[probe] == "him":
                    return scan.pronouns.get("m")
                if lemmas[probe] == "her" and scan.pronouns.get("f") == "suspect":
                    return "suspect"
        # "a new account pops up": the account is the subject and the event has no actor
        if _EMERGES in tags_at[anchor_end] or (
            anchor_end + 1 < high
            and lemmas[anchor_end] in _ADVERBS
            and _EMERGES in tags_at[anchor_end + 1]
        ):
            return None
        gerund_act = tokens.raws[anchor].endswith("ing")
        item_received = False
        # "IP sent him msgs ... and went to his workplace": a verb joined by "and" shares the
        # subject of the verb before it, which may lie beyond a clause break. Where the "and"
        # is (``_coordinated``) is worked out only when needed: most acts have their subject
        # just before them.
        joined = _UNKNOWN  # the "and" of a joined verb, or _NONE
        split = _NONE  # where the joined verb's own part starts (an "and" or a comma)
        receive_seen = found_seen = new_verb = False
        marks = _WALK_MARKS
        index = anchor - 1
        clause = clause_of_anchor if clause_of_anchor > low else low
        while index >= low:
            if index < clause:
                if joined == _UNKNOWN:
                    joined = split = _coordinated(tokens, anchor, low, scan)
                if split == _NONE:
                    if not _fragment(scan, clause, anchor):
                        break
                    # "CCTV shows susp in town on 3 dates, each time near the shop": a phrase
                    # without a verb after a comma goes with the clause before it
                    split = clause
                clause = max(low, clause_start[index])
            tags = tags_at[index]
            mark = marks.get(tags)
            if mark is None:
                mark = _walk_mark(tags)
            role = roles.get(index)
            if mark:
                if joined == _UNKNOWN:
                    joined = split = _coordinated(tokens, anchor, low, scan)
                # what lies before the "and" of a joined verb belongs to the first verb ("IP
                # found his address and went round": the finding is hers, the going too)
                if mark & _RECEIVES and (gerund_act or lemmas[anchor - 1] in _WHICH_THAT):
                    # "letters commenting on her movements", "messages which mention her
                    # children": a participle or relative clause on a received item is the
                    # sender's
                    item_received = True
                if index > split and not new_verb:
                    receive_seen = receive_seen or bool(mark & _RECEIVES)
                    found_seen = found_seen or bool(mark & _FINDS)  # "IP found a tracker"
                if role is None and mark & _REPORTS:
                    # "IP states a tracker was found": what is reported has no subject here
                    return None
            if role is None:
                if lemmas[index] in _JOINING and not new_verb:
                    new_verb = _verb_follows(tokens, index + 1, anchor)
                if gerund_act and index >= anchor - 2 and lemmas[index] in ("him", "her"):
                    # "caught him taking photos", "saw him following her"
                    role = scan.pronouns.get("m" if lemmas[index] == "him" else "f")
                    if role is not None:
                        return role
                index -= 1
                continue
            span_start = index
            while span_start - 1 >= clause and roles.get(span_start - 1) == role:
                span_start -= 1
            if (
                span_start - 2 >= clause
                and lemmas[span_start - 2] in _RELATIVE_DETS
                and not _JOINING.isdisjoint(lemmas[index + 1 : anchor])
                and _relative_subject(scan, span_start)
            ):
                # "has joined the gym IP uses and has attended ...": a subject straight after
                # a noun, with no "that/which", heads a relative clause, never the joined verb
                index = span_start - 1
                continue
            before = span_start - 1
            while (
                before >= clause
                and "DET" in tags_at[before]
                and lemmas[before] in ("the", "a", "an", "her", "his", "their")
            ):
                before -= 1
            object_position = (
                before >= clause
                and (_is_verbish(before, scan) or "PREP" in tags_at[before])
                and lemmas[before] not in REPORTING
                # "a group of youths", "two of his mates": the head of a group, not an object
                and not (lemmas[before] == "of" and lemmas[before - 1] in _GROUP_WORDS)
            )
            if object_position and _perceives(tags_at, before):
                # "CCTV shows susp near the shop", "officers saw him enter": the one seen is
                # the one acting (not for a joined verb: "he saw IP and approached her")
                if joined == _UNKNOWN:
                    joined = split = _coordinated(tokens, anchor, low, scan)
                object_position = joined != _NONE
            gerund = (
                anchor - index <= 2
                and gerund_act
                and before >= clause
                and "PREP" not in tags_at[before]
            )
            if object_position and not gerund:
                index = span_start - 1
                continue
            if lemmas[span_start - 1] in _SUBORDINATE_LEADS and _subordinate(lemmas, span_start):
                if joined == _UNKNOWN:
                    joined = split = _coordinated(tokens, anchor, low, scan)
                if index < split:
                    # "next to whichever one she is using and stares at her": "she" is the
                    # subject of the side clause, not of the joined verb
                    index = span_start - 1
                    continue
            if found_seen:
                return None
            if role == "victim" and rule.actor != "victim":  # (her own effect: no more to ask)
                if receive_seen or item_received or _is_passive(tokens, anchor, low):
                    return None
                between = lemmas[index + 1 : anchor]
                if "be" in between or "get" in between:  # "IP was sent 40 msgs"
                    if joined == _UNKNOWN:
                        joined = split = _coordinated(tokens, anchor, low, scan)
                    if _passive_between(tokens, index + 1, anchor if split == _NONE else split):
                        return None
            return role
        if seen_passive and not _person_before(scan, anchor, clause):
            return _THING  # "a note was found at her door": no one was seen
        return None

    # -- counts -----------------------------------------------------------------------------

    def _counts(self, scan: _Scan) -> list[Count]:
        """Numbers with a unit ("approx 9,800 msgs", "on a number of evenings", "three
        hundred-odd texts", "emailed her twice"), each judged like the act it counts: a count of
        the victim's or police's acts, or a negated one, is left out."""
        tokens = scan.tokens
        counts: list[Count] = []
        for first, end, value in self._numbers(scan):
            sentence = tokens.sentence[first]
            low, high = tokens.sentence_bounds[sentence]
            unit_at: tuple[str, int, int] | None = None
            for probe in range(end, min(end + 3, high)):
                unit = _unit(scan, probe)
                if unit and not tokens.raws[probe].endswith("ed"):  # "two males called"
                    unit_at = (unit, probe, probe + 1)
                    break
            raw = tokens.raws[first]
            if unit_at is None and raw.startswith("x"):
                for probe in range(max(low, first - 3), first):
                    unit = _unit(scan, probe) or (
                        "contact" if "CONTACT_V" in scan.tags_at[probe] else None
                    )
                    if unit:
                        unit_at = (unit, probe, probe + 1)
            if unit_at is None and raw in ("twice", "thrice"):
                unit_at = ("occasion", first, end)  # "emailed her twice"
            if unit_at is None or _date_part(scan.text, tokens, first):
                continue
            unit, unit_first, last = unit_at
            if (
                unit_first >= end
                and "(" in scan.text[max(0, tokens.starts[first] - 2) : tokens.starts[first]]
                and _bracketed(scan.text, tokens.starts[first], tokens.ends[end - 1])
            ):
                continue  # an age in brackets, not a count: "the susp (14) sent IP a message"
            if unit == "occasion" and tokens.lemmas[unit_first] in DURATION_LEMMAS:
                following = tokens.lemmas[last] if last < high else ""
                before = tokens.lemmas[first - 1] if first > low else ""
                if following in ("later", "ago", "earlier", "before", "after"):
                    continue
                if before not in ("on", "across", "separate", "different"):
                    unit = "duration"
            if self._scope(_COUNT_RULE, first, low, scan) in ("negated", "advice", "question"):
                continue
            if self._actor(_COUNT_RULE, first, end, low, high, scan) in _NOT_SUSPECT:
                continue  # "IP sent him over 100 msgs", "PC attempted contact on 4 occasions"
            start = tokens.starts[min(first, unit_first)]
            stop = tokens.ends[max(end, last) - 1]
            fields = (value, unit, scan.text[start:stop], start, stop, sentence)
            counts.append(_new_tuple(Count, fields))
        return counts

    def _numbers(self, scan: _Scan) -> list[tuple[int, int, float]]:
        """(first token, end token, value) of each number: digits and number words, "three
        hundred" and "a couple of hundred" read as one, quantifiers ("a number of") as words."""
        values = scan.tokens.values
        lemmas = scan.tokens.lemmas
        numbers: list[tuple[int, int, float]] = []
        taken: set[int] = set()
        for start, end in scan.occurrences.get("QUANT", ()):
            value = self.quantities.get(tuple(lemmas[start:end]), 3.0)
            if values.get(end, 0) >= 100:  # "a couple of hundred"
                value *= values[end]
                taken.add(end)
                end += 1
            numbers.append((start, end, value))
        for index, value in values.items():
            if index in taken:
                continue
            end = index + 1
            if values.get(end) in (100.0, 1000.0) and 1 <= value < 100:  # "three hundred"
                value *= values[end]
                taken.add(end)
                end += 1
            numbers.append((index, end, value))
        return numbers


_NO_SPANS: Final[list[Span]] = []  # shared: never changed
_EMERGES: Final = "EMERGE"
_RECEIVES, _FINDS, _REPORTS = 1, 2, 4
_UNKNOWN, _NONE = -2, -1  # a position not yet worked out; no position
_HEAD_WORDS: Final = frozenset({"one", "time", "place", "day", "night"})  # "whichever one she"
_WALK_BITS: Final = (("RECEIVE", _RECEIVES), ("DISCOVER", _FINDS), ("REPORT_V", _REPORTS))
_WALK_MARKS: Final[dict[frozenset[str], int]] = {}  # a token's tags -> its ``_WALK_BITS``


def _walk_mark(tags: frozenset[str]) -> int:
    """What the actor search must notice at a token with these tags: a receiving, finding or
    reporting verb (tag sets are few and shared, so this is worked out once for each)."""
    mark = sum(bit for tag, bit in _WALK_BITS if tag in tags)
    if len(_WALK_MARKS) < 100_000:
        _WALK_MARKS[tags] = mark
    return mark


_THING: Final = "thing"  # the actor of "a note was found at her door": not a person
_PERSON_TAGS: Final = frozenset(
    {"SUSP", "PRON_M", "PRON_F", "PRON_T", "MALE", "FEMALE", "OTHERP", "VICT"}
)
_PERSON_WORDS: Final = frozenset({"someone", "somebody", "person", "people", "man", "woman", "men"})
# Words between a subject or an "and" and the verb: "and then went", "and has also sent".
_ADVERBS: Final = frozenset(
    {
        "also",
        "then",
        "later",
        "now",
        "still",
        "again",
        "even",
        "just",
        "usually",
        "often",
        "repeatedly",
        "constantly",
        "regularly",
        "once",
        "twice",
        "have",
        "be",
        "had",
        "will",
        "would",
        "subsequently",
        "since",
        "immediately",
        "apparently",
        "allegedly",
    }
)
_JOINING: Final = frozenset({"and", "then", "but", "before", "after"})
_DETERMINERS: Final = frozenset({"a", "an", "the", "any", "another", "further", "this", "that"})
_AND_THEN: Final = frozenset({"and", "then"})
_WHICH_THAT: Final = frozenset({"which", "that"})
_RELATIVE_DETS: Final = frozenset(
    {"a", "an", "the", "same", "her", "his", "their", "every", "each"}
)
# Words between "from"/"by" and the agent: "from the male", "by his ex".
_AGENT_LEADS: Final = frozenset(
    {"the", "a", "an", "his", "her", "their", "another", "unknown", "same"}
)
_GROUP_WORDS: Final = frozenset(
    {NUM, "one", "group", "gang", "number", "couple", "pair", "bunch", "some", "several", "all"}
    | {"both", "each", "any", "most", "many", "few", "lot", "crowd", "load"}
)
# After a noun that is a subject: "and messages continued", "and the calls kept coming".
_SUBJECT_FOLLOWERS: Final = frozenset(
    {"be", "have", "continue", "keep", "start", "arrive", "come", "appear", "stop", "persist"}
)
_SUBORDINATORS: Final[frozenset[str]] = frozenset(
    {
        "whichever",
        "whatever",
        "wherever",
        "whenever",
        "whoever",
        "where",
        "when",
        "which",
        "who",
        "while",
        "whilst",
        "as",
        "if",
        "because",
        "once",
        "until",
        "since",
        "though",
        "although",
        "whether",
        "each",
        "every",
    }
)
_SUBORDINATE_LEADS: Final = _SUBORDINATORS | _HEAD_WORDS
_SCOPE_TAGS: Final = ("NEG", "INSTR", "HYPO", "FEARV", "FUT", "ADVICE", "TERMS")
# Words that show the order being broken, which ends its terms' scope ("despite", "breached").
_TERMS_BROKEN: Final = ("PERSIST", "BREACH", "BREACH_DIRECT")
_COUNT_RULE: Final = Rule("COUNT", (frozenset({"NUM"}),), ())
_COUNT_LEAD: Final = frozenset({NUM, "approx", "over", "up", "to"})
_NOT_SUSPECT: Final = frozenset({"victim", "police", "other", _THING})
# The actors each rule's ``actor`` accepts (None: no one is named, which counts as the suspect).
_ACCEPTED: Final[dict[str, frozenset[str | None]]] = {
    "suspect": frozenset({None, "suspect"}),
    "named": frozenset({"suspect"}),
    "victim": frozenset({None, "victim"}),
    "not_police": frozenset({None, "suspect", "victim", _THING}),
}
_PEOPLE: Final = frozenset(ROLE_TAGS.values())


_OCCURRENCE_TAGS: Final = frozenset(
    {tag for item in RULES for part in (*item.parts, item.context, item.narrative) for tag in part}
    | set(ROLE_TAGS)
    | {"PRON_M", "PRON_F", "MALE", "FEMALE", "HIST", "QUANT", *_SCOPE_TAGS}
)


@cache
def _occurrence_tags(tags: frozenset[str]) -> tuple[str, ...]:
    """The tags that rules, roles and scopes look up by name (others are only checked at a
    position, through ``tags_at``), so per-tag lists are built only for these."""
    return tuple(sorted(tags & _OCCURRENCE_TAGS))


# Tags found in most narratives: a poor way to find the rules worth trying.
_COMMON_TAGS: Final = frozenset(
    {
        "BE_AUX",
        "LOC_PREP",
        "TARGET",
        "HOME",
        "ABOUT",
        "SUSP",
        "VICT",
        "SAY",
        "HAVE",
        "ARRIVE",
        "PRON_M",
        "PRON_F",
        "GERUND",
        "CONTACT_V",
        "CONTACT_N",
        "SEND",
        "WORK",
        "VEHICLE",
        "PROPERTY",
        "NEG",
        "LEAVE",
        "NEAR",
        "WH",
        "ALLEGE",
        "REPORT_V",
        "PUBLIC",
        "SEE",
        "THEN",
    }
)


def _trigger(rule: Rule) -> frozenset[str]:
    """The part a rule is looked up by: the first that is not all common tags."""
    for part in rule.parts:
        if not part <= _COMMON_TAGS:
            return part
    return rule.parts[0]


def _has_rejects(rule: Rule) -> bool:
    return bool(
        rule.context
        or rule.need_before
        or rule.plural
        or rule.reject_before
        or rule.reject_after
        or rule.reject_near
        or rule.reject_last
        or rule.reject_owner
        or rule.reject_between
    )


def _first_from(spans: list[Span], position: int) -> int:
    """Where the first of the sorted ``spans`` starting at ``position`` or later is:
    ``bisect_left(spans, (position,))``, as a loop that compiles to plain C (no tuple to
    build and compare)."""
    low, high = 0, len(spans)
    while low < high:
        middle = (low + high) >> 1
        if spans[middle][0] < position:
            low = middle + 1
        else:
            high = middle
    return low


def _first_within(positions: list[int], low: int, high: int) -> int | None:
    """The first of the sorted ``positions`` in [low, high), if any."""
    if not positions:
        return None
    found = bisect_left(positions, low)
    if found < len(positions) and positions[found] < high:
        return positions[found]
    return None


def _after_within(
    candidates: list[Span],
    prev_end: int,
    gap: int,
    cross: bool,
    sentence: list[int],
    prev_start: int,
) -> list[Span]:
    """Spans starting at most ``gap`` tokens after ``prev_end`` (in the same sentence unless
    ``cross``), nearest first, up to the first one too far."""
    out: list[Span] = []
    for position in range(_first_from(candidates, prev_end), len(candidates)):
        start, end = candidates[position]
        if start - prev_end > gap or (not cross and sentence[start] != sentence[prev_start]):
            break
        out.append((start, end))
    return out


def _before_within(
    candidates: list[Span], prev_start: int, gap: int, cross: bool, sentence: list[int]
) -> list[Span]:
    out: list[Span] = []
    for start, end in candidates:
        if end > prev_start:
            break
        if prev_start - end <= gap and (cross or sentence[start] == sentence[prev_start]):
            out.append((start, end))
    out.reverse()
    return out


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
            if raws[end - 1].endswith(_POSSESSIVE_ENDINGS):
                continue  # "IP's car": an owner, not the one acting
            for index in range(start, end):
                roles.setdefault(index, role)
    if names:
        for name in names.keys() & set(raws):
            if not name.endswith(("'s", "\u2019s")):
                index = _next_index(raws, name, 0)
                while index >= 0:
                    roles[index] = names[name]
                    index = _next_index(raws, name, index + 1)
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


_POSSESSIVE_ENDINGS: Final = ("'s", "\u2019s", "s'")


def _next_index(items: list[str], item: str, start: int) -> int:
    """Where ``item`` is next in ``items`` from ``start``, or -1 (a loop: compiled, it is
    cheaper than ``list.index`` and the exception at the end)."""
    for index in range(start, len(items)):
        if items[index] == item:
            return index
    return -1


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
    described = occurrences.get(gender)
    if not described:
        return False
    for start, end in occurrences.get(person, ()):
        for g_start, g_end in described:
            if g_end == start:
                return True
            if 0 <= g_start - end <= 3:
                between = text[tokens.ends[end - 1] : tokens.starts[g_start]]
                if "," in between or "(" in between or " is a" in between or " was a" in between:
                    return True
    return False


def _is_verbish(index: int, scan: _Scan) -> bool:
    if not VERBISH_TAGS.isdisjoint(scan.tags_at[index]):
        return True
    return scan.tokens.lemmas[index] in TRANSITIVE


def _coordinated(tokens: Tokens, anchor: int, low: int, scan: _Scan) -> int:
    """Where the "and" (or "then", "but") is when the act at ``anchor`` is a verb joined to an
    earlier one ("... and went to his workplace", "then waited outside"); ``_NONE`` otherwise.
    A noun after "and" is not a joined verb ("and 12 texts", "and messages continued")."""
    lemmas = tokens.lemmas
    if lemmas[anchor] == NUM or "DET" in scan.tags_at[anchor]:
        return _NONE
    following = lemmas[anchor + 1] if anchor + 1 < len(lemmas) else ""
    if following in _SUBJECT_FOLLOWERS or _EMERGES in scan.tags_at[anchor + 1]:
        return _NONE  # "and messages continued": the word after "and" is a subject
    index = anchor - 1
    while index >= low and lemmas[index] in _ADVERBS:
        index -= 1
    if index >= low and lemmas[index] in _JOINING:
        return index
    return _NONE


def _negates_noun_only(lemmas: list[str], negation: int, anchor: int) -> bool:
    """ "a bouquet with no card was delivered": "no" after "with" negates its noun, not the
    clause, so an act more than a word or two after it is not negated."""
    return (
        lemmas[negation] == "no"
        and negation > 0
        and lemmas[negation - 1] in ("with", "without")
        and anchor > negation + 2
    )


def _subordinate(lemmas: list[str], start: int) -> bool:
    """A person named just after a subordinating word ("whichever one she", "where he", "each
    time she") is the subject of a side clause."""
    for back in (1, 2):
        if start - back >= 0 and lemmas[start - back] in _SUBORDINATORS:
            return back == 1 or lemmas[start - 1] in _HEAD_WORDS
    return False


def _fragment(scan: _Scan, clause: int, anchor: int) -> bool:
    """The words from a comma to the act have no verb ("..., each time near the shop")."""
    lemmas = scan.tokens.lemmas
    raws = scan.tokens.raws
    if lemmas[clause] in CLAUSE_BREAK_WORDS:
        return False
    for index in range(clause, anchor):
        if (
            _is_verbish(index, scan)
            or lemmas[index] in ("be", "have")
            or raws[index].endswith(PARTICIPLE_SUFFIXES)
        ):
            return False
    return True


def _bracketed(text: str, start: int, end: int) -> bool:
    """A number alone in brackets ("(14)", "( 32 )") is an age or a reference, not a count."""
    return text[max(0, start - 2) : start].rstrip().endswith("(") and text[
        end : end + 2
    ].lstrip().startswith(")")


def _relative_subject(scan: _Scan, start: int) -> bool:
    """A person straight after "the/a/her + noun" ("the gym IP uses", "the bar she works at")
    is the subject of a relative clause without "that/which" (the caller has checked the
    determiner)."""
    noun = start - 1
    if noun in scan.roles:
        return False
    tags = scan.tags_at[noun]
    return "PREP" not in tags and "DET" not in tags and not _is_verbish(noun, scan)


def _side_negation(tokens: Tokens, clause: int, negation: int, anchor: int) -> bool:
    """A negation inside a side clause ("when she was not working") ends with it: "and" with a
    new past-tense verb after it starts the main clause's next predicate."""
    lemmas = tokens.lemmas
    if _SUBORDINATORS.isdisjoint(lemmas[clause:negation]):
        return False
    for index in range(negation + 1, anchor):
        if lemmas[index] in ("and", "then") and _verb_follows(tokens, index + 1, anchor + 1):
            return True
    return False


def _terms_end(scan: _Scan, clause: int, terms: int, anchor: int) -> bool:
    """An order's terms end at a word that shows it broken ("despite", "breached", "in the
    exclusion zone"), anywhere in the clause up to the act, or at "and"/"then"/"but" before a
    new past-tense verb ("the RO was made and he attended her street")."""
    for tag in _TERMS_BROKEN:
        if _first_within(scan.spans_starts(tag), clause, anchor + 1) is not None:
            return True
    tokens = scan.tokens
    lemmas = tokens.lemmas
    roles = scan.roles
    for index in range(terms + 1, anchor):
        if lemmas[index] in _JOINING:
            verb = index + 1
            if verb in roles or lemmas[verb] in ("he", "she", "they"):
                verb += 1  # "and he attended"
            if _verb_follows(tokens, verb, anchor + 1):
                return True
    return False


def _verb_follows(tokens: Tokens, index: int, anchor: int) -> bool:
    """A past-tense verb starts a new predicate after "and" ("and went round"), where a noun
    does not ("and 12 texts", "and a note")."""
    lemmas, raws = tokens.lemmas, tokens.raws
    while index < anchor and lemmas[index] in _ADVERBS:
        index += 1
    return index < anchor and (raws[index].endswith("ed") or raws[index] in IRREGULAR)


def _perceives(tags_at: list[frozenset[str]], index: int) -> bool:
    """A perception verb ends at ``index`` ("saw", "CCTV shows")."""
    return "SEE" in tags_at[index] or (index > 0 and "SEE" in tags_at[index - 1])


def _passive_between(tokens: Tokens, first: int, stop: int) -> bool:
    """A passive verb in [first, stop): "IP was sent 40 msgs" (the count's verb)."""
    return any(_participle_after_be(tokens, index) for index in range(first, stop))


def _person_before(scan: _Scan, anchor: int, low: int) -> bool:
    """A person (not a thing) before a passive "seen/found": "a male was seen", "someone was
    found", not "a note was found"."""
    tags_at = scan.tags_at
    lemmas = scan.tokens.lemmas
    return any(
        not _PERSON_TAGS.isdisjoint(tags_at[index]) or lemmas[index] in _PERSON_WORDS
        for index in range(low, anchor)
    )


def _participle_after_be(tokens: Tokens, index: int) -> bool:
    """ "was sent", "has been followed": a passive verb at ``index``."""
    raw = tokens.raws[index]
    if raw in STATIVE_PARTICIPLES or not (raw.endswith(PARTICIPLE_SUFFIXES) or raw in PARTICIPLES):
        return False
    lemmas = tokens.lemmas
    return (index >= 1 and lemmas[index - 1] in ("be", "get")) or (
        index >= 2 and lemmas[index - 2] in ("be", "get") and lemmas[index - 1] in _ADVERBS
    )


def _is_passive(tokens: Tokens, anchor: int, low: int) -> bool:
    if tokens.lemmas[anchor] in ("be", "get") and anchor + 1 < len(tokens.raws):
        anchor += 1  # a phrase that starts with its auxiliary: "be sign up to", "be sent"
    raw = tokens.raws[anchor]
    if raw in STATIVE_PARTICIPLES:
        return False
    if not (raw.endswith(PARTICIPLE_SUFFIXES) or raw in PARTICIPLES):
        return False
    for index in range(anchor - 1, max(low, anchor - 3) - 1, -1):
        if tokens.lemmas[index] in ("be", "get"):
            return True
    return False


def _unit(scan: _Scan, index: int) -> str | None:
    return _unit_of(scan.tags_at[index])


@cache
def _unit_of(tags: frozenset[str]) -> str | None:
    for tag, unit in COUNT_UNITS.items():
        if tag in tags:
            return unit
    return None


# What a quote may start after: white space (every character ``str.isspace`` accepts lies
# below U+3001) or a clause mark. A set lookup, not a method call per character.
_QUOTE_OPENERS: Final = frozenset(
    [*(chr(code) for code in range(0x3001) if chr(code).isspace()), *".;,("]
)


def _quote(scan: _Scan, first: int, last: int, low: int, high: int) -> str:
    """The clause around a match, at most a few words either side."""
    tokens = scan.tokens
    clause_start = tokens.clause_start
    begin = clause_start[first]
    if begin < first - 5:
        begin = first - 5
    if begin < low:
        begin = low
    end = last + 5
    if end > high:
        end = high
    if last < end:  # stop at the end of the clause (clause starts never decrease)
        end = bisect_right(clause_start, clause_start[last - 1], last, end)
    start, stop = tokens.starts[begin], tokens.ends[end - 1]
    text = scan.text
    # never start or stop inside a word or a date ("21/11/22", "ex-p")
    while start > 0 and text[start - 1] not in _QUOTE_OPENERS:
        start -= 1
    length = len(text)
    while stop < length and text[stop].isalnum():
        stop += 1
    quote = text[start:stop]
    if quote.isprintable() and "  " not in quote:
        return quote  # no whitespace but single spaces (the usual case): nothing to tidy
    return " ".join(quote.split())


def _dates(text: str, tokens: Tokens) -> int:
    """Distinct dates mentioned: "10/11/17", "1 May", "March 12", "on Monday"."""
    found: set[str] = set()
    values = tokens.values
    # a numeric date has a separator then a digit, and its numbers are tokens with values
    if values and _DATE_HINT_RE.search(text):
        found.update(NUMERIC_DATE_RE.findall(text))
    raws = tokens.raws
    named = _DATE_NAMES.intersection(raws)
    if not named:
        return len(found)
    found.update(named & _DATE_WEEKDAYS)
    for month in named & MONTHS:
        index = _next_index(raws, month, 0)
        while index >= 0:
            near = [values[k] for k in (index - 1, index + 1) if k in values]
            day = next((v for v in near if 1 <= v <= 31), None)
            if day is not None:
                found.add(f"{month[:3]}-{int(day)}")
            index = _next_index(raws, month, index + 1)
    return len(found)


def _date_part(text: str, tokens: Tokens, index: int) -> bool:
    """Numbers inside dates ("10/11/17", "14.10", "2-3-24") and years ("2012") are not counts;
    a range ("10-15 calls") and a number at the end of a sentence ("twice.") are."""
    raw = tokens.raws[index]
    if not raw[:1].isdigit():
        return False
    start, end = tokens.starts[index], tokens.ends[index]
    if (
        text[start - 1 : start] not in _DATE_CHARACTERS
        and text[end : end + 1] not in _DATE_CHARACTERS
    ):
        return len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2100  # on its own
    while start > 0 and text[start - 1] in _DATE_CHARACTERS:
        start -= 1
    while end < len(text) and text[end] in _DATE_CHARACTERS:
        end += 1
    written = text[start:end].rstrip(".-\u2013")
    if "/" in written or (not _RANGE_RE.fullmatch(written) and _DATE_SEPARATOR_RE.search(written)):
        return True
    return len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2100


_DATE_CHARACTERS: Final = frozenset("0123456789/.-\u2013")
_RANGE_RE: Final = re.compile(r"\d{1,4}[-\u2013]\d{1,4}")
_DATE_SEPARATOR_RE: Final = re.compile(r"\d[.\-\u2013]\d")


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per behaviour and place: keep the longest of overlapping matches."""
    if len(findings) < 2:
        return findings
    findings.sort(key=_longest_first)
    out: list[Finding] = []
    for finding in findings:
        if out and out[-1].code == finding.code and finding.start < out[-1].end:
            continue
        out.append(finding)
    out.sort(key=_START_CODE)
    return out


def _longest_first(finding: Finding) -> tuple[str, int, int]:
    return finding.code, finding.start, -finding.end


_START_CODE: Final = attrgetter("start", "code")


def _occasions(findings: NarrativeFindings) -> int:
    # a time phrase ("the following day", "two weeks later") is a new occasion only when an act
    # hangs on it, in its sentence or the next ("brothers reconciled the following day" is not)
    signals = [s for s in findings.signals if s.code == "NEW_OCCASION"]
    if signals:
        acts = {f.sentence for f in findings.behaviours if f.code in _ACTS}
        new = sum(1 for s in signals if s.sentence in acts or s.sentence + 1 in acts)
    else:
        new = 0
    estimate = max(findings.dates, 1 + new)
    statuses = {f.status for f in findings.behaviours if f.code <= "B30"}
    if "historic" in statuses and "current" in statuses:
        estimate += 1
    return estimate


# Behaviours that are acts (not the markers B27 frequency and B30 separation, nor impact).
_ACTS: Final = frozenset(f"B{number:02d}" for number in range(1, 30) if number != 27)
