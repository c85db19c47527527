"""Pairwise precision and recall of a clustering, from contingency counts (no pair lists)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class PairCounts:
    true_positive: int  # pairs together in both
    predicted: int  # pairs the linkage put together
    actual: int  # pairs that truly are one individual

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.actual if self.actual else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(sizes: Counter[Any]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def pairwise_counts(predicted: Mapping[K, Hashable], truth: Mapping[K, Hashable]) -> PairCounts:
    """Counts over the items in ``truth``: a pair is predicted when both share a predicted id.

    With n_ij items in predicted cluster i and true cluster j, true positives are
    sum C(n_ij, 2), predicted pairs sum C(n_i, 2) and actual pairs sum C(n_j, 2).
    """
    keys = [k for k in truth if k in predicted]
    return PairCounts(
        true_positive=_pairs(Counter((predicted[k], truth[k]) for k in keys)),
        predicted=_pairs(Counter(predicted[k] for k in keys)),
        actual=_pairs(Counter(truth[k] for k in keys)),
    )
