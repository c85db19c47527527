"""The phrase index over token codes finds what matching the spelt-out lemmas finds.

``index_phrases`` runs one automaton over a string of fixed-width token codes and shadows words
with what each covering phrase is known (at build time) to hold. The reference below is the
direct way: an automaton over the lemmas joined by spaces, every match mapped back to tokens,
and shadowing by how far covering phrases reach.
"""

from __future__ import annotations

import random
from itertools import accumulate

import ahocorasick
import pytest

from foursight.screening.lexicon import (
    CLAUSE_BREAK_WORDS,
    CONCEPTS,
    SHADOWED_TAGS,
    SHADOWING_TAGS,
)
from foursight.screening.narrative import _compiled, _occurrence_tags
from foursight.screening.phrases import (
    GERUND,
    _code,
    _code_width,
    index_phrases,
    phrase_lemmas,
)
from foursight.screening.text import Normaliser, tokenise

Spans = dict[str, list[tuple[int, int]]]


def _reference_automaton() -> ahocorasick.Automaton:
    normalise = Normaliser(fuzzy=False)
    keyed: dict[str, tuple[int, set[str]]] = {}
    for tag, phrases in CONCEPTS.items():
        for phrase in phrases:
            lemmas = phrase_lemmas(phrase, normalise)
            if lemmas:
                keyed.setdefault(" " + " ".join(lemmas) + " ", (len(lemmas), set()))[1].add(tag)
    automaton = ahocorasick.Automaton()
    for key, (length, tags) in keyed.items():
        frozen = frozenset(tags)
        automaton.add_word(
            key, (length, frozen, length > 1 and not frozen.isdisjoint(SHADOWING_TAGS))
        )
    automaton.make_automaton()
    return automaton


def reference_index(
    automaton: ahocorasick.Automaton, lemmas: list[str], sentence: list[int], gerunds: list[int]
) -> tuple[dict[int, frozenset[str]], Spans]:
    joined = " " + " ".join(lemmas) + " "
    end_of = dict(
        zip(accumulate(len(lemma) + 1 for lemma in lemmas), range(len(lemmas)), strict=True)
    )
    spans = []
    for end_char, (length, tags, cover) in automaton.iter(joined):
        last = end_of[end_char]
        first = last - length + 1
        if sentence[first] == sentence[last]:
            spans.append((first, last + 1, tags, cover))
    covers = [(first, end) for first, end, _tags, cover in spans if cover]
    kept = []
    for first, end, tags, _cover in spans:
        inside = any(
            (start < first and stop >= end) or (start == first and stop > end)
            for start, stop in covers
        )
        if inside:
            tags = tags - SHADOWED_TAGS
            if not tags:
                continue
        kept.append((first, end, tags))
    kept += [(index, index + 1, frozenset({GERUND})) for index in gerunds]
    tags_at: dict[int, frozenset[str]] = {}
    occurrences: Spans = {}
    for first, end, tags in kept:
        tags_at[first] = tags_at.get(first, frozenset()) | tags
        for tag in _occurrence_tags(tags) if GERUND not in tags else (GERUND,):
            occurrences.setdefault(tag, []).append((first, end))
    return tags_at, {tag: sorted(found) for tag, found in occurrences.items()}


@pytest.fixture(scope="module")
def automaton() -> ahocorasick.Automaton:
    return _reference_automaton()


def test_random_lemma_streams_index_as_the_spelt_out_lemmas_do(automaton):
    phrases = _compiled(True).phrases
    vocabulary = [*sorted(phrases.code_of), "unknown", "#num", "zzz"]
    # whole phrases too, so that covers, and phrases inside covers, turn up often
    whole = [key.split() for key in automaton]
    rng = random.Random(11)
    for _ in range(600):
        lemmas: list[str] = []
        while len(lemmas) < rng.randrange(1, 60):
            lemmas += rng.choice(whole) if rng.random() < 0.4 else [rng.choice(vocabulary)]
        sentence = list(accumulate(rng.random() < 0.1 for _ in lemmas))
        gerunds = sorted(rng.sample(range(len(lemmas)), min(len(lemmas), rng.randrange(0, 3))))
        index = index_phrases(phrases, lemmas, sentence, gerunds)
        tags_at, occurrences = reference_index(automaton, lemmas, sentence, gerunds)
        assert {i: tags for i, tags in enumerate(index.tags_at) if tags} == tags_at
        assert index.occurrences == occurrences


@pytest.mark.parametrize(
    "text",
    [
        "The contact centre called IP about the family home and the follow up.",
        "Susp turned up at the home address and waited outside her house for hours.",
        "He keeps calling from a withheld number; she blocked him but he made a new account.",
    ],
)
def test_narrative_phrases_index_as_the_spelt_out_lemmas_do(automaton, screener, text):
    analyser = screener.analyser
    stream = tokenise(text, analyser.normalise, CLAUSE_BREAK_WORDS)
    index = index_phrases(analyser.phrases, stream.lemmas, stream.sentence, stream.gerunds)
    tags_at, occurrences = reference_index(
        automaton, stream.lemmas, stream.sentence, stream.gerunds
    )
    assert {i: tags for i, tags in enumerate(index.tags_at) if tags} == tags_at
    assert index.occurrences == occurrences


@pytest.mark.parametrize("count", [10, 64, 65, 4096, 4097, 300_000])
def test_codes_are_distinct_and_only_start_where_a_token_starts(count):
    width = _code_width(count)
    codes = {_code(number, width) for number in range(0, count, max(1, count // 2000))}
    assert all(len(code) == width for code in codes)
    assert len(codes) == len(range(0, count, max(1, count // 2000)))
    # the first character of a code never appears later in one, so a phrase's codes can only
    # match at a token boundary
    firsts = {code[0] for code in codes}
    assert not firsts & {char for code in codes for char in code[1:]}
