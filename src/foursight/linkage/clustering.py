"""Group mentions into people: greedy union-find over links, strongest first, under constraints.

Order of authority: a staff must-link, then the RMS nominal id (same person_ref, same person),
then the model's links in descending match weight. A merge is refused whenever it would put two
mentions that staff split (cannot-link) into one person, so a correction survives every re-run.
In incremental mode, people that already exist keep their ids and are never merged with each
other by the model: a new mention that links two of them is reported for review instead.

A model link is a pair's evidence, but a merge joins two whole persons. A weak link (a name and
little else) is therefore refused when the two persons it would join have dates of birth none
of which could be a slip for another (same, day and month transposed, one digit different, the
year one out), or recorded genders that differ: a name-only mention must not bridge two
namesakes. A link
that reached the threshold only with how common its name is or how often a person is named
(evidence.py) is held to more: the two persons must not have phones, emails or postcodes of
which none are shared either (such a mention is likelier a namesake than the person moved).
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
    refused_by_conflict: int = 0


def dobs_compatible(left: str, right: str) -> bool:
    """Whether two ISO dates of birth could be one recorded with a slip."""
    if left == right:
        return True
    if left[:4] == right[:4] and left[5:7] == right[8:10] and left[8:10] == right[5:7]:
        return True  # day and month transposed
    if left[4:] == right[4:] and left[:4].isdigit() and right[:4].isdigit():
        # the year one out, as when it is worked out from an age ("aged 45"): 1979 and 1980
        # are one year apart though two digits differ
        return abs(int(left[:4]) - int(right[:4])) <= 1
    if len(left) != len(right):
        return False
    differ = [i for i, (a, b) in enumerate(zip(left, right, strict=True)) if a != b]
    if len(differ) == 1:
        return True
    i, j = differ[0], differ[-1]
    return len(differ) == 2 and j == i + 1 and left[i] == right[j] and left[j] == right[i]


class Profiles:
    """What each person's mentions record that one person has only one or few of: dates of
    birth, genders, phones, emails and postcodes, to check merges against."""

    def __init__(
        self,
        dobs: Sequence[str | None],
        genders: Sequence[str | None],
        phones: Sequence[str | None] = (),
        emails: Sequence[str | None] = (),
        postcodes: Sequence[str | None] = (),
    ) -> None:
        columns = (dobs, genders, phones, emails, postcodes)
        size = max(len(c) for c in columns)
        self.columns = [list(c) + [None] * (size - len(c)) for c in columns]
        # Roots of merged persons -> one set of values per field; a node never merged into
        # anything is read from the columns.
        self.values: dict[int, tuple[frozenset[str], ...]] = {}

    def copy(self) -> Profiles:
        out = Profiles((), ())
        out.columns = self.columns
        out.values = dict(self.values)
        return out

    def _of(self, root: int) -> tuple[frozenset[str], ...]:
        found = self.values.get(root)
        if found is None:
            found = tuple(_single(c[root]) for c in self.columns)
        return found

    def conflict(self, root_a: int, root_b: int, *, strict: bool = False) -> bool:
        (dobs_a, genders_a, *ids_a), (dobs_b, genders_b, *ids_b) = (
            self._of(root_a),
            self._of(root_b),
        )
        if _disjoint(genders_a, genders_b):
            return True
        if strict and any(_disjoint(a, b) for a, b in zip(ids_a, ids_b, strict=True)):
            return True
        if not _disjoint(dobs_a, dobs_b):
            return False
        return not any(dobs_compatible(a, b) for a in dobs_a for b in dobs_b)

    def merge(self, into: int, other: int) -> None:
        moved = self.values.pop(other, None) or self._of(other)
        kept = self._of(into)
        self.values[into] = tuple(a | b if b else a for a, b in zip(kept, moved, strict=True))


_EMPTY: frozenset[str] = frozenset()


def _single(value: str | None) -> frozenset[str]:
    return _EMPTY if value is None else frozenset((value,))


def _disjoint(values_a: frozenset[str], values_b: frozenset[str]) -> bool:
    return bool(values_a and values_b and not values_a & values_b)


class ConstrainedUnionFind:
    def __init__(
        self, size: int, profiles: Profiles | None = None, guard_weight: float = -math.inf
    ) -> None:
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
        # Model links weaker than guard_weight may not join persons whose profiles conflict.
        self.profiles = profiles
        self.guard_weight = guard_weight

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

    def union(self, a: int, b: int, weight: float, why: str, *, lifted: bool = False) -> bool:
        """Merge the components of a and b unless a constraint forbids it; True if merged.

        ``lifted``: a model link that reached the threshold only with evidence beyond the pair.
        """
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        if self.forbidden and self._conflicts(root_a, root_b):
            self.log.refused_by_cannot_link.append((a, b, why))
            return False
        if root_a in self.existing and root_b in self.existing:
            self.log.would_merge_existing.append((a, b, weight))
            return False
        if (
            why == "model"
            and self.profiles is not None
            and (lifted or weight < self.guard_weight)
            and self.profiles.conflict(root_a, root_b, strict=lifted)
        ):
            self.log.refused_by_conflict += 1
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
        if self.profiles is not None:
            self.profiles.merge(root_a, root_b)
        return True

    def merge_edges(
        self,
        left: Sequence[int],
        right: Sequence[int],
        weight: Sequence[float],
        lifted: Sequence[bool] | None = None,
    ) -> None:
        """Model links, already sorted strongest first (``lifted``: see union)."""
        find, union = self.find, self.union
        flags = lifted if lifted is not None else [False] * len(left)
        for a, b, w, up in zip(left, right, weight, flags, strict=True):
            if find(a) != find(b):
                union(a, b, w, "model", lifted=up)

    def roots(self) -> list[int]:
        find = self.find
        return [find(node) for node in range(len(self.parent))]

    def components(self) -> dict[int, list[int]]:
        groups: dict[int, list[int]] = {}
        for node in range(len(self.parent)):
            groups.setdefault(self.find(node), []).append(node)
        return groups
