"""Find the concept phrases of ``lexicon.CONCEPTS`` in a narrative's lemma stream.

All phrases are compiled into one Aho-Corasick automaton over *token codes*: every lemma that
some phrase uses gets a fixed code of ``width`` characters (a first character from one alphabet,
the rest from another, so a phrase can only match where a token starts), and every other lemma
gets a code that no phrase contains. A narrative becomes one short string, a code per token, and
the automaton reports each phrase with the token it ends at (character index // width). This is
several times cheaper than matching the lemmas spelt out, and needs no character-to-token map.

A longer phrase in a shadowing tag wins over the words inside it ("contact centre" is not
contact, "follow up" is not following): those words lose their ``SHADOWED_TAGS``.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Final, NamedTuple

import ahocorasick

from .lexicon import CONCEPTS, SHADOWED_TAGS, SHADOWING_TAGS
from .text import MONEY, NUM, TOKEN_RE, Normaliser

Span = tuple[int, int]  # [first, end) token range
PLACEHOLDERS: Final = frozenset({NUM, MONEY})
EMPTY: Final[frozenset[str]] = frozenset()
GERUND: Final = "GERUND"
_GERUND_TAGS: Final = frozenset({GERUND})

# Code alphabets: Latin-1 characters, so code strings are compact; 64 x 64 codes per two
# characters (a third character is added if the vocabulary ever outgrows that).
_FIRST_ALPHABET: Final = [chr(c) for c in range(0x40, 0x80)]
_LATER_ALPHABET: Final = [chr(c) for c in range(0xC0, 0x100)]


class Phrase(NamedTuple):
    """What the automaton reports for one distinct lemma sequence (a tuple: unpacked fast)."""

    reach: int  # tokens before the last one (length - 1)
    tags: frozenset[str]
    looked_up: tuple[str, ...]  # the tags that get per-tag span lists (see ``looked_up``)
    unshadowed: tuple[frozenset[str], tuple[str, ...]] | None  # tags and lists once shadowed
    # A multi-word phrase in a shadowing tag shadows what lies inside it. What that is follows
    # from its own lemmas, so it is worked out here: (offset, tags kept, lists left) for each
    # word, and (first offset, end offset) for each shorter phrase, that loses tags.
    shadows_words: tuple[tuple[int, frozenset[str], tuple[str, ...]], ...]
    shadows_phrases: tuple[Span, ...]


@dataclass(frozen=True)
class PhraseLexicon:
    automaton: Any  # phrase code string -> Phrase
    code_of: dict[str, str]
    other: str  # the code of a lemma no phrase uses
    width: int
    word_tags: dict[str, frozenset[str]]  # lemma -> the tags of the word on its own
    entries: dict[str, tuple[str, frozenset[str]]]  # lemma -> (its code, word_tags or EMPTY)


@dataclass
class PhraseIndex:
    """Where concept tags occur in one narrative."""

    tags_at: list[frozenset[str]]  # token index -> tags of the phrases starting there
    occurrences: dict[str, list[Span]]  # looked-up tag -> its spans, sorted


def phrase_lemmas(phrase: str, normalise: Normaliser) -> tuple[str, ...]:
    """The lemmas of a written phrase. "#num" and "#money" stand for any number or sum of
    money ("#num people", "lose #money"), as the tokeniser writes them."""
    out: list[str] = []
    for piece in phrase.lower().split():
        if piece in PLACEHOLDERS:
            out.append(piece)
            continue
        for raw in TOKEN_RE.findall(piece):
            if raw.isalnum() or "-" in raw or "'" in raw or "/" in raw or raw[0].isdigit():
                out.extend(normalise(raw))
    return tuple(out)


def compile_phrases(
    normalise: Normaliser, looked_up: Callable[[frozenset[str]], tuple[str, ...]]
) -> PhraseLexicon:
    """Build the automaton. ``looked_up(tags)`` names the tags that need per-tag span lists (the
    ones rules, roles and scopes look up by name); the others are only read at a position."""
    keyed: dict[tuple[str, ...], set[str]] = {}
    for tag, phrases in CONCEPTS.items():
        for written in phrases:
            lemmas = phrase_lemmas(written, normalise)
            if lemmas:
                keyed.setdefault(lemmas, set()).add(tag)
    vocabulary = sorted({lemma for lemmas in keyed for lemma in lemmas})
    width = _code_width(len(vocabulary) + 1)
    code_of = {lemma: _code(number, width) for number, lemma in enumerate(vocabulary, start=1)}
    tag_sets = {lemmas: frozenset(tags) for lemmas, tags in keyed.items()}
    automaton = ahocorasick.Automaton()
    for lemmas, tags in tag_sets.items():
        unshadowed = None
        if not tags.isdisjoint(SHADOWED_TAGS):
            kept = tags - SHADOWED_TAGS
            unshadowed = (kept, looked_up(kept))
        words: tuple[tuple[int, frozenset[str], tuple[str, ...]], ...] = ()
        shorter: tuple[Span, ...] = ()
        if len(lemmas) > 1 and not tags.isdisjoint(SHADOWING_TAGS):
            words, shorter = _shadowed_inside(lemmas, tag_sets, looked_up)
        listed = looked_up(tags)
        phrase = Phrase(len(lemmas) - 1, tags, listed, unshadowed, words, shorter)
        if len(lemmas) == 1 and not phrase.looked_up:
            continue  # a word's tags come from ``word_tags``; with no lists to add to, skip it
        automaton.add_word("".join(code_of[lemma] for lemma in lemmas), phrase)
    automaton.make_automaton()
    word_tags = {lemmas[0]: tags for lemmas, tags in tag_sets.items() if len(lemmas) == 1}
    entries = {lemma: (code, word_tags.get(lemma, EMPTY)) for lemma, code in code_of.items()}
    return PhraseLexicon(automaton, code_of, _code(0, width), width, word_tags, entries)


def _shadowed_inside(
    lemmas: tuple[str, ...],
    tag_sets: dict[tuple[str, ...], frozenset[str]],
    looked_up: Callable[[frozenset[str]], tuple[str, ...]],
) -> tuple[tuple[tuple[int, frozenset[str], tuple[str, ...]], ...], tuple[Span, ...]]:
    """The words and shorter phrases inside a covering phrase that lose shadowed tags."""
    words = []
    for offset, lemma in enumerate(lemmas):
        tags = tag_sets.get((lemma,))
        if tags is not None and not tags.isdisjoint(SHADOWED_TAGS):
            kept = tags - SHADOWED_TAGS
            lost = tuple(tag for tag in looked_up(tags) if tag not in looked_up(kept))
            words.append((offset, kept, lost))
    shorter = []
    for first in range(len(lemmas)):
        for end in range(first + 2, len(lemmas) + 1):
            tags = tag_sets.get(lemmas[first:end])
            if (end - first) < len(lemmas) and tags and not tags.isdisjoint(SHADOWED_TAGS):
                shorter.append((first, end))
    return tuple(words), tuple(shorter)


def _code_width(codes: int) -> int:
    width, capacity = 1, len(_FIRST_ALPHABET)
    while capacity < codes:
        width += 1
        capacity *= len(_LATER_ALPHABET)
    return width


def _code(number: int, width: int) -> str:
    later: list[str] = []
    for _ in range(width - 1):
        number, digit = divmod(number, len(_LATER_ALPHABET))
        later.append(_LATER_ALPHABET[digit])
    return _FIRST_ALPHABET[number] + "".join(reversed(later))


def index_phrases(
    lexicon: PhraseLexicon, lemmas: list[str], sentence: list[int], gerunds: Iterable[int]
) -> PhraseIndex:
    """Every phrase that lies within one sentence, shadowed where a longer phrase covers it."""
    width = lexicon.width
    entries, other = lexicon.entries, lexicon.other
    # each lemma's code, and its tags as a single word (they depend on the lemma only)
    parts: list[str] = []
    tags_at: list[frozenset[str]] = []
    for lemma in lemmas:
        entry = entries.get(lemma)
        if entry is None:
            parts.append(other)
            tags_at.append(EMPTY)
        else:
            parts.append(entry[0])
            tags_at.append(entry[1])
    tags_at.append(EMPTY)  # the position after the last token
    codes = "".join(parts)
    occurrences: dict[str, list[Span]] = {}
    word_spans = _word_spans(len(codes), width)
    longer: list[tuple[int, int, Phrase]] = []
    hit: tuple[int, Phrase]  # typed: compiled code unpacks it without generic calls
    for hit in lexicon.automaton.iter(codes):
        char_end, phrase = hit
        if phrase.reach:
            last = char_end // width
            first = last - phrase.reach
            if sentence[first] == sentence[last]:
                longer.append((first, last + 1, phrase))
            continue
        # a single word: reported in token order, so its lists stay sorted
        span = word_spans[char_end]
        for tag in phrase.looked_up:
            found = occurrences.get(tag)
            if found is None:
                occurrences[tag] = [span]
            else:
                found.append(span)
    if longer:
        _add_longer(longer, tags_at, occurrences)
    spans = [(index, index + 1) for index in gerunds]
    if spans:
        occurrences[GERUND] = spans
        for index, _end in spans:
            known = tags_at[index]
            tags_at[index] = known | _GERUND_TAGS if known else _GERUND_TAGS
    return PhraseIndex(tags_at, occurrences)


_WORD_SPANS: Final[dict[int, list[Span]]] = {}


def _word_spans(length: int, width: int) -> list[Span]:
    """Character end of a code -> the span of its token, (index, index + 1): looked up rather
    than built for each of the hundred or so words a narrative has in the vocabulary."""
    spans = _WORD_SPANS.get(width)
    if spans is None or len(spans) < length:
        size = max(length, 4096)
        spans = [(end // width, end // width + 1) for end in range(size)]
        _WORD_SPANS[width] = spans
    return spans


def _add_longer(
    longer: list[tuple[int, int, Phrase]],
    tags_at: list[frozenset[str]],
    occurrences: dict[str, list[Span]],
) -> None:
    """Add the multi-word phrases, after shadowing what their covers hold: the single words
    already indexed, and each other."""
    shadowed: set[int] = set()  # words already shadowed
    shadowed_phrases: set[Span] = set()
    for first, _end, phrase in longer:
        for offset, kept, lost in phrase.shadows_words:
            position = first + offset
            if position not in shadowed:
                shadowed.add(position)
                tags_at[position] = kept
                _unlist((position, position + 1), lost, occurrences)
        for start, stop in phrase.shadows_phrases:
            shadowed_phrases.add((first + start, first + stop))
    for first, end, phrase in longer:
        tags, looked_up = phrase.tags, phrase.looked_up
        unshadowed = phrase.unshadowed
        if unshadowed is not None and (first, end) in shadowed_phrases:
            tags, looked_up = unshadowed
            if not tags:
                continue
        known = tags_at[first]
        tags_at[first] = known | tags if known else tags
        span = (first, end)
        for tag in looked_up:
            found = occurrences.get(tag)
            if found is None:
                occurrences[tag] = [span]
            else:
                insort(found, span)


def _unlist(span: Span, tags: tuple[str, ...], occurrences: dict[str, list[Span]]) -> None:
    for tag in tags:
        found = occurrences[tag]
        found.remove(span)
        if not found:
            del occurrences[tag]
