"""Resolve person mentions to people: score candidate pairs with the model, then cluster.

``link`` runs everything over a set of mentions; ``link_incremental`` scores only pairs that
involve new mentions and assigns them to existing people or new ones; ``link_exchange`` trains on
an exchange file's own mentions and links them (the screening CLI's entry point).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Literal

import pyarrow as pa
import pyarrow.compute as pc

from .clustering import ConstrainedUnionFind, Profiles
from .evidence import Evidence
from .mentions import Mention, mentions_from_exchange
from .model import NO_DATA, LinkageModel, comparison_design
from .scoring import Scoring
from .settings import LinkageSettings
from .table import build_table
from .training import train_model

Progress = Callable[[str], None]
Pair = tuple[str, str]
EdgeSource = Literal["model", "person_ref", "must_link"]


@dataclass(frozen=True, slots=True)
class Edge:
    """Why two mentions are one person: the model's evidence, or a certain link.

    ``agreements`` says how each field compared, e.g. ``{"name": "exact", "dob": "day/month
    transposed", "phone": "no data"}``, and what evidence beyond the pair added to the weight:
    ``"context"`` (both records also name the same person), ``"name frequency"`` (few persons
    carry the name), ``"often named"`` (the person is mentioned often). Certain links (same
    RMS nominal id, staff confirmed) have match_weight ``inf`` and match_probability 1.0.
    """

    left: str
    right: str
    match_weight: float
    match_probability: float
    agreements: Mapping[str, str]
    source: EdgeSource = "model"

    def as_dict(self) -> dict[str, Any]:
        return {
            "left": self.left,
            "right": self.right,
            "match_weight": None if math.isinf(self.match_weight) else self.match_weight,
            "match_probability": self.match_probability,
            "agreements": dict(self.agreements),
            "source": self.source,
        }


@dataclass(frozen=True)
class ClusterFlag:
    """A person whose mentions should be looked at before anyone relies on the link."""

    person_id: str
    mention_ids: tuple[str, ...]
    reasons: tuple[str, ...]
    weakest_match_weight: float | None = None


@dataclass
class LinkageResult:
    person_of: dict[str, str]
    edges: list[Edge]
    flagged: list[ClusterFlag]
    model_version: str = ""
    stats: dict[str, Any] = field(default_factory=dict)

    def persons(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for mention_id, person_id in self.person_of.items():
            found.setdefault(person_id, []).append(mention_id)
        return found


def person_id_for(mention_ids: Iterable[str]) -> str:
    """A person id that depends only on the person's first mention, so re-runs agree."""
    first = min(mention_ids)
    return "P-" + hashlib.sha1(first.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


@cache
def default_model() -> LinkageModel:
    """The model shipped with Foursight, for files too small to train on (docs/linkage.md)."""
    text = resources.files("foursight.linkage").joinpath("data/default_model.json")
    return LinkageModel.from_json(text.read_text(encoding="utf-8"))


# --- explanations --------------------------------------------------------------------------


@cache
def _labels() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """For each comparison, its non-null level labels indexed by Splink's gamma value."""
    out = []
    for name, levels in comparison_design().items():
        non_null = [lvl.label for lvl in levels if not lvl.is_null]
        out.append((name, tuple(reversed(non_null))))  # gamma 0 is the last (else) level
    return tuple(out)


class _Explainer:
    """Turns gamma vectors into read-only agreement maps, one shared map per distinct vector."""

    def __init__(self) -> None:
        self._seen: dict[tuple[int, ...], Mapping[str, str]] = {}

    def __call__(self, gammas: tuple[int, ...]) -> Mapping[str, str]:
        found = self._seen.get(gammas)
        if found is None:
            found = MappingProxyType(
                {
                    name: NO_DATA if gamma < 0 else labels[gamma]
                    for (name, labels), gamma in zip(_labels(), gammas, strict=True)
                }
            )
            self._seen[gammas] = found
        return found


_CERTAIN = {
    "person_ref": MappingProxyType({"person_ref": "same RMS nominal id"}),
    "must_link": MappingProxyType({"staff": "confirmed as the same person by staff"}),
}
# Evidence beyond the pair shown on an edge when it added at least this much weight.
_SHOWN_WEIGHT = 0.5


def _probability(weight: float) -> float:
    return 1.0 / (1.0 + 2.0 ** (-weight)) if weight > -1000 else 0.0


# --- clustering and results ----------------------------------------------------------------


def _index_pairs(
    pairs: Iterable[Pair], index: Mapping[str, int], what: str
) -> list[tuple[int, int]]:
    out = []
    for left, right in pairs:
        if left not in index or right not in index:
            continue  # a decision about a mention not in this run: nothing to apply
        if left == right:
            raise ValueError(f"{what} pair links a mention to itself: {left!r}")
        out.append((index[left], index[right]))
    return out


def _person_ref_groups(mentions: Sequence[Mention]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for position, mention in enumerate(mentions):
        if mention.person_ref:
            groups.setdefault(mention.person_ref, []).append(position)
    return groups


def _apply_certain_links(
    uf: ConstrainedUnionFind,
    mentions: Sequence[Mention],
    must: list[tuple[int, int]],
    edges: list[Edge],
) -> None:
    for a, b in must:
        if uf.union(a, b, math.inf, "must_link"):
            edges.append(_certain_edge(mentions, a, b, "must_link"))
    for members in _person_ref_groups(mentions).values():
        first = members[0]
        for other in members[1:]:
            if uf.union(first, other, math.inf, "person_ref"):
                edges.append(_certain_edge(mentions, first, other, "person_ref"))


def _certain_edge(mentions: Sequence[Mention], a: int, b: int, source: EdgeSource) -> Edge:
    return Edge(
        mentions[a].mention_id, mentions[b].mention_id, math.inf, 1.0, _CERTAIN[source], source
    )


def _column(table: pa.Table | pa.RecordBatch, name: str) -> list[Any]:
    if name in table.column_names:
        return table.column(name).to_pylist()
    return [None] * table.num_rows


def _model_edges(
    uf: ConstrainedUnionFind,
    mentions: Sequence[Mention],
    links: pa.Table,
    person_of_node: Callable[[int], str],
) -> list[Edge]:
    """The links that ended inside one person, strongest first, with explanations."""
    roots = pa.array(uf.roots(), pa.int64())
    links = links.filter(
        pc.equal(pc.take(roots, links.column("l")), pc.take(roots, links.column("r")))
    ).sort_by([("match_weight", "descending"), ("l", "ascending"), ("r", "ascending")])
    explain = _Explainer()
    find = uf.find
    edges = []
    for batch in links.to_batches(max_chunksize=_BATCH):
        gammas = zip(
            *(batch.column(f"gamma_{name}").to_pylist() for name, _ in _labels()), strict=True
        )
        rows = zip(
            batch.column("l").to_pylist(),
            batch.column("r").to_pylist(),
            batch.column("match_weight").to_pylist(),
            gammas,
            *(
                _column(batch, name)
                for name in ("frequency_weight", "popularity_weight", "context_weight")
            ),
            _column(batch, "via_l"),
            _column(batch, "via_r"),
            strict=True,
        )
        for a, b, weight, g, frequency, popularity, context, c, d in rows:
            agreements = explain(g)
            extra: dict[str, str] = {}
            if context and c is not None and d is not None:
                extra["context"] = (
                    f"both records also name {person_of_node(c)}"
                    f" ({mentions[c].mention_id} and {mentions[d].mention_id})"
                )
            if frequency and frequency >= _SHOWN_WEIGHT:
                extra["name frequency"] = "few of the persons found carry this name"
            if popularity and popularity >= _SHOWN_WEIGHT:
                extra["often named"] = f"joins a person mentioned {uf.size[find(a)]} times"
            if extra:
                agreements = MappingProxyType({**agreements, **extra})
            edges.append(
                Edge(
                    mentions[a].mention_id,
                    mentions[b].mention_id,
                    weight,
                    _probability(weight),
                    agreements,
                )
            )
    return edges


def _threshold_weight(threshold: float) -> float:
    return math.log2(threshold / (1.0 - threshold))


def _record_codes(mentions: Sequence[Mention]) -> pa.Array:
    """A small integer per record (source_ref), by mention position."""
    codes: dict[str, int] = {}
    return pa.array([codes.setdefault(m.source_ref, len(codes)) for m in mentions], pa.int64())


UnionFindFactory = Callable[[], tuple[ConstrainedUnionFind, list[Edge]]]


def _cluster(
    mentions: Sequence[Mention],
    scoring: Scoring,
    fresh: UnionFindFactory,
    settings: LinkageSettings,
    say: Progress,
) -> tuple[pa.Table, ConstrainedUnionFind, list[Edge], dict[str, Any]]:
    """Cluster the model's links, then add the links the evidence beyond the pair lifts.

    Round 0 clusters the links the model alone puts at or above the threshold, strongest
    first. Round 1 adds to the candidate pairs between different round-0 persons the evidence
    from those persons (name frequency among persons, how often a person is named, context)
    and clusters again from scratch with the links that now reach the threshold, strongest
    first, under the same staff decisions and guards. New links can create new shared
    co-persons, so later rounds recompute the context and merge the links they newly lift
    into the persons so far; they stop when a round lifts nothing new. Returns all links
    (model and lifted).
    """
    threshold_weight = _threshold_weight(settings.threshold)
    stats: dict[str, Any] = {"rounds": 0, "lifted": 0}
    say("scoring candidate pairs")
    evidence = Evidence(
        scoring.table,
        _record_codes(mentions),
        prior=scoring.prior,
        settings=settings,
        real_name_frequencies=scoring.real_name_frequencies,
    )
    try:
        margin = settings.candidate_margin if settings.evidence_rounds else 0.0
        stats["candidates"] = evidence.add(scoring.candidates(threshold_weight - margin))
        say("clustering")
        links = evidence.model_links(threshold_weight)
        uf, certain = _union_all(fresh, links, threshold_weight)
        if not settings.evidence_rounds:
            return links, uf, certain, stats
        say("adding evidence from the persons found")
        evidence.set_persons(uf.roots())
        evidence.fix_first_persons()
        factor = None
        for round_number in range(1, settings.evidence_rounds + 1):
            context_weight = 0.0
            if round_number > 1:
                evidence.set_persons(uf.roots())
            if evidence.context_possible:
                co = evidence.co_persons()
                if factor is None:
                    factor = evidence.estimate_context()
                    stats["context"] = factor.as_dict()
                context_weight = factor.weight
                if context_weight > 0:
                    found = scoring.sharing(co, threshold_weight - context_weight - margin)
                    stats["candidates"] += evidence.add(found)
            if round_number == 1:
                # The popularity prior's other side (evidence.demoted).
                lone = evidence.demoted(threshold_weight, context_weight)
                stats["demoted"] = lone.num_rows
                links = evidence.without(links, lone)
            added = evidence.lifted(threshold_weight, context_weight)
            if not added.num_rows and not (round_number == 1 and stats.get("demoted")):
                break
            evidence.take(added)
            added = added.drop_columns(["cid_l", "cid_r"])
            links = evidence.merged(links, added)
            if round_number == 1:
                # Strongest first among all links: a name-only mention the evidence ties
                # firmly to one person must not first be taken by a weak link to another.
                uf, certain = _union_all(fresh, links, threshold_weight)
            else:
                _merge(uf, added, threshold_weight)
            stats["rounds"] = round_number
            stats["lifted"] += added.num_rows
            if not evidence.context_possible:
                break  # nothing else changes from round to round
        stats["refused_by_conflict"] = uf.log.refused_by_conflict
        return links, uf, certain, stats
    finally:
        evidence.close()


def _union_all(
    fresh: UnionFindFactory, links: pa.Table, threshold_weight: float
) -> tuple[ConstrainedUnionFind, list[Edge]]:
    uf, certain = fresh()
    _merge(uf, links, threshold_weight)
    return uf, certain


def _merge(uf: ConstrainedUnionFind, links: pa.Table, threshold_weight: float) -> None:
    """Merge links (strongest first) into the persons of ``uf``, a batch at a time so that
    millions of links never sit in Python lists all at once."""
    evidence = "model_weight" in links.column_names
    for batch in links.to_batches(max_chunksize=_BATCH):
        lifted = None
        if evidence:
            # Lifted by name frequency or popularity alone: context is evidence of its own
            # that a person with a new phone is still the person beside the same victim.
            lifted = [
                w is not None and w < threshold_weight and not c
                for w, c in zip(
                    batch.column("model_weight").to_pylist(),
                    batch.column("context_weight").to_pylist(),
                    strict=True,
                )
            ]
        uf.merge_edges(
            batch.column("l").to_pylist(),
            batch.column("r").to_pylist(),
            batch.column("match_weight").to_pylist(),
            lifted,
        )


_BATCH = 200_000


def _profiles(scoring_table: pa.Table) -> Profiles:
    return Profiles(
        *(
            scoring_table.column(name).to_pylist()
            for name in ("dob", "gender", "phone", "email", "postcode")
        )
    )


def _flags(
    uf: ConstrainedUnionFind,
    mentions: Sequence[Mention],
    person_of_root: Mapping[int, str],
    groups: Mapping[int, list[int]],
    settings: LinkageSettings,
    only_roots: set[int] | None = None,
) -> list[ClusterFlag]:
    reasons: dict[int, list[str]] = {}

    def add(root: int, reason: str) -> None:
        reasons.setdefault(root, []).append(reason)

    for root, members in groups.items():
        if only_roots is not None and root not in only_roots:
            continue
        size = len(members)
        if size > settings.max_cluster_size:
            add(
                root,
                f"{size} mentions, more than the {settings.max_cluster_size} expected of one"
                " person: check for a chain of links joining different people",
            )
        weakest = uf.weakest[root]
        if size >= 3 and weakest < settings.review_match_weight and uf.weakest_pair[root]:
            a, b = uf.weakest_pair[root]  # type: ignore[misc]
            add(
                root,
                f"held together by a weak link (match weight {weakest:.1f}) between"
                f" {mentions[a].mention_id} and {mentions[b].mention_id}",
            )
        refs = {mentions[m].person_ref for m in members if mentions[m].person_ref}
        if len(refs) >= 3:
            add(root, f"joins {len(refs)} different RMS nominal ids")
    for a, b, why in uf.log.refused_by_cannot_link:
        if why != "model":
            add(
                uf.find(a),
                f"a {why.replace('_', ' ')} between {mentions[a].mention_id} and"
                f" {mentions[b].mention_id} was not applied: staff split them",
            )
    for a, b, w in uf.log.would_merge_existing:
        add(
            uf.find(a),
            f"{mentions[a].mention_id} also links (match weight {w:.1f}) to"
            f" {mentions[b].mention_id} of another existing person: a possible duplicate person",
        )
    flags = []
    for root, texts in reasons.items():
        members = groups[root]
        weakest = uf.weakest[root]
        flags.append(
            ClusterFlag(
                person_id=person_of_root[root],
                mention_ids=tuple(sorted(mentions[m].mention_id for m in members)),
                reasons=tuple(dict.fromkeys(texts)),
                weakest_match_weight=None if math.isinf(weakest) else weakest,
            )
        )
    flags.sort(key=lambda f: f.person_id)
    return flags


def _check_unique(mentions: Sequence[Mention]) -> dict[str, int]:
    index = {m.mention_id: position for position, m in enumerate(mentions)}
    if len(index) != len(mentions):
        duplicate = next(k for k, n in Counter(m.mention_id for m in mentions).items() if n > 1)
        raise ValueError(f"mention id {duplicate!r} appears more than once")
    return index


# --- public entry points -------------------------------------------------------------------


def link(
    mentions: Sequence[Mention],
    model: LinkageModel,
    settings: LinkageSettings | None = None,
    *,
    must_link: Iterable[Pair] = (),
    cannot_link: Iterable[Pair] = (),
    progress: Progress | None = None,
    table: pa.Table | None = None,
    explain: bool = True,
) -> LinkageResult:
    """Assign every mention to a person.

    Mentions with the same person_ref are one person; the model links across different or
    missing refs, helped by what the persons found say (how many carry a name, how often each
    is named, who else the records name: see evidence.py). ``must_link`` and ``cannot_link``
    are staff decisions as mention-id pairs. ``table`` is the mentions' model input when the
    caller built it already (for training). ``explain=False`` leaves out the model's edges
    (the reasons shown on a person's page) for callers that need only who is who.
    """
    settings = settings or LinkageSettings()
    say = progress or (lambda _stage: None)
    index = _check_unique(mentions)
    must = _index_pairs(must_link, index, "must_link")
    cannot = _index_pairs(cannot_link, index, "cannot_link")
    if len(mentions) < 2:
        uf = ConstrainedUnionFind(len(mentions))
        certain: list[Edge] = []
        _apply_certain_links(uf, mentions, must, certain)
        return _result(uf, mentions, certain, None, settings, model)

    say("preparing mentions")
    scoring = Scoring(mentions, model, settings, table=table)
    try:
        profiles_of = _profiles(scoring.table)

        def fresh() -> tuple[ConstrainedUnionFind, list[Edge]]:
            uf = ConstrainedUnionFind(
                len(mentions), profiles_of.copy(), settings.conflict_guard_weight
            )
            uf.forbid(cannot)
            certain: list[Edge] = []
            _apply_certain_links(uf, mentions, must, certain)
            return uf, certain

        links, uf, certain, stats = _cluster(mentions, scoring, fresh, settings, say)
    finally:
        scoring.close()
    return _result(uf, mentions, certain, links, settings, model, evidence=stats, explain=explain)


def _result(
    uf: ConstrainedUnionFind,
    mentions: Sequence[Mention],
    certain: list[Edge],
    links: pa.Table | None,
    settings: LinkageSettings,
    model: LinkageModel,
    only_roots: set[int] | None = None,
    evidence: dict[str, Any] | None = None,
    explain: bool = True,
) -> LinkageResult:
    groups = uf.components()
    person_of_root = {
        root: uf.existing.get(root) or person_id_for(mentions[m].mention_id for m in members)
        for root, members in groups.items()
    }
    person_of = {m.mention_id: person_of_root[uf.find(i)] for i, m in enumerate(mentions)}
    edges = list(certain)
    if explain and links is not None and links.num_rows:
        edges.extend(_model_edges(uf, mentions, links, lambda n: person_of_root[uf.find(n)]))
    flagged = _flags(uf, mentions, person_of_root, groups, settings, only_roots)
    return LinkageResult(
        person_of=person_of,
        edges=edges,
        flagged=flagged,
        model_version=model.version,
        stats={
            "mentions": len(mentions),
            "persons": len(groups),
            "scored_links": 0 if links is None else links.num_rows,
            "links": len(edges),
            "flagged": len(flagged),
            "evidence": evidence or {},
        },
    )


def link_incremental(
    new_mentions: Sequence[Mention],
    existing_mentions: Sequence[Mention],
    existing_person_of: Mapping[str, str],
    model: LinkageModel,
    settings: LinkageSettings | None = None,
    *,
    must_link: Iterable[Pair] = (),
    cannot_link: Iterable[Pair] = (),
    progress: Progress | None = None,
) -> LinkageResult:
    """Link new mentions to existing people (keeping their ids) or to new people.

    Only pairs that involve a new mention are scored; existing people are not re-linked among
    themselves. The evidence beyond the pair counts here too, with the existing people as the
    persons found: a new mention whose record also names someone already known is compared
    with the mentions on that person's other records. ``person_of`` in the result covers
    existing and new mentions.
    """
    settings = settings or LinkageSettings()
    say = progress or (lambda _stage: None)
    mentions = [*existing_mentions, *new_mentions]
    index = _check_unique(mentions)
    n_old = len(existing_mentions)
    missing = [m.mention_id for m in existing_mentions if m.mention_id not in existing_person_of]
    if missing:
        raise ValueError(f"{len(missing)} existing mentions have no person, e.g. {missing[0]!r}")
    must = _index_pairs(must_link, index, "must_link")
    cannot = _index_pairs(cannot_link, index, "cannot_link")

    def fresh_with(profiles: Profiles | None) -> tuple[ConstrainedUnionFind, list[Edge]]:
        uf = ConstrainedUnionFind(
            len(mentions),
            None if profiles is None else profiles.copy(),
            settings.conflict_guard_weight,
        )
        first_of_person: dict[str, int] = {}
        for position, mention in enumerate(existing_mentions):
            person = existing_person_of[mention.mention_id]
            if person in first_of_person:
                uf.union(first_of_person[person], position, math.inf, "existing")
            else:
                first_of_person[person] = position
        for person, position in first_of_person.items():
            uf.existing[uf.find(position)] = person
        uf.forbid(cannot)
        certain: list[Edge] = []
        _apply_certain_links(uf, mentions, must, certain)
        return uf, certain

    links = None
    stats: dict[str, Any] | None = None
    if new_mentions:
        say("preparing mentions")
        scoring = Scoring(mentions, model, settings, n_old=n_old)
        try:
            profiles_of = _profiles(scoring.table)
            links, uf, certain, stats = _cluster(
                mentions, scoring, lambda: fresh_with(profiles_of), settings, say
            )
        finally:
            scoring.close()
    else:
        uf, certain = fresh_with(None)
    touched = {uf.find(i) for i in range(n_old, len(mentions))}
    touched |= {uf.find(a) for a, _b, _w in uf.log.would_merge_existing}
    return _result(
        uf, mentions, certain, links, settings, model, only_roots=touched, evidence=stats
    )


def link_exchange(
    crimes: Iterable[Mapping[str, Any]],
    orders: Iterable[Mapping[str, Any]] = (),
    settings: LinkageSettings | None = None,
    *,
    progress: Progress | None = None,
) -> dict[tuple[str, int], str]:
    """Link the people on exchange-format records: {(source_ref, index): person_id}.

    Trains on the file's own mentions when there are enough of them
    (``settings.min_training_mentions``), otherwise uses the bundled default model.
    ``progress`` is told each stage as it starts.
    """
    settings = settings or LinkageSettings()
    say = progress or (lambda _stage: None)
    say("finding the people on the records")
    mentions = mentions_from_exchange(crimes, orders)
    if not mentions:
        return {}
    say("preparing mentions")
    table = build_table(mentions, blocking_key_cap=settings.blocking_key_cap)
    model = choose_model(mentions, settings, table=table, progress=progress)
    result = link(mentions, model, settings, table=table, explain=False, progress=progress)
    return {m.key: result.person_of[m.mention_id] for m in mentions}


def choose_model(
    mentions: Sequence[Mention],
    settings: LinkageSettings,
    *,
    table: pa.Table | None = None,
    progress: Progress | None = None,
) -> LinkageModel:
    """A model trained on these mentions, or the bundled one when they are too few to train."""
    if len(mentions) >= settings.min_training_mentions:
        return train_model(mentions, settings, table=table, progress=progress)
    return default_model()
