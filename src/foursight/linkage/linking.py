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

from . import backend
from .clustering import ConstrainedUnionFind
from .mentions import Mention, mentions_from_exchange
from .model import NO_DATA, LinkageModel, comparison_design, prior_for, splink_settings
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
    transposed", "phone": "no data"}``. Certain links (same RMS nominal id, staff confirmed)
    have match_weight ``inf`` and match_probability 1.0.
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


# --- scoring -------------------------------------------------------------------------------


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


def _scored_pairs(db_api: Any, predictions: Any) -> pa.Table:
    gamma_cols = ", ".join(f"gamma_{name}" for name, _ in _labels())
    # Only Splink's own table name and our comparison names go into this query.
    sql = f"""
        SELECT unique_id_l AS l, unique_id_r AS r, match_weight, match_probability, {gamma_cols}
        FROM {predictions.physical_name}
    """  # noqa: S608
    return backend.fetch_arrow(db_api, sql)


def _sort_strongest_first(tables: Sequence[pa.Table]) -> pa.Table:
    table = pa.concat_tables(tables) if len(tables) > 1 else tables[0]
    return table.sort_by([("match_weight", "descending"), ("l", "ascending"), ("r", "ascending")])


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


def _model_edges(
    uf: ConstrainedUnionFind, mentions: Sequence[Mention], scored: pa.Table
) -> list[Edge]:
    """The scored links that ended inside one person, strongest first, with explanations."""
    left = scored.column("l").to_pylist()
    right = scored.column("r").to_pylist()
    weight = scored.column("match_weight").to_pylist()
    probability = scored.column("match_probability").to_pylist()
    gammas = list(
        zip(*(scored.column(f"gamma_{name}").to_pylist() for name, _ in _labels()), strict=True)
    )
    explain = _Explainer()
    find = uf.find
    return [
        Edge(mentions[a].mention_id, mentions[b].mention_id, w, p, explain(g))
        for a, b, w, p, g in zip(left, right, weight, probability, gammas, strict=True)
        if find(a) == find(b)
    ]


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
) -> LinkageResult:
    """Assign every mention to a person.

    Mentions with the same person_ref are one person; the model links across different or
    missing refs. ``must_link`` and ``cannot_link`` are staff decisions as mention-id pairs.
    """
    settings = settings or LinkageSettings()
    say = progress or (lambda _stage: None)
    index = _check_unique(mentions)
    uf = ConstrainedUnionFind(len(mentions))
    uf.forbid(_index_pairs(cannot_link, index, "cannot_link"))
    edges: list[Edge] = []
    _apply_certain_links(uf, mentions, _index_pairs(must_link, index, "must_link"), edges)

    scored = _score_all(mentions, model, settings, say) if len(mentions) > 1 else None
    say("clustering")
    if scored is not None and scored.num_rows:
        uf.merge_edges(
            scored.column("l").to_pylist(),
            scored.column("r").to_pylist(),
            scored.column("match_weight").to_pylist(),
        )
        edges.extend(_model_edges(uf, mentions, scored))
    return _result(uf, mentions, edges, settings, model, scored)


def _score_all(
    mentions: Sequence[Mention], model: LinkageModel, settings: LinkageSettings, say: Progress
) -> pa.Table:
    say("preparing mentions")
    table = build_table(mentions, blocking_key_cap=settings.blocking_key_cap)
    db_api = backend.database_api(settings)
    sdf = backend.register(db_api, table, "mentions")
    prior = prior_for(model, len(mentions), settings.max_prior)
    linker = backend.make_linker(sdf, splink_settings(model, prior))
    if len(mentions) < settings.min_training_mentions:
        _neutral_term_frequencies(db_api, linker, table, model)
    say("scoring candidate pairs")
    predictions = linker.inference.predict(
        threshold_match_probability=settings.threshold, warning_mode="never"
    )
    scored = _sort_strongest_first([_scored_pairs(db_api, predictions)])
    predictions.drop_table_from_database_and_remove_from_cache()
    return scored


def _neutral_term_frequencies(
    db_api: Any, linker: Any, table: pa.Table, model: LinkageModel
) -> None:
    """In a small file a name's share of the mentions says nothing about how common it is, so
    give every full name the model's average frequency: the term-frequency adjustment is zero.
    """
    names = [n for n in set(table.column("full_name").to_pylist()) if n is not None]
    if not names:
        return
    average = model.parameters["name"][1].u or 1.0
    lookup = pa.table({"full_name": names, "tf_full_name": [average] * len(names)})
    tf_sdf = backend.register(db_api, lookup, "tf_lookup_full_name")
    linker.table_management.register_term_frequency_lookup(tf_sdf, "full_name")


