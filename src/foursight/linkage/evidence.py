"""Evidence beyond the pair: what the persons found so far say about a candidate pair.

Splink scores a pair of mentions on their own fields. Three things it cannot see come from the
persons found by clustering those scores, and are added to a pair's match weight here:

- **Name frequency among persons.** Splink's term frequency counts mentions, so a name that one
  prolific reporter brings to forty records looks common. The frequency that matters for "is
  this another person of the same name" counts each person once: with c mentions of a name
  split n_1, n_2, ... between persons, a different person's mention carries the name with
  probability (c + 1 - sum n_i^2 / c) / N instead of c / N (the same when every mention is its
  own person). Adds log2 of the ratio to name levels that are frequency-adjusted.
- **How often a person is mentioned.** The prior that two mentions are one person is the
  average over all mentions; a person already named n times is proportionally likelier to be
  the one a new mention refers to: log2((n_a + n_b - 1) / (N * prior)), when positive.
- **Context** (context.py): both records name the same other person.
- **Lone pairs** (the popularity prior's other side, ``demoted``): a model link on a name alone
  that makes a person of just its two mentions is dropped when log2(1 / (N * prior)) takes it
  below the threshold.

The first three are added only to pairs the model's links alone (round 0) left in different persons:
pairs within one such person are linked already. Name frequency and popularity use the round-0
persons, so they cannot feed on themselves; context is recomputed each round from the latest
persons. Everything runs in DuckDB over Arrow tables; only the links the evidence lifts go
back to Python to be clustered.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pyarrow as pa

from . import backend, context
from .context import ContextFactor
from .model import NAME_FREQUENCY, name_frequency_columns
from .settings import LinkageSettings


class Evidence:
    """The candidate pairs of one run and the persons found so far, in a DuckDB connection."""

    def __init__(
        self,
        mentions_table: pa.Table,
        records: pa.Array,
        *,
        prior: float,
        settings: LinkageSettings,
        real_name_frequencies: bool,
    ) -> None:
        self.n = mentions_table.num_rows
        self.settings = settings
        self.expected_others = max(prior * (self.n - 1), 1e-9)
        self.real_name_frequencies = real_name_frequencies
        self.records = records
        self.con = backend.duckdb_connection(settings)
        self.con.register(
            "mention_base",
            pa.table(
                {
                    "uid": mentions_table.column("unique_id"),
                    "rec": records,
                    **{c: mentions_table.column(c) for c in name_frequency_columns()},
                    "name_key": mentions_table.column("bk_name"),
                    "dob": mentions_table.column("dob"),
                    "dob_t": mentions_table.column("dob_t"),
                    "dob_days": mentions_table.column("dob_days"),
                }
            ),
        )
        self.context_possible = settings.context and context.records_with_several(self.con) > 0
        self._pool: pa.Table | None = None
        self._has_first = False
        self._taken: pa.Table | None = None
        self.con.register(
            "taken",
            pa.table({"l": pa.array([], pa.int64()), "r": pa.array([], pa.int64())}),
        )

    def close(self) -> None:
        self.con.close()

    # --- candidate pairs -------------------------------------------------------------------

    def add(self, pairs: pa.Table) -> int:
        """Add scored pairs to the pool (pairs already there are skipped); returns how many."""
        if self._pool is None:
            self._pool = pairs
        else:
            self.con.register("incoming", pairs)
            fresh = self.con.sql(
                "SELECT i.* FROM incoming i ANTI JOIN pool p ON p.l = i.l AND p.r = i.r"
            ).to_arrow_table()
            self.con.unregister("incoming")
            if not fresh.num_rows:
                return 0
            self._pool = pa.concat_tables([self._pool, fresh.cast(self._pool.schema)])
            pairs = fresh
        self.con.register("pool", self._pool)
        return pairs.num_rows

    def model_links(self, threshold_weight: float) -> pa.Table:
        """The pool's pairs at or above the threshold on the model's weight alone."""
        return self.con.sql(
            f"""
            SELECT * FROM pool WHERE match_weight >= {threshold_weight!r}
            ORDER BY match_weight DESC, l, r
            """  # noqa: S608 - only a number is formatted in
        ).to_arrow_table()

    # --- persons ---------------------------------------------------------------------------

    def set_persons(self, clusters: Sequence[int]) -> None:
        self.con.register(
            "mention_person",
            pa.table(
                {
                    "uid": pa.array(range(self.n), pa.int64()),
                    "rec": self.records,
                    "cid": pa.array(clusters, pa.int64()),
                }
            ),
        )

    def fix_first_persons(self) -> None:
        """Name frequencies among persons and person sizes, from the current (model) persons."""
        parts, columns, joins = [], [], []
        for key in name_frequency_columns():
            parts.append(
                f"""
                named_{key} AS (
                    SELECT b.uid, b.{key} AS name, p.cid FROM mention_base b
                    JOIN mention_person p ON p.uid = b.uid WHERE b.{key} IS NOT NULL
                ),
                total_{key} AS (SELECT greatest(count(*), 1) AS t FROM named_{key}),
                per_{key} AS (
                    SELECT name, cid, count(*) AS n FROM named_{key} GROUP BY name, cid
                ),
                agg_{key} AS (
                    SELECT name, sum(n) AS c, sum(n * n) AS sq FROM per_{key} GROUP BY name
                ),
                freq_{key} AS (
                    SELECT n.uid, a.c / t.t AS tf_mentions,
                        (a.c + 1 - a.sq / a.c) / t.t AS tf_persons
                    FROM named_{key} n JOIN agg_{key} a ON a.name = n.name
                    CROSS JOIN total_{key} t
                )"""  # noqa: S608 - only our own column names are formatted in
            )
            columns.append(
                f"freq_{key}.tf_mentions AS tf_{key}, freq_{key}.tf_persons AS tf_{key}_persons"
            )
            joins.append(f"LEFT JOIN freq_{key} ON freq_{key}.uid = p.uid")
        # Only our own column names are formatted into the query.
        self.con.execute(
            f"""
            CREATE OR REPLACE TABLE first_person AS
            WITH sizes AS (SELECT cid, count(*) AS size FROM mention_person GROUP BY cid),
            {",".join(parts)}
            SELECT p.uid, p.cid, s.size, {", ".join(columns)}
            FROM mention_person p
            JOIN sizes s ON s.cid = p.cid
            {" ".join(joins)}
            """  # noqa: S608
        )
        self._has_first = True

    def co_persons(self) -> pa.Array:
        co = context.co_persons(self.con, self.settings.context_hub_cap)
        self.con.register("co_of", pa.table({"uid": pa.array(range(self.n), pa.int64()), "co": co}))
        return co

    def estimate_context(self) -> ContextFactor:
        return context.estimate_factor(
            self.con,
            fallback_weight=self.settings.context_weight,
            max_weight=self.settings.context_max_weight,
        )

    # --- links -----------------------------------------------------------------------------

    def lifted(self, threshold_weight: float, context_weight: float) -> pa.Table:
        """Pairs the evidence lifts to the threshold, or strengthens: between different round-0
        persons not joined since, at or above the threshold with the evidence (a model link
        that a guard refused in round 0 is tried again with its new weight). Of
        these only the strongest between two round-0 persons is kept (it takes one link to
        join them, and a name-only mention matches each of a popular person's fifty mentions).
        Pairs already returned (see ``take``) are left out. Strongest first, with the parts of
        the weight (``model_weight``, ``frequency_weight``, ``popularity_weight``,
        ``context_weight``) and, for context, one mention of the shared person on each record
        (``via_l``, ``via_r``).
        """
        assert self._has_first, "fix_first_persons() first"
        s = self.settings
        frequency = "0.0"
        if self.real_name_frequencies and s.person_name_frequency:
            cases = " ".join(
                f"WHEN p.gamma_name = {context.name_gammas((label,))[0]}"
                f" THEN {_ratio('tf_' + column)}"
                for label, column in NAME_FREQUENCY.items()
            )
            frequency = f"CASE {cases} ELSE 0.0 END"
        popularity = "0.0"
        if self.real_name_frequencies and s.popularity_prior:
            levels = ", ".join(map(str, context.name_gammas(tuple(NAME_FREQUENCY))))
            popularity = f"""CASE WHEN p.gamma_name IN ({levels})
                AND least(fl.size, fr.size) <= {int(s.popularity_join_size)} THEN greatest(0.0,
                log2((fl.size + fr.size - 1) / {self.expected_others!r})) ELSE 0.0 END"""
        gammas = ", ".join(c for c in self._pool_columns() if c.startswith("gamma_"))
        use_context = self.context_possible and context_weight > 0
        if use_context:
            levels = ", ".join(map(str, context.name_gammas(context.CONTEXT_NAME_LEVELS)))
            shared = "list_min(list_intersect(cl.co, cr.co))"
            context_sql = f"""CASE WHEN p.gamma_name IN ({levels}) AND ml.rec <> mr.rec
                AND {shared} IS NOT NULL THEN {float(context_weight)!r} ELSE 0.0 END"""
            context_cols = f"{shared} AS shared, ml.rec AS rec_l, mr.rec AS rec_r"
            context_joins = """
                JOIN co_of cl ON cl.uid = p.l
                JOIN co_of cr ON cr.uid = p.r
                JOIN mention_base ml ON ml.uid = p.l
                JOIN mention_base mr ON mr.uid = p.r"""
            via_cols = "vl.uid AS via_l, vr.uid AS via_r"
            via_joins = """
                LEFT JOIN via vl ON e.context_weight > 0 AND vl.rec = e.rec_l
                    AND vl.cid = e.shared
                LEFT JOIN via vr ON e.context_weight > 0 AND vr.rec = e.rec_r
                    AND vr.cid = e.shared"""
            via_cte = "via AS (SELECT rec, cid, min(uid) AS uid FROM mention_person GROUP BY ALL),"
        else:
            context_sql = "0.0"
            context_cols = "NULL::BIGINT AS shared"
            context_joins = via_joins = via_cte = ""
            via_cols = "NULL::BIGINT AS via_l, NULL::BIGINT AS via_r"
        # Only numbers, our column names and SQL built here are formatted into the query.
        sql = f"""
            WITH weighed AS (
                SELECT p.*, {frequency} AS frequency_weight,
                    {popularity} AS popularity_weight,
                    {context_sql} AS context_weight,
                    fl.cid AS cid_l, fr.cid AS cid_r,
                    {context_cols}
                FROM pool p
                JOIN first_person fl ON fl.uid = p.l
                JOIN first_person fr ON fr.uid = p.r
                JOIN mention_person nl ON nl.uid = p.l
                JOIN mention_person nr ON nr.uid = p.r {context_joins}
                WHERE fl.cid <> fr.cid AND nl.cid <> nr.cid
            ),
            {via_cte}
            reaching AS (
                SELECT *,
                    match_weight + frequency_weight + popularity_weight + context_weight AS total
                FROM weighed
                WHERE match_weight + frequency_weight + popularity_weight + context_weight
                    >= {threshold_weight!r}
            ),
            e AS (
                SELECT r.* FROM reaching r ANTI JOIN taken t ON t.l = r.l AND t.r = r.r
                QUALIFY row_number() OVER (
                    PARTITION BY least(r.cid_l, r.cid_r), greatest(r.cid_l, r.cid_r)
                    ORDER BY r.total DESC, r.l, r.r) = 1
            )
            SELECT e.l, e.r, e.total AS match_weight, {gammas},
                e.match_weight AS model_weight, e.frequency_weight, e.popularity_weight,
                e.context_weight, {via_cols}, e.cid_l, e.cid_r
            FROM e {via_joins}
            ORDER BY e.total DESC, e.l, e.r
        """  # noqa: S608
        return self.con.sql(sql).to_arrow_table()

    def demoted(self, threshold_weight: float, context_weight: float) -> pa.Table:
        """Model links that alone made a round-0 person of two mentions on a name, and that
        fall below the threshold once the popularity prior's other side is added: neither
        mention is tied to anyone else, so each is likelier than the average mention (whose
        prior is raised by people named often) to be someone named once."""
        assert self._has_first, "fix_first_persons() first"
        lone = math.log2(1.0 / self.expected_others)
        s = self.settings
        if not (self.real_name_frequencies and s.popularity_prior and s.lone_pairs) or lone >= 0:
            return pa.table({"l": pa.array([], pa.int64()), "r": pa.array([], pa.int64())})
        levels = ", ".join(map(str, context.name_gammas(tuple(NAME_FREQUENCY))))
        context_sql, context_joins = "0.0", ""
        if self.context_possible and context_weight > 0:
            context_sql = f"""CASE WHEN ml.rec <> mr.rec
                AND list_min(list_intersect(cl.co, cr.co)) IS NOT NULL
                THEN {float(context_weight)!r} ELSE 0.0 END"""
            context_joins = """
                JOIN co_of cl ON cl.uid = p.l
                JOIN co_of cr ON cr.uid = p.r
                JOIN mention_base ml ON ml.uid = p.l
                JOIN mention_base mr ON mr.uid = p.r"""
        # Only numbers and SQL built here are formatted into the query.
        return self.con.sql(
            f"""
            SELECT p.l, p.r FROM pool p
            JOIN first_person fl ON fl.uid = p.l
            JOIN first_person fr ON fr.uid = p.r {context_joins}
            WHERE fl.cid = fr.cid AND fl.size = 2 AND p.gamma_name IN ({levels})
                AND p.match_weight >= {threshold_weight!r}
                AND p.match_weight + {lone!r} + {context_sql} < {threshold_weight!r}
            """  # noqa: S608
        ).to_arrow_table()

    def without(self, links: pa.Table, pairs: pa.Table) -> pa.Table:
        """``links`` without ``pairs``."""
        if not pairs.num_rows:
            return links
        self.con.register("links_now", links)
        self.con.register("drop_now", pairs)
        found = self.con.sql(
            """SELECT n.* FROM links_now n ANTI JOIN drop_now x ON x.l = n.l AND x.r = n.r
            ORDER BY match_weight DESC, l, r"""
        ).to_arrow_table()
        self.con.unregister("links_now")
        self.con.unregister("drop_now")
        return found

    def merged(self, links: pa.Table, lifted: pa.Table) -> pa.Table:
        """``links`` with the pairs in ``lifted`` replaced by them, strongest first."""
        self.con.register("links_now", links)
        self.con.register("lifted_now", lifted)
        found = self.con.sql(
            """
            SELECT * FROM (
                SELECT n.* FROM links_now n ANTI JOIN lifted_now x ON x.l = n.l AND x.r = n.r
                UNION ALL BY NAME SELECT * FROM lifted_now
            ) ORDER BY match_weight DESC, l, r
            """
        ).to_arrow_table()
        self.con.unregister("links_now")
        self.con.unregister("lifted_now")
        return found

    def take(self, lifted: pa.Table) -> None:
        """Remember these links, so later rounds do not lift them again."""
        pairs = lifted.select(["l", "r"])
        self._taken = pa.concat_tables([self._taken, pairs]) if self._taken else pairs
        self.con.register("taken", self._taken)

    def _pool_columns(self) -> list[str]:
        assert self._pool is not None
        return list(self._pool.column_names)


def _ratio(column: str) -> str:
    """SQL: log2 of mention frequency over person frequency, of the commoner side's name."""
    return f"""coalesce(CASE WHEN fl.{column} >= fr.{column}
        THEN log2(fl.{column} / fl.{column}_persons)
        ELSE log2(fr.{column} / fr.{column}_persons) END, 0.0)"""
