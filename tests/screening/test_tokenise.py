"""The chunked tokeniser gives exactly what a token-by-token loop over the text gives.

``tokenise`` splits a narrative at spaces and caches each distinct chunk's tokens (text.py). The
reference is the straightforward loop it replaced (``_tokenise_each``, still used for text whose
lower case changes length): one regex match at a time, with the sentence, clause, month and
number logic applied as it goes. They must agree on every field.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foursight.screening.lexicon import CLAUSE_BREAK_WORDS
from foursight.screening.text import Normaliser, Tokens, _tokenise_each, tokenise

BREAKS = frozenset(CLAUSE_BREAK_WORDS)


def reference_tokenise(text: str, normalise: Normaliser) -> Tokens:
    """The token-by-token loop the chunked tokeniser replaced (kept in text.py for the texts
    whose lower case changes length)."""
    return _tokenise_each(text, normalise, BREAKS)


# Pieces chosen for the places where context matters: full stops that do or do not end a
# sentence, months, dashes between spaces, apostrophes at a chunk's end, numbers, abbreviations
# that expand to several lemmas, text whose lower case is longer ("İ"), and odd whitespace.
# fmt: off
PIECES = [
    "the", "Susp", "followed", "IP", "home", ".", ",", "approx.", "9,800", "msgs", "x40", "X40",
    "May", "may", "March", "march", "1", "10/11/17", "s.4A", "-", "'", "hasn't", "ex-p", "w/h",
    "(female)", '"', "?", "!", ";", ":", "ttk", "calling", "folowed", "recieved", "e.g.", "Mr.",
    "but", "when", "Then", "one", "five", "24/7", "101", "...", "her'", "s'", "x", "4,000+",
    "Monday", "\u2013", "\u2014", "\u2019", "\u0130", "\xa0", "\n", "\t",
]
# fmt: on
SEPARATORS = ["", " ", " ", "  ", "\n", " - "]
WORDS = ["IP", "states", "the", "male", "tailed", "her", "car", "and", "sent", "40", "msgs"]
_NORMALISE = Normaliser()


@pytest.fixture(scope="module")
def normalise() -> Normaliser:
    return _NORMALISE


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "Susp followed IP home.",
        "  Susp  followed IP home .  ",
        "approx. 9,800 msgs - then she left",
        "- May 12 the suspect came round",
        "He came round on 1 May. may he? March on",
        "IP's ex-p sent txts x40 \u2013 all from w/h numbers; she was scared",
        "\u0130P said he followed her.",  # lower case is longer: the token-by-token path
        "Ends with a dash -",
        "s.4A met. Then he went",
        "her'",
    ],
)
def test_examples_match_the_token_by_token_loop(normalise: Normaliser, text: str):
    assert tokenise(text, normalise, BREAKS) == reference_tokenise(text, normalise)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=16))
def test_any_text_matches_the_token_by_token_loop(pieces: list[tuple[str, str]]):
    text = "".join(piece + separator for piece, separator in pieces)
    assert tokenise(text, _NORMALISE, BREAKS) == reference_tokenise(text, _NORMALISE)


def test_generated_narratives_match_the_token_by_token_loop(normalise: Normaliser):
    rng = random.Random(5)
    for _ in range(300):
        text = " ".join(rng.choice(WORDS + PIECES) for _ in range(rng.randrange(1, 40)))
        assert tokenise(text, normalise, BREAKS) == reference_tokenise(text, normalise)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=16))
def test_every_token_is_the_text_it_came_from(pieces: list[tuple[str, str]]):
    # holds the token-by-token path (text with "İ") to the text itself, not only to the loop
    text = "".join(piece + separator for piece, separator in pieces)
    tokens = tokenise(text, _NORMALISE, BREAKS)
    for raw, start, end in zip(tokens.raws, tokens.starts, tokens.ends, strict=True):
        assert text[start:end].lower() == raw


def test_text_whose_lower_case_is_longer_is_read_like_any_other(normalise: Normaliser):
    plain = tokenise("IP said he followed her.", normalise, BREAKS)
    dotted = tokenise("\u0130P said he followed her.", normalise, BREAKS)
    assert dotted.lemmas[1:] == plain.lemmas[1:]
    assert dotted.sentence == plain.sentence
