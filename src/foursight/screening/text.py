"""Tokenise and normalise narrative text: lower case, abbreviations, contractions, lemmas.

Every token keeps the character offsets of the words it came from, so evidence can be quoted
exactly as the officer wrote it. Tokenising is cached by space-separated chunk ("home.",
"msgs", "(female)"): the vocabulary of police narratives is small, so after the first few hundred
records almost every chunk is a dictionary hit, and a narrative's token columns are joined from
the cached chunks rather than built token by token. This module is compiled (see ``native``):
plain typed loops here are C loops.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any, Final, NamedTuple

from rapidfuzz.distance import OSA
from rapidfuzz.process import extractOne

from .lexicon import (
    ABBREVIATIONS,
    CONCEPTS,
    DOTTED_ABBREVIATIONS,
    IRREGULAR,
    NUMBER_WORDS,
    PROTECTED_WORDS,
)

NUM: Final = "#num"
MONEY: Final = "#money"
MONTH: Final = "#month"

# Sums of money ("£650", "$1,200": a sum, never a count), numbers ("9,800", "300+", "x40"), words
# (with inner apostrophes, hyphens or slashes: "ex-p", "w/h", "hasn't") and the punctuation that
# ends clauses.
TOKEN_RE: Final = re.compile(
    r"[£$€]\d+(?:,\d{3})*(?:\.\d+)?k?|x\d+(?:[,.]\d+)*\+?|\d+(?:,\d{3})*(?:\.\d+)?\+?|24/7"
    r"|[^\W\d_]+(?:['\u2019/\-][^\W\d_]+)*(?:['\u2019](?=\s|$))?|[.;:!?,()\"\n]"
    r"|(?<=\s)[-\u2013\u2014](?=\s)"
)
SENTENCE_END: Final = frozenset({".", ";", "!", "?", "\n", "-", "\u2013", "\u2014"})
SOFT_BREAK: Final = frozenset({",", ":", "(", ")", '"'})
MONTH_NAMES: Final = frozenset(
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
_MONTH_CONTEXT: Final = frozenset(
    {
        "in",
        "since",
        "from",
        "until",
        "of",
        "early",
        "late",
        "mid",
        "end",
        "during",
        "by",
        "last",
        "next",
        "this",
        "between",
        "on",
    }
)
_CONTRACTIONS: Final = {
    "won't": ("will", "not"),
    "can't": ("can", "not"),
    "cannot": ("can", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("be", "not"),
    "he's": ("he", "be"),
    "she's": ("she", "be"),
    "it's": ("it", "be"),
    "that's": ("that", "be"),
    "there's": ("there", "be"),
    "i'm": ("i", "be"),
}
_VOWELS: Final = frozenset("aeiou")
_CURRENCY: Final = frozenset("£$€")
# Numbers that are names, not counts: "call 999", "Life360".
LITERAL_NUMBERS: Final = frozenset({"999", "101", "360", "111"})


@dataclass(frozen=True)
class Tokens:
    """The flat, normalised token stream of one narrative (parallel lists for speed)."""

    lemmas: list[str]
    raws: list[str]
    starts: list[int]
    ends: list[int]
    values: dict[int, float]  # token index -> numeric value for NUM tokens
    sentence: list[int]  # sentence number of each token
    clause_start: list[int]  # index of the first token of each token's clause
    sentence_bounds: list[tuple[int, int]]  # [start, end) token range of each sentence
    questions: frozenset[int]  # sentence numbers that end with "?"
    gerunds: list[int]  # indexes of "-ing" words ("keeps calling")


def _inflections(word: str) -> set[str]:
    forms = {word + "s", word + "ed", word + "ing"}
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(word + "es")
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word + "d"}
        forms.discard(word + "ed")
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if (
        len(word) >= 3
        and word[-1] not in _VOWELS | {"w", "x", "y"}
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    ):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def _phrase_words() -> set[str]:
    words: set[str] = set()
    for phrases in CONCEPTS.values():
        for phrase in phrases:
            for raw in TOKEN_RE.findall(phrase.lower()):
                if raw.isalpha():
                    words.add(raw)
    return words


# Words that never take endings: "shed" is not "she" + d, "thing" not "the" + ing, "evening"
# not "even" + ing.
_NO_INFLECTIONS: Final = frozenset(
    {
        "she",
        "the",
        "he",
        "her",
        "his",
        "him",
        "they",
        "them",
        "their",
        "even",
        "who",
        "how",
        "why",
        "any",
        "all",
        "and",
        "but",
        "not",
        "nor",
        "can",
        "its",
        "our",
        "you",
        "your",
        "for",
        "off",
        "out",
        "own",
        "too",
        "via",
        "yet",
        "ago",
        "per",
    }
)


@cache
def lemma_table() -> dict[str, str]:
    """Inflected form -> lemma, for every word the vocabulary uses, plus irregular forms."""
    table: dict[str, str] = {}
    for word in sorted(_phrase_words()):
        if len(word) <= 2 or word in _NO_INFLECTIONS:
            continue
        for form in _inflections(word):
            table.setdefault(form, word)
    table.update(IRREGULAR)
    for base in list(table.values()):
        table.setdefault(base, base)
    return table


@cache
def _fuzzy_pool() -> tuple[list[str], dict[str, str]]:
    table = lemma_table()
    forms = {form: lemma for form, lemma in table.items() if len(form) >= 7 and form.isalpha()}
    return list(forms), forms


@cache
def _fuzzy_pool_near(length: int, first: str) -> list[str]:
    """The pool forms with the same first letter and one letter or less longer or shorter, in
    pool order: only these can be an accepted slip (``_typing_slip`` keeps the first letter),
    so a nearer word with another first letter no longer hides one."""
    return [form for form in _fuzzy_pool()[0] if form[0] == first and abs(len(form) - length) <= 1]


class Normaliser:
    """Maps a raw lower-case token to its normalised lemma(s), with a per-instance cache."""

    def __init__(self, fuzzy: bool = True) -> None:
        self.fuzzy = fuzzy
        self.table = lemma_table()
        self.cache: dict[str, tuple[str, ...]] = {}
        self._chunks: dict[frozenset[str], _ChunkCache] = {}

    def chunk_cache(self, breaks: frozenset[str]) -> _ChunkCache:
        """The chunks tokenised with these clause-break words (cached per list)."""
        found = self._chunks.get(breaks)
        if found is None:
            found = self._chunks[breaks] = _ChunkCache(self, breaks)
        return found

    def __call__(self, raw: str) -> tuple[str, ...]:
        found = self.cache.get(raw)
        if found is None:
            found = self._normalise(raw)
            if len(self.cache) < 200_000:
                self.cache[raw] = found
        return found

    def _normalise(self, raw: str) -> tuple[str, ...]:
        raw = raw.replace("\u2019", "'")
        if not raw:
            return ()
        if raw in ABBREVIATIONS:
            return ABBREVIATIONS[raw]
        if raw in LITERAL_NUMBERS:
            return (raw,)
        if raw in NUMBER_WORDS:
            return (raw,) if raw == "one" else (NUM,)
        if raw[0].isdigit() or (raw[0] == "x" and len(raw) > 1 and raw[1].isdigit()):
            return (NUM,)
        if raw[0] in _CURRENCY:
            return (MONEY,)
        if raw in _CONTRACTIONS:
            return _CONTRACTIONS[raw]
        if "'" in raw:
            return self._apostrophe(raw)
        if "-" in raw or "/" in raw:
            out: list[str] = []
            for part in re.split(r"[-/]", raw):
                if part:
                    out.extend(self(part))
            return tuple(out)
        return (self._lemma(raw),)

    def _apostrophe(self, raw: str) -> tuple[str, ...]:
        base, _, tail = raw.partition("'")
        if tail == "t" and base.endswith("n"):
            # "hasn't" -> have not; "n't" written apart ("did n't") is "not" on its own
            return (*self(base[:-1]), "not") if len(base) > 1 else ("not",)
        extra = {"d": ("would",), "ll": ("will",), "re": ("be",), "ve": ("have",), "m": ("be",)}
        if tail in extra:
            return (*self(base), *extra[tail])
        if tail in ("s", ""):
            return self(base) if base else ()
        return self(base + tail)

    def _lemma(self, raw: str) -> str:
        lemma = self.table.get(raw)
        if lemma is not None:
            return lemma
        if self.fuzzy and len(raw) >= 6 and raw.isalpha() and raw not in PROTECTED_WORDS:
            near = _fuzzy_pool_near(len(raw), raw[0])
            best = extractOne(raw, near, scorer=OSA.distance, score_cutoff=1)
            if best is not None and _typing_slip(raw, best[0]):
                return _fuzzy_pool()[1][best[0]]
        return raw


def _typing_slip(word: str, candidate: str) -> bool:
    """Accept only the slips officers make: a doubled or dropped double letter ("harrassed",
    "folowed") or two letters swapped ("recieved"). A different letter ("swearing" for
    "smearing", "stated" for "stared") is a different word, not a misspelling."""
    if word[0] != candidate[0] or word == candidate:
        return False
    if len(word) == len(candidate):
        diff = [i for i in range(len(word)) if word[i] != candidate[i]]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and word[diff[0]] == candidate[diff[1]]
            and word[diff[1]] == candidate[diff[0]]
        )
    longer, shorter = (word, candidate) if len(word) > len(candidate) else (candidate, word)
    for i in range(len(longer)):
        if longer[:i] + longer[i + 1 :] == shorter:
            return (i > 0 and longer[i] == longer[i - 1]) or (
                i + 1 < len(longer) and longer[i] == longer[i + 1]
            )
    return False


def number_value(raw: str) -> float:
    raw = raw.rstrip("'\u2019")  # "'literally hundreds'"
    if raw in NUMBER_WORDS:
        return float(NUMBER_WORDS[raw])
    if "-" in raw:  # "twenty-five", "hundred-odd", "forty-odd"
        return sum(float(NUMBER_WORDS.get(part, 0)) for part in raw.split("-"))
    digits = raw.lstrip("x").rstrip("+").replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return 0.0


_WORD, _END, _SOFT, _MONTHISH, _BREAK = 0, 1, 2, 3, 4


def _classify(raw: str, normalise: Normaliser, breaks: frozenset[str]) -> tuple[Any, ...]:
    """(kind, forms, clause break?, gerund?, numeric value or None) for one raw token."""
    if raw in SENTENCE_END:
        return (_END, (), False, False, None)
    if raw in SOFT_BREAK:
        return (_SOFT, (), False, False, None)
    if raw in ("may", "march"):
        return (_MONTHISH, (raw,), False, False, None)
    forms = normalise(raw)
    value = number_value(raw) if forms and forms[0] in (NUM, "one") else None
    gerund = len(raw) > 5 and raw.endswith("ing")
    return (_WORD, forms, raw in breaks, gerund, value)


class Chunk(NamedTuple):
    """The tokens of one space-separated piece of text ("home.", "(female)", "msgs"), with
    offsets relative to the piece. Only the events need the narrative around them."""

    lemmas: tuple[str, ...]
    raws: tuple[str, ...]  # the raw token of each lemma ("can't" gives two lemmas)
    starts: tuple[int, ...]  # where each lemma's raw token starts in the piece
    special: bool  # has events, numbers or gerunds
    # (kind, index of the next lemma, raw, start, end) for sentence and clause breaks, clause
    # break words and "may"/"march", which depend on what is around them
    events: tuple[tuple[int, int, str, int, int], ...]
    values: tuple[tuple[int, float], ...]  # (lemma index, value) of numbers
    gerunds: tuple[int, ...]  # lemma indexes of "-ing" words


class _ChunkCache:
    """Chunks already analysed, per clause-break word list. Tokens never contain a space, so a
    chunk tokenises the same wherever it occurs, given what is just outside it: a space, or the
    edge of the narrative (the first and last chunks are kept apart for that)."""

    def __init__(self, normalise: Normaliser, breaks: frozenset[str]) -> None:
        self.normalise = normalise
        self.breaks = breaks
        self.inner: dict[str, Chunk] = {}
        self.edges: dict[tuple[str, bool, bool], Chunk] = {}
        self.info: dict[str, tuple[Any, ...]] = {}  # raw token -> its classification

    def inner_chunk(self, chunk: str) -> Chunk:
        found = self.inner.get(chunk)
        if found is None:
            found = self._analyse(" " + chunk + " ", 1)
            if len(self.inner) < 200_000:
                self.inner[chunk] = found
        return found

    def edge_chunk(self, chunk: str, first: bool, last: bool) -> Chunk:
        key = (chunk, first, last)
        found = self.edges.get(key)
        if found is None:
            padded = ("" if first else " ") + chunk + ("" if last else " ")
            found = self._analyse(padded, 0 if first else 1)
            if len(self.edges) < 20_000:
                self.edges[key] = found
        return found

    def _analyse(self, padded: str, shift: int) -> Chunk:
        forms: list[str] = []
        raws: list[str] = []
        starts: list[int] = []
        events: list[tuple[int, int, str, int, int]] = []
        values: list[tuple[int, float]] = []
        gerunds: list[int] = []
        info_cache = self.info
        for match in TOKEN_RE.finditer(padded):
            raw = match.group()
            start, end = match.start() - shift, match.end() - shift
            info = info_cache.get(raw)
            if info is None:
                info = _classify(raw, self.normalise, self.breaks)
                if len(info_cache) < 200_000:
                    info_cache[raw] = info
            kind = info[0]
            if kind in (_END, _SOFT, _MONTHISH):
                events.append((kind, len(forms), raw, start, end))
                if kind != _MONTHISH:
                    continue
            elif info[2]:
                events.append((_BREAK, len(forms), raw, start, end))
            for number, form in enumerate(info[1]):
                if info[4] is not None and not number:  # "hundred-odd": the value once
                    values.append((len(forms), info[4]))
                if info[3]:
                    gerunds.append(len(forms))
                forms.append(form)
                raws.append(raw)
                starts.append(start)
        return Chunk(
            tuple(forms),
            tuple(raws),
            tuple(starts),
            bool(events or values or gerunds),
            tuple(events),
            tuple(values),
            tuple(gerunds),
        )


def tokenise(text: str, normalise: Normaliser, break_words: Iterable[str]) -> Tokens:
    """Split a narrative into normalised tokens with offsets, sentences and clauses.

    Written for speed (this runs for every record, compiled: see ``native``). The text is split
    at spaces into chunks; each distinct chunk is tokenised once and cached (the vocabulary of
    police narratives is small), the chunks' token columns are joined, and only the chunks with
    sentence or clause breaks, numbers or gerunds are looked at again.
    """
    breaks = break_words if isinstance(break_words, frozenset) else frozenset(break_words)
    lower = text.lower()
    if len(lower) != len(text):  # lower-casing changed the length: offsets need the original
        return _tokenise_each(text, normalise, breaks)
    chunks = lower.split(" ")
    cache = normalise.chunk_cache(breaks)
    inner = cache.inner
    lemmas: list[str] = []
    raws: list[str] = []
    starts: list[int] = []
    specials: list[tuple[Chunk, int, int]] = []  # (chunk, its first lemma, its offset)
    offset = 0
    last = len(chunks) - 1
    for number, chunk in enumerate(chunks):
        if 0 < number < last:
            entry = inner.get(chunk) or cache.inner_chunk(chunk)
        else:  # the first and last chunks touch the edge of the text
            entry = cache.edge_chunk(chunk, number == 0, number == last)
        if entry.special:
            specials.append((entry, len(lemmas), offset))
        count = len(entry.lemmas)
        if count == 1:  # most chunks are one word: appending is cheaper than extending
            lemmas.append(entry.lemmas[0])
            raws.append(entry.raws[0])
            starts.append(offset + entry.starts[0])
        elif count:
            lemmas.extend(entry.lemmas)
            raws.extend(entry.raws)
            for start in entry.starts:
                starts.append(offset + start)
        offset += len(chunk) + 1
    ends = [start + len(raw) for start, raw in zip(starts, raws, strict=True)]
    return _structure(text, specials, lemmas, raws, starts, ends)


def _structure(
    text: str,
    specials: list[tuple[Chunk, int, int]],
    lemmas: list[str],
    raws: list[str],
    starts: list[int],
    ends: list[int],
) -> Tokens:
    """Sentences, clauses, months, numbers and gerunds, from the chunks that have them."""
    values: dict[int, float] = {}
    gerunds: list[int] = []
    bounds: list[tuple[int, int]] = []
    questions: set[int] = set()
    clause_points = [0]  # token indexes where a clause starts
    sent = sent_first = 0
    # ``previous`` is the last lemma, or the last punctuation mark when no lemma followed it
    mark_at, mark = -1, ""
    for entry, base, offset in specials:
        for kind, at, raw, start, end in entry.events:
            index = base + at
            if kind == _BREAK:
                clause_points.append(index)
            elif kind == _SOFT:
                clause_points.append(index)
                mark_at, mark = index, raw
            elif kind == _END:
                if raw == ".":
                    previous = mark if mark_at == index else lemmas[index - 1] if index else ""
                    if _dot_continues(previous, text, offset + end):
                        continue
                if raw == "?":
                    questions.add(sent)
                if index > sent_first:
                    bounds.append((sent_first, index))
                    sent += 1
                sent_first = index
                clause_points.append(index)
                mark_at, mark = index, raw
            else:  # "may" or "march"
                previous = mark if mark_at == index else lemmas[index - 1] if index else ""
                if _is_month(text, offset + start, offset + end, previous):
                    lemmas[index] = MONTH
        for at, value in entry.values:
            values[base + at] = value
        for at in entry.gerunds:
            gerunds.append(base + at)
    total = len(lemmas)
    if total > sent_first:
        bounds.append((sent_first, total))
    # each token's sentence number and clause start
    sentence: list[int] = []
    for number, (first, end) in enumerate(bounds):
        sentence.extend([number] * (end - first))
    clause_points.append(total)
    clause_start: list[int] = []
    for point, following in pairwise(clause_points):
        clause_start.extend([point] * (following - point))
    return Tokens(
        lemmas,
        raws,
        starts,
        ends,
        values,
        sentence,
        clause_start,
        bounds,
        frozenset(questions),
        gerunds,
    )


def _tokenise_each(text: str, normalise: Normaliser, breaks: frozenset[str]) -> Tokens:
    """The token-by-token tokeniser: what ``tokenise`` gives, one regex match at a time.

    ``tokenise`` uses it for text whose lower case has a different length (the regex then runs
    on the original text and each token is lower-cased on its own); the tests hold the chunked
    path to it for every other text.
    """
    rows: list[tuple[str, str, int, int, int, int]] = []
    add_row = rows.append
    values: dict[int, float] = {}
    bounds: list[tuple[int, int]] = []
    questions: set[int] = set()
    gerunds: list[int] = []
    sent = sent_first = clause_first = count = 0
    previous = ""
    lower = text.lower()
    same = len(lower) == len(text)
    for match in TOKEN_RE.finditer(lower if same else text):
        start, end = match.span()
        raw = match.group() if same else match.group().lower()
        info = _classify(raw, normalise, breaks)
        kind = info[0]
        if kind == _WORD:
            forms = info[1]
            if info[2]:
                clause_first = count
        elif kind == _END:
            if raw == "." and _dot_continues(previous, text, end):
                continue
            if raw == "?":
                questions.add(sent)
            if count > sent_first:
                bounds.append((sent_first, count))
                sent += 1
            sent_first = clause_first = count
            previous = raw
            continue
        elif kind == _SOFT:
            clause_first = count
            previous = raw
            continue
        else:
            forms = (MONTH,) if _is_month(text, start, end, previous) else info[1]
        for number, form in enumerate(forms):
            add_row((form, raw, start, end, sent, clause_first))
            if info[4] is not None and not number:
                values[count] = info[4]
            if info[3]:
                gerunds.append(count)
            count += 1
        if forms:
            previous = forms[-1]
    if count > sent_first:
        bounds.append((sent_first, count))
    if rows:
        lemmas, raws, starts, ends, sentence, clause_start = (
            list(c) for c in zip(*rows, strict=True)
        )
    else:
        lemmas, raws, starts, ends, sentence, clause_start = [], [], [], [], [], []
    return Tokens(
        lemmas,
        raws,
        starts,
        ends,
        values,
        sentence,
        clause_start,
        bounds,
        frozenset(questions),
        gerunds,
    )


def _dot_continues(previous: str, text: str, end: int) -> bool:
    """A full stop after "approx" or inside "s.4A" does not end the sentence."""
    if previous in DOTTED_ABBREVIATIONS:
        return True
    following = text[end : end + 2]
    return bool(following) and (following[0].isalnum() or following.strip()[:1].islower())


def _is_month(text: str, start: int, end: int, previous: str) -> bool:
    if previous in (NUM, MONTH) or previous in _MONTH_CONTEXT:
        return True
    following = text[end : end + 4].strip()
    if following[:1].isdigit():
        return True
    return text[start].isupper() and previous not in ("", ".", ";", "!", "?")
