"""Group mentions into people: greedy union-find over links, strongest first, under constraints.

Order of authority: a staff must-link, then the RMS nominal id (same person_ref, same person),
then the model's links in descending match weight. A merge is refused whenever it would put two
mentions that staff split (cannot-link) into one person, so a correction survives every re-run.
In incremental mode, people that already exist keep their ids and are never merged with each
other by the model: a new mention that links two of them is reported for review instead.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass
class MergeLog:
    """What happened while clustering, for flags and explanations."""

    refused_by_cannot_link: list[tuple[int, int, str]] = field(default_factory=list)
    would_merge_existing: list[tuple[int, int, float]] = field(default_factory=list)


class ConstrainedUnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.size = [1] * size
        # The weakest model link each component was built with (inf: only certain links).
        self.weakest = [math.inf] * size
        self.weakest_pair: list[tuple[int, int] | None] = [None] * size
        # Nodes each component must never share a person with (few: from staff decisions).
        self.forbidden: dict[int, set[int]] = {}
        # Components that stand for people who already exist (incremental linking).
        self.existing: dict[int, str] = {}
        self.log = MergeLog()

    def find(self, node: int) -> int:
        parent = self.parent
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def forbid(self, pairs: Iterable[tuple[int, int]]) -> None:
        for a, b in pairs:
            self.forbidden.setdefault(self.find(a), set()).add(b)
            self.forbidden.setdefault(self.find(b), set()).add(a)

    def _conflicts(self, root_a: int, root_b: int) -> bool:
        for mine, other in ((root_a, root_b), (root_b, root_a)):
            for node in self.forbidden.get(mine, ()):
                if self.find(node) == other:
                    return True
        return False

    def union(self, a: int, b: int, weight: float, why: str) -> bool:
        """Merge the components of a and b unless a constraint forbids it; True if merged."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        if self.forbidden and self._conflicts(root_a, root_b):
            self.log.refused_by_cannot_link.append((a, b, why))
            return False
        if root_a in self.existing and root_b in self.existing:
            self.log.would_merge_existing.append((a, b, weight))
            return False
        if self.size[root_a] < self.size[root_b]:
            root_a, root_b = root_b, root_a
        self.parent[root_b] = root_a
        self.size[root_a] += self.size[root_b]
        weakest = min(self.weakest[root_a], self.weakest[root_b])
        pair = (
            self.weakest_pair[root_a]
            if self.weakest[root_a] <= self.weakest[root_b]
            else self.weakest_pair[root_b]
        )
        if weight < weakest:
            weakest, pair = weight, (a, b)
        self.weakest[root_a], self.weakest_pair[root_a] = weakest, pair
        if root_b in self.forbidden:
            self.forbidden.setdefault(root_a, set()).update(self.forbidden.pop(root_b))
        if root_b in self.existing:
            self.existing[root_a] = self.existing.pop(root_b)
        return True

    def merge_edges(
        self, left: Sequence[int], right: Sequence[int], weight: Sequence[float]
    ) -> None:
        """Model links, already sorted strongest first."""
        find, union = self.find, self.union
        for a, b, w in zip(left, right, weight, strict=True):
            if find(a) != find(b):
                union(a, b, w, "model")

    def components(self) -> dict[int, list[int]]:
        groups: dict[int, list[int]] = {}
        for node in range(len(self.parent)):
            groups.setdefault(self.find(node), []).append(node)
        return groups
