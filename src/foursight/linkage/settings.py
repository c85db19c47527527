"""The knobs of one linkage run, with defaults measured on generated data (docs/linkage.md)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Backend = Literal["duckdb", "spark"]

# Column groups that the EM step blocks on, one training session each. A comparison is not
# estimated in a session that blocks on its own columns, so together they must cover all.
DEFAULT_EM_BLOCKS: tuple[tuple[str, ...], ...] = (
    ("fn_canon", "sn"),
    ("dob",),
    ("phone",),
)


@dataclass(frozen=True)
class LinkageSettings:
    # Two mentions are linked when the model's match probability is at least this.
    threshold: float = 0.7
    # "duckdb" on one machine; "spark" runs the same model on a Spark cluster (untested here).
    backend: Backend = "duckdb"
    # Clusters larger than this are flagged for review rather than trusted silently.
    max_cluster_size: int = 50
    # A cluster of 3+ held together by a link weaker than this match weight is flagged.
    review_match_weight: float = 6.0
    # A blocking key shared by more mentions than this (a switchboard number, "John Smith" with
    # no date of birth) is dropped from that blocking rule; the pair can still be found by others.
    blocking_key_cap: int = 500
    # Training: u from this many random pairs; m by EM on at most em_max_pairs pairs per session.
    u_max_pairs: float = 5e6
    em_max_pairs: float = 1e6
    em_blocks: tuple[tuple[str, ...], ...] = DEFAULT_EM_BLOCKS
    # The share of true matches the deterministic rules find, used to estimate the prior when
    # too few mentions share a person_ref to measure it (training.deterministic_recall).
    deterministic_recall: float = 0.3
    seed: int = 42
    # The prior is rescaled to the number of mentions being linked, but never above this.
    max_prior: float = 0.01
    # Below this many mentions training is unreliable, so link_exchange uses the bundled model.
    min_training_mentions: int = 2000
    # DuckDB resources: memory it may use before spilling to temp_directory (None: a folder of
    # each connection's own in the system's temporary folder), and threads.
    duckdb_memory_limit: str = "3GB"
    duckdb_threads: int | None = None
    temp_directory: str | None = None
    # Evidence beyond the pair (evidence.py): rounds of re-clustering with it (0: the model's
    # links alone), and each kind on or off. Pairs this many bits below the threshold are kept
    # as candidates, since the evidence can lift them.
    evidence_rounds: int = 3
    candidate_margin: float = 5.0
    person_name_frequency: bool = True
    popularity_prior: bool = True
    context: bool = True
    # The popularity prior counts for a link only where one side is a person of at most this
    # many mentions (a mention joining a person): two persons of several mentions each that no
    # link joined on its own are not joined on a name because one of them is named often.
    popularity_join_size: int = 1
    # The popularity prior's other side: a model link on a name alone that makes a person of
    # just its two mentions is dropped when log2(1 / (mentions x prior)) takes it below the
    # threshold (neither mention is tied to anyone else; the prior is raised by people named
    # often). On only with popularity_prior.
    lone_pairs: bool = True
    # Context (co-mentions): the weight (log2 Bayes factor) of a shared co-person is estimated
    # from the data, capped at context_max_weight; context_weight where there are too few pairs
    # to estimate it. A person named on more records than context_hub_cap is not used.
    context_weight: float = 3.0
    context_max_weight: float = 10.0
    context_hub_cap: int = 100
    # A model link weaker than this may not join two persons whose dates of birth or genders
    # conflict (a name-only mention bridging two namesakes).
    conflict_guard_weight: float = 10.0
    # A live SparkSession for backend="spark" (not part of the saved settings).
    spark_session: Any = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ValueError(f"threshold must be between 0 and 1, not {self.threshold}")
        if self.backend not in ("duckdb", "spark"):
            raise ValueError(f"backend must be 'duckdb' or 'spark', not {self.backend!r}")
        if self.max_cluster_size < 2:
            raise ValueError("max_cluster_size must be at least 2")
        if not 0.0 < self.deterministic_recall <= 1.0:
            raise ValueError("deterministic_recall must be in (0, 1]")
        if self.evidence_rounds < 0 or self.candidate_margin < 0:
            raise ValueError("evidence_rounds and candidate_margin must be >= 0")
        if self.popularity_join_size < 1:
            raise ValueError("popularity_join_size must be at least 1")
        if self.context_weight < 0 or self.context_max_weight < 0:
            raise ValueError("context_weight and context_max_weight must be >= 0")

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("spark_session", None)
        data["em_blocks"] = [list(block) for block in self.em_blocks]
        return data
