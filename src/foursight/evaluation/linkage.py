"""`foursight evaluate linkage`: how well person linkage recovers the true individuals.

    evaluate linkage TRUTH.jsonl [--crimes FILE] [--orders FILE] [--person-refs keep|none|half]
                     [--threshold P] [--model FILE] [--json]

Reads the generator's truth lines ``{"type": "mention", "source_ref", "mention", "individual"}``
(other line types are ignored), links the records' people, and reports pairwise precision,
recall and F1 over mention pairs, computed from cluster contingency counts. ``--person-refs``
tests the model without RMS nominal ids (``none``) or with them on a deterministic half of the
mentions (``half``); ``keep`` leaves the records as they are.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from foursight.exchange import read_valid
from foursight.linkage import LinkageModel, LinkageSettings, Mention, link, mentions_from_exchange
from foursight.linkage.linking import choose_model
from foursight.linkage.metrics import pairwise_counts

RefPolicy = str  # "keep" | "none" | "half"


def read_truth(path: Path) -> dict[tuple[str, int], str]:
    truth: dict[tuple[str, int], str] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("type") != "mention":
                continue
            try:
                truth[(str(row["source_ref"]), int(row["mention"]))] = str(row["individual"])
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"{path}: line {number}: not a mention truth line") from exc
    return truth


def keeps_ref(mention_id: str) -> bool:
    """The deterministic half of mentions that keep their person_ref under ``half``."""
    return hashlib.sha1(mention_id.encode("utf-8"), usedforsecurity=False).digest()[0] % 2 == 0


def apply_ref_policy(mentions: Sequence[Mention], policy: RefPolicy) -> list[Mention]:
    if policy == "keep":
        return list(mentions)
    if policy == "none":
        return [replace(m, person_ref=None) if m.person_ref else m for m in mentions]
    if policy == "half":
        return [
            m if keeps_ref(m.mention_id) or not m.person_ref else replace(m, person_ref=None)
            for m in mentions
        ]
    raise ValueError(f"unknown person-refs policy {policy!r}")


def evaluate(
    truth_path: Path,
    crimes_path: Path,
    orders_path: Path | None,
    *,
    person_refs: RefPolicy = "keep",
    settings: LinkageSettings | None = None,
    model: LinkageModel | None = None,
) -> dict[str, Any]:
    settings = settings or LinkageSettings()
    truth = read_truth(truth_path)
    crimes = read_valid(crimes_path, "crime")
    orders = read_valid(orders_path, "order") if orders_path else []
    mentions = apply_ref_policy(mentions_from_exchange(crimes, orders), person_refs)
    started = time.perf_counter()
    model = model or choose_model(mentions, settings)
    result = link(mentions, model, settings)
    seconds = time.perf_counter() - started
    predicted = {m.key: result.person_of[m.mention_id] for m in mentions}
    counts = pairwise_counts(predicted, truth)
    scored = [k for k in truth if k in predicted]
    flagged_pure = 0
    for flag in result.flagged:
        members = {truth.get(_key(mid)) for mid in flag.mention_ids} - {None}
        flagged_pure += len(members) <= 1
    return {
        "person_refs": person_refs,
        "threshold": settings.threshold,
        "mentions": len(mentions),
        "mentions_with_person_ref": sum(1 for m in mentions if m.person_ref),
        "mentions_in_truth": len(truth),
        "mentions_scored": len(scored),
        "true_individuals": len({truth[k] for k in scored}),
        "predicted_persons": len({predicted[k] for k in scored}),
        "true_pairs": counts.actual,
        "predicted_pairs": counts.predicted,
        "correct_pairs": counts.true_positive,
        "precision": round(counts.precision, 4),
        "recall": round(counts.recall, 4),
        "f1": round(counts.f1, 4),
        "flagged_clusters": len(result.flagged),
        "flagged_clusters_that_are_one_individual": flagged_pure,
        "seconds": round(seconds, 1),
        "model": model.version,
        "evidence": result.stats.get("evidence", {}),
    }


def _key(mention_id: str) -> tuple[str, int]:
    ref, _, index = mention_id.rpartition("#")
    return (ref, int(index))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="foursight evaluate linkage",
        description="Pairwise precision and recall of person linkage against ground truth.",
    )
    parser.add_argument("truth", type=Path, help="truth.jsonl from the synthetic generator")
    parser.add_argument("--crimes", type=Path, help="default: crimes.jsonl beside the truth")
    parser.add_argument("--orders", type=Path, help="default: orders.jsonl beside the truth")
    parser.add_argument("--person-refs", choices=("keep", "none", "half"), default="keep")
    parser.add_argument("--threshold", type=float, help="match probability needed to link")
    parser.add_argument("--model", type=Path, help="a saved model instead of training")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser


def run(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    args = _parser().parse_args(argv)
    crimes = args.crimes or args.truth.parent / "crimes.jsonl"
    orders = args.orders or args.truth.parent / "orders.jsonl"
    if args.orders is None and not orders.exists():
        orders = None
    settings = LinkageSettings()
    try:
        if args.threshold is not None:
            settings = replace(settings, threshold=args.threshold)
        model = LinkageModel.from_json(args.model.read_text("utf-8")) if args.model else None
        figures = evaluate(
            args.truth, crimes, orders, person_refs=args.person_refs, settings=settings, model=model
        )
    except (OSError, ValueError) as exc:
        print(f"evaluate linkage: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(figures, indent=1), file=out)
        return 0
    print(
        f"person refs: {figures['person_refs']}  threshold: {figures['threshold']}\n"
        f"mentions: {figures['mentions_scored']:,} of {figures['mentions_in_truth']:,} in truth"
        f" ({figures['mentions_with_person_ref']:,} with a person_ref)\n"
        f"individuals: {figures['true_individuals']:,} true,"
        f" {figures['predicted_persons']:,} predicted persons\n"
        f"pairs: {figures['true_pairs']:,} true, {figures['predicted_pairs']:,} predicted,"
        f" {figures['correct_pairs']:,} correct\n"
        f"precision {figures['precision']:.4f}  recall {figures['recall']:.4f}"
        f"  F1 {figures['f1']:.4f}\n"
        f"flagged clusters: {figures['flagged_clusters']:,}"
        f" ({figures['flagged_clusters_that_are_one_individual']:,} of them one individual)\n"
        f"seconds: {figures['seconds']}  model: {figures['model']}",
        file=out,
    )
    return 0
