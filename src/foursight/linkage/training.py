"""Train the model on the mentions themselves, without labels.

- u (how often a level occurs between two different people) from random pairs, seeded;
- m (how often it occurs between mentions of one person) by expectation maximisation on the
  pairs a few blocking rules find, each session leaving out the comparisons it blocks on;
- the prior (probability two random mentions are one person) from deterministic rules and
  their assumed recall, so it does not depend on EM's guess.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

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
    progress: Progress | None = None,
) -> LinkageModel:
    """Estimate the model's parameters from these mentions (no labels, no person_refs used)."""
    settings = settings or LinkageSettings()
    say = progress or (lambda _stage: None)
    started = time.perf_counter()
    say("preparing mentions")
    table = build_table(mentions, blocking_key_cap=settings.blocking_key_cap)
    db_api = backend.database_api(settings)
    sdf = backend.register(db_api, table, "mentions")
    linker = backend.make_linker(sdf, splink_settings(None))

    say("estimating the prior")
    linker.training.estimate_probability_two_random_records_match(
        deterministic_rules(), recall=settings.deterministic_recall
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
            "unobserved_levels": filled,
        },
        splink_model=splink_model,
    )
    model.check_design()
    return model


def _fill_unobserved(
    parameters: dict[str, list[LevelParameters]], u_pairs: float
) -> tuple[dict[str, list[LevelParameters]], list[str]]:
    """Give levels the data never showed neutral or conservative values instead of Splink's
    defaults: u not seen in the random pairs is rarer than one in u_pairs; m not seen by EM
    is set equal to u, so the level neither links nor separates.
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
            m = level.m if level.m else u
            if (m, u) != (level.m, level.u):
                filled.append(f"{name}: {level.label}")
            fixed.append(LevelParameters(level.label, m, u))
        out[name] = fixed
    return out, filled
