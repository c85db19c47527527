"""Write a synthetic force: crimes.jsonl, orders.jsonl and truth.jsonl.

The plan is made in this process; the records are rendered in fixed-size chunks, each with its
own seeded ``random.Random``. Large runs render chunks in two worker processes (fork), and the
chunks are written in order, so the bytes are the same with or without workers.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from .model import HARASSMENT, STALKING
from .plan import Plan, Settings, make_plan
from .render import ChunkResult, Renderer, course_truth, render_order

CRIMES = "crimes.jsonl"
ORDERS = "orders.jsonl"
TRUTH = "truth.jsonl"

# Below this many records one process is quicker than starting workers.
PARALLEL_FROM = 40_000

_RENDERER: Renderer | None = None  # set before forking; read by the workers


def _render_chunk(k: int) -> ChunkResult:
    assert _RENDERER is not None
    return _RENDERER.render_chunk(k)


def generate(
    records: int,
    seed: int,
    out_dir: Path,
    *,
    force: str = "Wessex",
    person_ref_rate: float = 0.5,
    start: date = date(2024, 11, 1),
    days: int = 730,
    progress: bool = False,
    workers: int | None = None,
) -> dict[str, Any]:
    """Generate ``records`` crime records with known answers into ``out_dir``.

    Returns a summary: counts by category, course kind, how stalking records were classified,
    orders, individuals and mentions. ``workers`` (default: 2 for large runs where fork is
    available, else 1) changes only the speed, never the output.
    """
    if records < 0:
        raise ValueError("records must be zero or more")
    if not 0.0 <= person_ref_rate <= 1.0:
        raise ValueError("person_ref_rate must be between 0 and 1")
    if days < 30:
        raise ValueError("days must be at least 30")
    settings = Settings(
        records=records, seed=seed, force=force, ref_rate=person_ref_rate, start=start, days=days
    )
    plan = make_plan(settings)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    renderer = Renderer(plan)

    order_rng = random.Random(f"foursight-synth:{seed}:orders")
    order_truth: list[str] = []
    order_mentions = order_refs = 0
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with (out / ORDERS).open("w", encoding="utf-8", newline="\n") as handle:
        for order in plan.orders:
            data, ids = render_order(order_rng, plan, order)
            handle.write(dumps(data) + "\n")
            people = [data["subject"], *data.get("protected", [])]
            for index, (person, individual) in enumerate(zip(people, ids, strict=True)):
                order_truth.append(
                    dumps(
                        {
                            "type": "mention",
                            "source_ref": order.ref,
                            "mention": index,
                            "individual": individual,
                        }
                    )
                )
                order_mentions += 1
                order_refs += "person_ref" in person

    mentions = with_ref = 0
    bar = _progress_bar(records, progress)
    with (out / CRIMES).open("wb") as crimes, (out / TRUTH).open("wb") as truth:
        for course in plan.courses:
            truth.write((dumps(course_truth(course)) + "\n").encode())
        for result in _chunks(renderer, workers, records):
            crimes.write(result.crimes)
            truth.write(result.truth)
            mentions += result.mentions
            with_ref += result.with_ref
            if bar is not None:
                bar.update(result.crimes.count(b"\n"))
        for line in order_truth:
            truth.write((line + "\n").encode())
    if bar is not None:
        bar.close()
    return _summary(plan, out, mentions + order_mentions, with_ref + order_refs)


def _chunks(renderer: Renderer, workers: int | None, records: int) -> Iterator[ChunkResult]:
    global _RENDERER
    count = renderer.chunk_count()
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    if workers is None:
        workers = min(2, os.cpu_count() or 1) if records >= PARALLEL_FROM else 1
    if workers <= 1 or count <= 1 or not can_fork:
        for k in range(count):
            yield renderer.render_chunk(k)
        return
    _RENDERER = renderer
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(workers) as pool:
            yield from pool.imap(_render_chunk, range(count), chunksize=1)
    finally:
        _RENDERER = None


def _progress_bar(total: int, enabled: bool) -> Any:
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="rec", unit_scale=True, desc="synth")


def _summary(plan: Plan, out: Path, mentions: int, with_ref: int) -> dict[str, Any]:
    stalking = [inc for c in plan.courses if c.kind == STALKING for inc in c.incidents]
    principal = sum(1 for inc in stalking if inc.classification == "8Q")
    included = sum(1 for inc in stalking if inc.classification != "8Q" and "8Q" in inc.included)
    classes = Counter(inc.classification for inc in stalking)
    relationships = Counter(c.relationship for c in plan.courses if c.kind == STALKING)
    themes = Counter(c.theme for c in plan.courses if c.kind == HARASSMENT)
    breaches = sum(1 for c in plan.courses for inc in c.incidents if inc.breached is not None)
    return {
        "records": plan.settings.records,
        "seed": plan.settings.seed,
        "force": plan.settings.force,
        "start": plan.settings.start.isoformat(),
        "days": plan.settings.days,
        "categories": dict(plan.categories),
        "courses": {
            STALKING: sum(1 for c in plan.courses if c.kind == STALKING),
            HARASSMENT: sum(1 for c in plan.courses if c.kind == HARASSMENT),
        },
        "stalking_relationships": dict(sorted(relationships.items())),
        "dispute_themes": dict(sorted(themes.items())),
        "stalking_records": {
            "total": len(stalking),
            "recorded_as_8Q": principal,
            "8Q_included_only": included,
            "hidden_under_other_classes": len(stalking) - principal - included,
            "by_classification": dict(classes.most_common()),
        },
        "orders": len(plan.orders),
        "orders_by_type": dict(sorted(Counter(o.type for o in plan.orders).items())),
        "breach_records": breaches,
        "individuals": plan.population_size,
        "mentions": mentions,
        "person_ref_share": round(with_ref / mentions, 4) if mentions else 0.0,
        "files": {name: str(out / name) for name in (CRIMES, ORDERS, TRUTH)},
    }
