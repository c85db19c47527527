"""Train the model on the mentions themselves, without labels.

- u (how often a level occurs between two different people) from random pairs, seeded;
- m (how often it occurs between mentions of one person) by expectation maximisation on the
  pairs a few blocking rules find, each session leaving out the comparisons it blocks on;
- the prior (probability two random mentions are one person) from deterministic rules and
  their recall, so it does not depend on EM's guess. The recall is measured on the pairs of
  mentions that share an RMS nominal id, where there are enough of them (the only use of
  person refs in training); otherwise it is the assumed ``deterministic_recall``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa
import splink
from splink import block_on

from . import backend
from .mentions import Mention
from .model import (
    MODEL_DESIGN,
    NO_DATA,
    LevelParameters,
    LinkageModel,
    deterministic_rules,
    parameters_from_splink,
    splink_settings,
)
from .settings import LinkageSettings
from .table import build_table

Progress = Callable[[str], None]


def train_model(
    mentions: Sequence[Mention],
    settings: LinkageSettings | None = None,
    *,
    table: pa.Table | None = None,
    progress: Progress | None = None,
) -> LinkageModel:
    """Estimate the model's parameters from these mentions (no labels, no person_refs used).

    ``table`` is the mentions' model input (``build_table``) when the caller already has it:
    at a million mentions building it takes about half a minute.
    """
    settings = settings or LinkageSettings()
    say = progress or (lambda _stage: None)
    started = time.perf_counter()
    say("preparing mentions")
    if table is None:
        table = build_table(mentions, blocking_key_cap=settings.blocking_key_cap)
    db_api = backend.database_api(settings)
    sdf = backend.register(db_api, table, "mentions")
    linker = backend.make_linker(sdf, splink_settings(None))

    say("estimating the prior")
    recall = deterministic_recall(mentions, table, settings)
    linker.training.estimate_probability_two_random_records_match(
        deterministic_rules(), recall=recall["recall"]
    )
    say("estimating u from random pairs")
    linker.training.estimate_u_using_random_sampling(
        max_pairs=settings.u_max_pairs, seed=settings.seed
    )
    sessions: list[dict[str, Any]] = []
    for columns in settings.em_blocks:
        say(f"estimating m by EM, blocking on {' + '.join(columns)}")
        try:
            session = linker.training.estimate_parameters_using_expectation_maximisation(
                block_on(*columns),
                estimate_without_term_frequencies=True,
                max_pairs=settings.em_max_pairs,
            )
        except ValueError as exc:
            # A level whose m collapses to zero makes Splink give up on the whole session;
            # the other sessions still estimate the comparison, so carry on without it.
            sessions.append({"blocking": list(columns), "failed": str(exc)[:200]})
            continue
        history = getattr(session, "_core_model_settings_history", ())
        sessions.append({"blocking": list(columns), "iterations": len(history)})

    splink_model = linker.misc.save_model_to_json()
    parameters, filled = _fill_unobserved(
        parameters_from_splink(splink_model), settings.u_max_pairs
    )
    model = LinkageModel(
        parameters=parameters,
        prior=float(splink_model["probability_two_random_records_match"]),
        design=MODEL_DESIGN,
        metadata={
            "mentions": len(mentions),
            "trained_in_seconds": round(time.perf_counter() - started, 1),
            "trained_on": datetime.now(UTC).date().isoformat(),
            "splink": splink.__version__,
            "backend": settings.backend,
            "settings": settings.as_dict(),
            "em_sessions": sessions,
            "prior_recall": recall,
            "unobserved_levels": filled,
        },
        splink_model=splink_model,
    )
    model.check_design()
    return model


# Fewer pairs sharing a nominal id than this, and the assumed recall is used instead.
MIN_REF_PAIRS = 100


def deterministic_recall(
    mentions: Sequence[Mention], table: pa.Table, settings: LinkageSettings
) -> dict[str, Any]:
    """The share of true matches the deterministic rules find (see model.deterministic_rules).

    Pairs of mentions with the same person_ref are one person, so the share of them the rules
    find is a measured recall. Refs on a real RMS are likelier on well-recorded people, whose
    mentions the rules find more easily, so this can overstate the recall (and understate the
    prior) a little; it is still better than a guess. A ref shared by more than
    ``blocking_key_cap`` mentions is left out, as a blocking key would be.
    """
    refs = [m.person_ref for m in mentions]
    if sum(1 for r in refs if r) < 2:
        return {"recall": settings.deterministic_recall, "source": "assumed"}
    con = duckdb.connect(":memory:")
    try:
        con.register(
            "ref_mentions",
            pa.table(
                {
                    "ref": pa.array(refs, pa.string()),
                    "fn": table.column("fn"),
                    "fn_canon": table.column("fn_canon"),
                    "sn": table.column("sn"),
                    "dob": table.column("dob"),
                    "phone": table.column("phone"),
                    "email": table.column("email"),
                    "uid": table.column("unique_id"),
                }
            ),
        )
        pairs, found = con.execute(
            f"""
            WITH m AS (
                SELECT * FROM ref_mentions WHERE ref IN (
                    SELECT ref FROM ref_mentions WHERE ref IS NOT NULL GROUP BY ref
                    HAVING count(*) <= {int(settings.blocking_key_cap)})
            )
            SELECT count(*), count(*) FILTER (WHERE
                (a.fn = b.fn AND a.sn = b.sn AND a.dob = b.dob)
                OR (a.fn_canon = b.fn_canon AND a.sn = b.sn AND a.phone = b.phone)
                OR (a.fn_canon = b.fn_canon AND a.sn = b.sn AND a.email = b.email))
            FROM m a JOIN m b ON a.ref = b.ref AND a.uid < b.uid
            """  # noqa: S608 - only an integer is formatted in
        ).fetchall()[0]
    finally:
        con.close()
    if pairs < MIN_REF_PAIRS or not found:
        return {"recall": settings.deterministic_recall, "source": "assumed", "ref_pairs": pairs}
    return {"recall": found / pairs, "source": "person_refs", "ref_pairs": pairs, "found": found}


# No level's m is taken below this: EM drives m to zero for a level that generated data never
# shows between mentions of one person (a second email, a move within the postcode sector),
# which would make one such difference veto a link outright (-200 bits and worse). One in a
# hundred, as for gender, keeps it strong evidence without being proof.
MIN_M = 0.01


def _fill_unobserved(
    parameters: dict[str, list[LevelParameters]], u_pairs: float
) -> tuple[dict[str, list[LevelParameters]], list[str]]:
    """Give levels the data never showed neutral or conservative values instead of Splink's
    defaults: u not seen in the random pairs is rarer than one in u_pairs; m not seen by EM
    is set equal to u, so the level neither links nor separates; an m EM drove below MIN_M is
    raised to it.
    """
    filled: list[str] = []
    out: dict[str, list[LevelParameters]] = {}
    for name, levels in parameters.items():
        fixed = []
        for level in levels:
            if level.label == NO_DATA:
                fixed.append(level)
                continue
            u = level.u if level.u else 1.0 / u_pairs
            m = max(level.m, MIN_M) if level.m else u
            if (m, u) != (level.m, level.u):
                filled.append(f"{name}: {level.label}")
            fixed.append(LevelParameters(level.label, m, u))
        out[name] = fixed
    return out, filled
