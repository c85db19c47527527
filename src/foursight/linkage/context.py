"""Relational evidence: people who recur together.

The people in a course of conduct turn up on record after record together: the suspect named on
r1 and on r2 shares the victim (and often the reporter). So two mentions whose names agree are
far more likely to be one person when their records also name one and the same other person:
for two different people to have the same name *and* appear beside the same victim is rare.

These queries run in the evidence step's DuckDB connection (see evidence.py) over its tables:
``mention_base`` (uid, rec, name_key, dob, dob_t, dob_days), ``mention_person`` (uid, rec, cid:
the persons found so far) and ``pool`` (the scored candidate pairs).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

import duckdb
import pyarrow as pa

from .model import comparison_design

# Name levels close enough for the context evidence to count: a suspect recorded as "Bob
# Smith" beside the same victim as "Robert Smith" is one person; "R Smith" or "Smith" alone
# beside his mother is as likely to be his brother, so initials and lone surnames do not count.
CONTEXT_NAME_LEVELS = (
    "exact",
    "forename and surname swapped",
    "forename a nickname or short form, surname exact",
    "similar spelling, or part of a double-barrelled surname",
)
# Below these many pairs on either side, the factor is not estimated but taken from settings.
MIN_ESTIMATION_PAIRS = 30
# Links at least this strong (match probability 0.99) estimate how often one person's records
# share a co-person.
CONFIDENT_WEIGHT = math.log2(99)


def name_gammas(labels: tuple[str, ...]) -> tuple[int, ...]:
    """Splink's gamma values of the given name levels."""
    non_null = [lvl.label for lvl in comparison_design()["name"] if not lvl.is_null]
    gamma_of = {label: len(non_null) - 1 - i for i, label in enumerate(non_null)}
    return tuple(gamma_of[label] for label in labels)


@dataclass(frozen=True)
class ContextFactor:
    """How much a shared co-person is worth, and where the figure came from.

    ``weight`` is log2 of the Bayes factor m/u: m is the share of confident links between two
    records that each name someone else whose records share one of those people; u is the same
    share among look-alikes, pairs with the same name whose dates of birth no slip explains
    (different people who look alike: the pairs the evidence must not join).
    """

    weight: float
    estimated: bool
    m: float | None = None
    u: float | None = None
    matched_pairs: int = 0
    matched_sharing: int = 0
    lookalike_pairs: int = 0
    lookalike_sharing: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def records_with_several(con: duckdb.DuckDBPyConnection) -> int:
    rows = con.execute(
        "SELECT count(*) FROM (SELECT rec FROM mention_base GROUP BY rec HAVING count(*) > 1)"
    ).fetchall()
    return int(rows[0][0])


def co_persons(con: duckdb.DuckDBPyConnection, hub_cap: int) -> pa.Array:
    """For each mention (by uid), the other persons its record names; null if none.

    Only persons named on at least two records can be shared, and a person named on more than
    ``hub_cap`` records (an officer, a store's security desk) says little and would pair
    everyone with everyone, so both are left out.
    """
    result = con.sql(
        f"""
        WITH rp AS (SELECT DISTINCT rec, cid FROM mention_person),
        shareable AS (
            SELECT cid FROM rp GROUP BY cid HAVING count(*) BETWEEN 2 AND {int(hub_cap)}
        ),
        co AS (
            SELECT m.uid, list(DISTINCT rp.cid ORDER BY rp.cid) AS co_persons
            FROM mention_person m
            JOIN rp ON rp.rec = m.rec AND rp.cid <> m.cid
            JOIN shareable s ON s.cid = rp.cid
            GROUP BY m.uid
        )
        SELECT m.uid, co.co_persons
        FROM mention_person m LEFT JOIN co ON co.uid = m.uid
        ORDER BY m.uid
        """  # noqa: S608 - only an integer is formatted in
    ).to_arrow_table()
    return result.column("co_persons").combine_chunks()


def estimate_factor(
    con: duckdb.DuckDBPyConnection, *, fallback_weight: float, max_weight: float
) -> ContextFactor:
    """Estimate the context factor from the data, no labels (see ContextFactor).

    Needs ``co_of`` (uid, co) registered. Falls back to ``fallback_weight`` when either
    population is too small to say.
    """
    matched = con.execute(
        f"""
        SELECT count(*), count(*) FILTER (WHERE len(list_intersect(a.co, b.co)) > 0)
        FROM pool p
        JOIN co_of a ON a.uid = p.l
        JOIN co_of b ON b.uid = p.r
        JOIN mention_base ma ON ma.uid = p.l
        JOIN mention_base mb ON mb.uid = p.r
        WHERE p.match_weight >= {CONFIDENT_WEIGHT!r}
            AND a.co IS NOT NULL AND b.co IS NOT NULL AND ma.rec <> mb.rec
        """  # noqa: S608 - only a number is formatted in
    ).fetchall()[0]
    # Look-alikes: the same name (its capped blocking key, so a common name cannot blow up the
    # join) with dates of birth over a year apart, not transposed, more than one digit
    # different. Almost all such pairs are two people.
    lookalike = con.execute(
        """
        WITH p AS (
            SELECT b.*, c.co FROM mention_base b JOIN co_of c ON c.uid = b.uid
            WHERE c.co IS NOT NULL AND b.name_key IS NOT NULL AND b.dob IS NOT NULL
        )
        SELECT count(*), count(*) FILTER (WHERE len(list_intersect(a.co, b.co)) > 0)
        FROM p a JOIN p b ON a.name_key = b.name_key AND a.uid < b.uid
        WHERE a.rec <> b.rec AND abs(a.dob_days - b.dob_days) > 366
            AND a.dob_t IS DISTINCT FROM b.dob
            AND damerau_levenshtein(a.dob, b.dob) > 1
        """
    ).fetchall()[0]
    n_m, s_m = int(matched[0]), int(matched[1] or 0)
    n_u, s_u = int(lookalike[0]), int(lookalike[1] or 0)
    counts = {
        "matched_pairs": n_m,
        "matched_sharing": s_m,
        "lookalike_pairs": n_u,
        "lookalike_sharing": s_u,
    }
    if n_m < MIN_ESTIMATION_PAIRS or n_u < MIN_ESTIMATION_PAIRS:
        return ContextFactor(weight=min(fallback_weight, max_weight), estimated=False, **counts)
    # Half a pair added to each count: no sharing seen is not proof it never happens.
    m = (s_m + 0.5) / (n_m + 1)
    u = (s_u + 0.5) / (n_u + 1)
    weight = max(0.0, min(math.log2(m / u), max_weight))
    return ContextFactor(weight=weight, estimated=True, m=m, u=u, **counts)
