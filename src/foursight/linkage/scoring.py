"""Score candidate pairs with Splink: the mentions in the SQL engine and what the model says.

A ``Scoring`` holds one run's mention table in the engine and the Splink linker over it. It
returns candidate pairs as a narrow Arrow table (positions ``l`` < ``r``, ``match_weight`` and
one ``gamma_*`` column per comparison): every blocked pair down to a weight, or only the pairs
whose records share a co-person (context).
In incremental runs only pairs that involve a new mention are scored.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from splink import block_on

from . import backend
from .mentions import Mention
from .model import (
    LinkageModel,
    comparison_design,
    gamma_sql,
    name_frequency_columns,
    prior_for,
    splink_settings,
)
from .settings import LinkageSettings
from .table import build_table


@cache
def comparison_names() -> tuple[str, ...]:
    return tuple(comparison_design())


def pair_schema() -> pa.Schema:
    fields = [
        pa.field("l", pa.int64()),
        pa.field("r", pa.int64()),
        pa.field("match_weight", pa.float64()),
    ]
    fields += [pa.field(f"gamma_{name}", pa.int8()) for name in comparison_names()]
    return pa.schema(fields)


class Scoring:
    """The mentions in the SQL engine and the Splink linker over them."""

    def __init__(
        self,
        mentions: Sequence[Mention],
        model: LinkageModel,
        settings: LinkageSettings,
        *,
        n_old: int = 0,
        table: pa.Table | None = None,
    ) -> None:
        self.settings = settings
        self.n_old = n_old  # incremental: mentions before this position already have people
        if table is None:
            table = build_table(mentions, blocking_key_cap=settings.blocking_key_cap)
        self.table = table
        self.db_api = backend.database_api(settings)
        everyone = backend.register(self.db_api, self.table, "mentions")
        self.prior = prior_for(model, len(mentions), settings.max_prior)
        self.linker = backend.make_linker(everyone, splink_settings(model, self.prior))
        # In a small file a name's share of the mentions says nothing about how common it is.
        self.real_name_frequencies = len(mentions) >= settings.min_training_mentions
        if self.real_name_frequencies:
            # From everyone, as a full run would compute them, also in incremental runs.
            for column in name_frequency_columns():
                self.linker.table_management.compute_tf_table(column)
        else:
            self._neutral_term_frequencies(model)
        self._gammas = gamma_sql(model)
        self._calls = 0

    def _neutral_term_frequencies(self, model: LinkageModel) -> None:
        """Give every name the model's average frequency: the adjustments are zero."""
        for column, level in name_frequency_columns().items():
            names = [n for n in set(self.table.column(column).to_pylist()) if n is not None]
            average = next(p.u for p in model.parameters["name"] if p.label == level) or 1.0
            lookup = pa.table(
                {column: names or ["-"], f"tf_{column}": [average] * max(1, len(names))}
            )
            tf_sdf = backend.register(self.db_api, lookup, f"tf_lookup_{column}")
            self.linker.table_management.register_term_frequency_lookup(tf_sdf, column)

    def candidates(self, min_weight: float) -> pa.Table:
        """Every blocked pair (with a new mention, in incremental runs) of at least min_weight."""
        if self.n_old:
            return self._between_and_within(self.table, None, min_weight)
        predictions = self.linker.inference.predict(
            threshold_match_weight=min_weight, warning_mode="never"
        )
        return self._fetch(predictions)

    def sharing(self, co_persons: pa.Array, min_weight: float) -> pa.Table:
        """Pairs whose records share a co-person, of at least min_weight.

        Splink blocks on the co-persons (an exploded list column), so only these pairs are
        compared.
        """
        with_co = self.table.append_column("co_persons", co_persons)
        rules: list[Any] = [block_on("co_persons", arrays_to_explode=["co_persons"])]
        if self.n_old:
            return self._between_and_within(with_co, rules, min_weight, pc.is_valid(co_persons))
        subset = with_co.filter(pc.is_valid(co_persons))
        if subset.num_rows < 2:
            return pair_schema().empty_table()
        sdf = backend.register(self.db_api, subset, self._name("context"))
        predictions = self.linker.inference.predict_within(
            sdf,
            blocking_rules_to_generate_predictions=rules,
            threshold_match_weight=min_weight,
            warning_mode="never",
        )
        return self._fetch(predictions)

    def _between_and_within(
        self,
        table: pa.Table,
        rules: list[Any] | None,
        min_weight: float,
        keep: pa.Array | None = None,
    ) -> pa.Table:
        old, new = table.slice(0, self.n_old), table.slice(self.n_old)
        if keep is not None:
            old, new = old.filter(keep.slice(0, self.n_old)), new.filter(keep.slice(self.n_old))
        options: dict[str, Any] = {"threshold_match_weight": min_weight, "warning_mode": "never"}
        if rules is not None:
            options["blocking_rules_to_generate_predictions"] = rules
        parts = []
        if new.num_rows:
            new_sdf = backend.register(self.db_api, new, self._name("new"))
            if old.num_rows:
                old_sdf = backend.register(self.db_api, old, self._name("existing"))
                parts.append(
                    self._fetch(self.linker.inference.predict_between(new_sdf, old_sdf, **options))
                )
            parts.append(self._fetch(self.linker.inference.predict_within(new_sdf, **options)))
        if not parts:
            return pair_schema().empty_table()
        return pa.concat_tables(parts)

    def _name(self, what: str) -> str:
        self._calls += 1
        return f"{what}_mentions_{self._calls}"

    def _fetch(self, predictions: Any) -> pa.Table:
        gammas = ", ".join(
            f"CAST({self._gammas[name]} AS TINYINT) AS gamma_{name}" for name in comparison_names()
        )
        # Only Splink's own table name and SQL built from our model go into this query.
        sql = f"""
            SELECT least(unique_id_l, unique_id_r) AS l, greatest(unique_id_l, unique_id_r) AS r,
                match_weight, {gammas}
            FROM {predictions.physical_name}
        """  # noqa: S608
        found = backend.fetch_arrow(self.db_api, sql)
        predictions.drop_table_from_database_and_remove_from_cache()
        return found.cast(pair_schema())

    def close(self) -> None:
        con = getattr(self.db_api, "duckdb_con", None)
        if con is not None:
            con.close()
