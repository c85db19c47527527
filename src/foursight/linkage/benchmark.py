"""How long linking takes, and how much memory, for N generated person mentions.

Runs train + predict + cluster in a fresh process so the peak resident memory (which includes
DuckDB's) belongs to this one run. The lead wires this into `foursight bench`.
"""

from __future__ import annotations

import multiprocessing
import resource
import time
from typing import Any

from .settings import LinkageSettings


def benchmark(
    mentions: int = 1_000_000,
    *,
    seed: int = 1,
    ref_rate: float = 0.0,
    settings: LinkageSettings | None = None,
    in_subprocess: bool = True,
) -> dict[str, Any]:
    """Wall time (seconds) and peak memory (MB) to link ``mentions`` generated mentions.

    The clock starts once the mentions exist (generating them is not linking) and covers
    training, scoring and clustering. Accuracy against the generator's truth is reported too.
    """
    settings = settings or LinkageSettings()
    if not in_subprocess:
        return _measure(mentions, seed, ref_rate, settings)
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        return pool.apply(_measure, (mentions, seed, ref_rate, settings))


def _measure(
    mentions: int, seed: int, ref_rate: float, settings: LinkageSettings
) -> dict[str, Any]:
    from . import population
    from .linking import link
    from .training import train_model

    generated, truth = population.generate(mentions, seed=seed, ref_rate=ref_rate)
    started = time.perf_counter()
    model = train_model(generated, settings)
    trained = time.perf_counter()
    result = link(generated, model, settings)
    finished = time.perf_counter()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    precision, recall = pairwise_scores(result.person_of, truth)
    return {
        "mentions": mentions,
        "persons": result.stats["persons"],
        "true_individuals": len(set(truth.values())),
        "links": result.stats["scored_links"],
        "flagged": result.stats["flagged"],
        "train_seconds": round(trained - started, 1),
        "link_seconds": round(finished - trained, 1),
        "seconds": round(finished - started, 1),
        "peak_memory_mb": round(peak_kb / 1024),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "threshold": settings.threshold,
    }


def pairwise_scores(predicted: dict[str, str], truth: dict[str, str]) -> tuple[float, float]:
    from .metrics import pairwise_counts

    counts = pairwise_counts(predicted, truth)
    return counts.precision, counts.recall
