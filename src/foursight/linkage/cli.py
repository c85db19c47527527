"""`foursight link`: resolve the people on exchange-format files to persons, as JSON Lines.

    link --input crimes.jsonl [--orders orders.jsonl] --out people.jsonl
         [--threshold P] [--model FILE] [--save-model FILE]

Writes one line per person mention, {"source_ref", "mention", "person_id"}: mentions with the
same person_id are the same individual. Without --model the model is trained on the input.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from foursight.exchange import read_valid, write_jsonl

from .linking import choose_model, link
from .mentions import mentions_from_exchange
from .model import LinkageModel
from .settings import LinkageSettings
from .table import build_table

_STAGES = (
    "reading records",
    "preparing mentions",
    "estimating the prior",
    "estimating u from random pairs",
    "estimating m by EM",
    "estimating m by EM",
    "estimating m by EM",
    "preparing mentions",
    "scoring candidate pairs",
    "clustering",
    "adding evidence from the persons found",
    "writing people",
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="foursight link", description="Link the people on crime records and orders."
    )
    parser.add_argument("--input", required=True, type=Path, help="crime records (JSON Lines)")
    parser.add_argument("--orders", type=Path, help="protective orders (JSON Lines)")
    parser.add_argument("--out", required=True, type=Path, help="where to write people.jsonl")
    parser.add_argument(
        "--threshold",
        type=float,
        help=f"match probability needed to link (default {LinkageSettings().threshold})",
    )
    parser.add_argument("--model", type=Path, help="use this saved model instead of training")
    parser.add_argument("--save-model", type=Path, help="save the model used to this file")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def run(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    args = _parser().parse_args(argv)
    settings = LinkageSettings()
    if args.threshold is not None:
        if not 0.0 < args.threshold < 1.0:
            print("link: --threshold must be between 0 and 1", file=sys.stderr)
            return 2
        settings = replace(settings, threshold=args.threshold)
    started = time.perf_counter()
    bar = tqdm(total=len(_STAGES), disable=args.quiet, file=sys.stderr, leave=False)

    def progress(stage: str) -> None:
        bar.set_description(stage)
        bar.update(1)

    try:
        progress("reading records")
        crimes = read_valid(args.input, "crime")
        orders = read_valid(args.orders, "order") if args.orders else []
        mentions = mentions_from_exchange(crimes, orders)
        table = build_table(mentions, blocking_key_cap=settings.blocking_key_cap)
        if args.model:
            model = LinkageModel.from_json(args.model.read_text(encoding="utf-8"))
        else:
            model = choose_model(mentions, settings, table=table, progress=progress)
        result = link(mentions, model, settings, table=table, progress=progress)
        progress("writing people")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("w", encoding="utf-8") as handle:
            write_jsonl(
                (
                    {
                        "source_ref": m.source_ref,
                        "mention": m.index,
                        "person_id": result.person_of[m.mention_id],
                    }
                    for m in mentions
                ),
                handle,
            )
        if args.save_model:
            args.save_model.write_text(model.to_json(), encoding="utf-8")
    except (OSError, ValueError) as exc:
        bar.close()
        print(f"link: {exc}", file=sys.stderr)
        return 1
    bar.close()
    stats = result.stats
    print(
        f"{stats['mentions']:,} mentions -> {stats['persons']:,} persons;"
        f" {stats['scored_links']:,} links at p >= {settings.threshold};"
        f" {stats['flagged']:,} flagged clusters; {time.perf_counter() - started:.1f} s"
        f" (model {model.version})",
        file=out,
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run())
