"""Tokenise and normalise narrative text: lower case, abbreviations, contractions, lemmas.

Every token keeps the character offsets of the words it came from, so evidence can be quoted
exactly as the officer wrote it. Normalising a word is cached: the vocabulary of police narratives
is small, so after the first few hundred records almost every token is a dictionary hit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

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

NUM = "#num"
MONTH = "#month"

# Numbers ("9,800", "300+", "x40"), words (with inner apostrophes, hyphens or slashes: "ex-p",
# "w/h", "hasn't") and the punctuation that ends clauses.
TOKEN_RE = re.compile(
    r"x\d+(?:[,.]\d+)*\+?|\d+(?:,\d{3})*(?:\.\d+)?\+?|24/7"
    r"|[^\W\d_]+(?:['\u2019/\-][^\W\d_]+)*(?:['\u2019](?=\s|$))?|[.;:!?,()\"\n]"
    r"|(?<=\s)[-\u2013\u2014](?=\s)"
)
SENTENCE_END = frozenset({".", ";", "!", "?", "\n", "-", "\u2013", "\u2014"})
SOFT_BREAK = frozenset({",", ":", "(", ")", '"'})
MONTH_NAMES = frozenset(
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
_MONTH_CONTEXT = frozenset(
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
_CONTRACTIONS = {
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
_VOWELS = frozenset("aeiou")
# Numbers that are names, not counts: "call 999", "Life360".
LITERAL_NUMBERS = frozenset({"999", "101", "360", "111"})


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


@cache
def lemma_table() -> dict[str, str]:
    """Inflected form -> lemma, for every word the vocabulary uses, plus irregular forms."""
    table: dict[str, str] = {}
    for word in sorted(_phrase_words()):
        if len(word) <= 2:
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


class Normaliser:
    """Maps a raw lower-case token to its normalised lemma(s), with a per-instance cache."""

    def __init__(self, fuzzy: bool = True) -> None:
        self.fuzzy = fuzzy
        self.table = lemma_table()
        self.cache: dict[str, tuple[str, ...]] = {}
        self.info: dict[str, tuple[Any, ...]] = {}  # raw token -> tokenise's classification

    def __call__(self, raw: str) -> tuple[str, ...]:
        found = self.cache.get(raw)
        if found is None:
            found = self._normalise(raw)
            if len(self.cache) < 200_000:
                self.cache[raw] = found
        return found

    def _normalise(self, raw: str) -> tuple[str, ...]:
        raw = raw.replace("\u2019", "'")
        if raw in ABBREVIATIONS:
            return ABBREVIATIONS[raw]
        if raw in LITERAL_NUMBERS:
            return (raw,)
        if raw in NUMBER_WORDS:
            return (raw,) if raw == "one" else (NUM,)
        if raw[0].isdigit() or (raw[0] == "x" and len(raw) > 1 and raw[1].isdigit()):
            return (NUM,)
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
            return (*self(base[:-1]), "not")
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
            pool, forms = _fuzzy_pool()
            best = extractOne(raw, pool, scorer=OSA.distance, score_cutoff=1)
            if best is not None and _typing_slip(raw, best[0]):
                return forms[best[0]]
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
    if raw in NUMBER_WORDS:
        return float(NUMBER_WORDS[raw])
    digits = raw.lstrip("x").rstrip("+").replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return 0.0


_WORD, _END, _SOFT, _MONTHISH = 0, 1, 2, 3


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


def tokenise(text: str, normalise: Normaliser, break_words: Iterable[str]) -> Tokens:
    """Split a narrative into normalised tokens with offsets, sentences and clauses.

    Written for speed (this loop runs for every token of every record): one cached lookup per
    raw token gives its kind, lemmas and flags.
    """
    breaks = break_words if isinstance(break_words, frozenset) else frozenset(break_words)
    rows: list[tuple[str, str, int, int, int, int]] = []
    add_row = rows.append
    values: dict[int, float] = {}
    bounds: list[tuple[int, int]] = []
    questions: set[int] = set()
    gerunds: list[int] = []
    lower = text.lower()
    same = len(lower) == len(text)
    source = lower if same else text
    cache = normalise.info
    sent = sent_first = clause_first = count = 0
    previous = ""
    for match in TOKEN_RE.finditer(source):
        start, end = match.span()
        raw = match.group() if same else match.group().lower()
        info = cache.get(raw)
        if info is None:
            info = _classify(raw, normalise, breaks)
            if len(cache) < 200_000:
                cache[raw] = info
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
        for form in forms:
            add_row((form, raw, start, end, sent, clause_first))
            if info[4] is not None:
                values[count] = info[4]
            if info[3]:
                gerunds.append(count)
            count += 1
        if forms:
            previous = forms[-1]
    if count > sent_first:
        bounds.append((sent_first, count))
    # one append per token above, then columns: much cheaper than six appends per token
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