def _result(
    uf: ConstrainedUnionFind,
    mentions: Sequence[Mention],
    edges: list[Edge],
    settings: LinkageSettings,
    model: LinkageModel,
    scored: pa.Table | None,
    only_roots: set[int] | None = None,
) -> LinkageResult:
    groups = uf.components()
    person_of_root = {
        root: uf.existing.get(root) or person_id_for(mentions[m].mention_id for m in members)
        for root, members in groups.items()
    }
    person_of = {m.mention_id: person_of_root[uf.find(i)] for i, m in enumerate(mentions)}
    flagged = _flags(uf, mentions, person_of_root, groups, settings, only_roots)
    return LinkageResult(
        person_of=person_of,
        edges=edges,
        flagged=flagged,
        model_version=model.version,
        stats={
            "mentions": len(mentions),
            "persons": len(groups),
            "scored_links": 0 if scored is None else scored.num_rows,
            "links": len(edges),
            "flagged": len(flagged),
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
    themselves. ``person_of`` in the result covers existing and new mentions.
    """
    settings = settings or LinkageSettings()
    say = progress or (lambda _stage: None)
    mentions = [*existing_mentions, *new_mentions]
    index = _check_unique(mentions)
    n_old = len(existing_mentions)
    missing = [m.mention_id for m in existing_mentions if m.mention_id not in existing_person_of]
    if missing:
        raise ValueError(f"{len(missing)} existing mentions have no person, e.g. {missing[0]!r}")

    uf = ConstrainedUnionFind(len(mentions))
    first_of_person: dict[str, int] = {}
    for position, mention in enumerate(existing_mentions):
        person = existing_person_of[mention.mention_id]
        if person in first_of_person:
            uf.union(first_of_person[person], position, math.inf, "existing")
        else:
            first_of_person[person] = position
    for person, position in first_of_person.items():
        uf.existing[uf.find(position)] = person
    uf.forbid(_index_pairs(cannot_link, index, "cannot_link"))
    edges: list[Edge] = []
    _apply_certain_links(uf, mentions, _index_pairs(must_link, index, "must_link"), edges)

    scored = None
    if new_mentions:
        scored = _score_new(mentions, n_old, model, settings, say)
        say("clustering")
        uf.merge_edges(
            scored.column("l").to_pylist(),
            scored.column("r").to_pylist(),
            scored.column("match_weight").to_pylist(),
        )
        edges.extend(_model_edges(uf, mentions, scored))
    touched = {uf.find(i) for i in range(n_old, len(mentions))}
    touched |= {uf.find(a) for a, _b, _w in uf.log.would_merge_existing}
    return _result(uf, mentions, edges, settings, model, scored, only_roots=touched)


def _score_new(
    mentions: Sequence[Mention],
    n_old: int,
    model: LinkageModel,
    settings: LinkageSettings,
    say: Progress,
) -> pa.Table:
    say("preparing mentions")
    table = build_table(mentions, blocking_key_cap=settings.blocking_key_cap)
    db_api = backend.database_api(settings)
    everyone = backend.register(db_api, table, "mentions")
    old = backend.register(db_api, table.slice(0, n_old), "existing_mentions")
    new = backend.register(db_api, table.slice(n_old), "new_mentions")
    prior = prior_for(model, len(mentions), settings.max_prior)
    linker = backend.make_linker(everyone, splink_settings(model, prior))
    # Term frequencies come from everyone, as a full run would compute them.
    if len(mentions) < settings.min_training_mentions:
        _neutral_term_frequencies(db_api, linker, table, model)
    else:
        linker.table_management.compute_tf_table("full_name")
    say("scoring candidate pairs")
    parts = []
    if n_old:
        between = linker.inference.predict_between(
            new, old, threshold_match_probability=settings.threshold, warning_mode="never"
        )
        parts.append(_scored_pairs(db_api, between))
    within = linker.inference.predict_within(
        new, threshold_match_probability=settings.threshold, warning_mode="never"
    )
    parts.append(_scored_pairs(db_api, within))
    return _sort_strongest_first(parts)


def link_exchange(
    crimes: Iterable[Mapping[str, Any]],
    orders: Iterable[Mapping[str, Any]] = (),
    settings: LinkageSettings | None = None,
) -> dict[tuple[str, int], str]:
    """Link the people on exchange-format records: {(source_ref, index): person_id}.

    Trains on the file's own mentions when there are enough of them
    (``settings.min_training_mentions``), otherwise uses the bundled default model.
    """
    settings = settings or LinkageSettings()
    mentions = mentions_from_exchange(crimes, orders)
    if not mentions:
        return {}
    model = choose_model(mentions, settings)
    result = link(mentions, model, settings)
    return {m.key: result.person_of[m.mention_id] for m in mentions}


def choose_model(
    mentions: Sequence[Mention], settings: LinkageSettings, *, progress: Progress | None = None
) -> LinkageModel:
    """A model trained on these mentions, or the bundled one when they are too few to train."""
    if len(mentions) >= settings.min_training_mentions:
        return train_model(mentions, settings, progress=progress)
    return default_model()
