"""Quick draws from a ``random.Random``: the generator makes tens of millions of them.

``random.Random.choice`` and ``randrange`` loop over ``getrandbits``; one ``random()`` call and
an index are several times faster and just as deterministic for a seed.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def pick(rng: random.Random, items: Sequence[T]) -> T:
    """One item, uniformly (``rng.choice``)."""
    return items[int(rng.random() * len(items))]


def below(rng: random.Random, n: int) -> int:
    """An int in [0, n) (``rng.randrange(n)``)."""
    return int(rng.random() * n)


def between(rng: random.Random, low: int, high: int) -> int:
    """An int in [low, high) (``rng.randrange(low, high)``)."""
    return low + int(rng.random() * (high - low))


def weighted(rng: random.Random, items: Sequence[T], cumulative: Sequence[float]) -> T:
    """One item with the given cumulative weights (``rng.choices(..., cum_weights=...)[0]``)."""
    return items[bisect(cumulative, rng.random() * cumulative[-1])]
