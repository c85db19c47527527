"""`foursight screen`: screen an exchange-format file for stalking, without a database.

    screen INPUT.jsonl [--orders ORDERS.jsonl] --out RESULTS.jsonl [--no-link]

People are linked across the file with ``foursight.linkage.link_exchange`` so that a suspect's
records form a series even when the RMS nominal ids differ. ``--no-link`` (or a missing linkage
package) falls back to the records' ``person_ref``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from tqdm import tqdm

from foursight.exchange import read_valid, schema_errors, write_jsonl

from .screener import Screener

Linker = Callable[[Sequence[Mapping[str, Any]], Sequence[Mapping[str, Any]]], dict[Any, str]]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="foursight screen", description="Screen crime records for hidden stalking."
    )
    parser.add_argument("input", type=Path, help="crime records (JSON Lines or CSV)")
    parser.add_argument("--orders", type=Path, help="protective orders (JSON Lines or CSV)")
    parser.add_argument("--out", type=Path, required=True, help="where to write the results")
    parser.add_argument(
        "--no-link", action="store_true", help="use person_ref only; do not run person linkage"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def load_linker() -> tuple[Linker | None, str]:
    """The linkage entry point, or None with the reason it cannot be used."""
    try:
        from foursight.linkage import link_exchange
    except ImportError as exc:  # pragma: no cover - linkage is part of the package now
        return None, f"person linkage unavailable ({exc}); using person_ref where given"
    return link_exchange, "people linked across the file with foursight.linkage"


def run(argv: list[str]) -> int:
    args = list(argv)
    if args and args[0] == "screen":
        args = args[1:]
    options = _parser().parse_args(args)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    try:
        crimes = read_valid(options.input, "crime")
        orders = read_valid(options.orders, "order") if options.orders else []
    except (OSError, ValueError) as exc:
        print(f"foursight screen: {exc}", file=sys.stderr)
        return 2
    timings["read"] = _lap(started)
    person_ids = None
    if options.no_link:
        note = "linkage not run (--no-link); using person_ref where given"
    else:
        linker, note = load_linker()
        if linker is not None:
            started = time.perf_counter()
            person_ids = linker(crimes, orders)
            timings["link"] = _lap(started)
    print(note, file=sys.stderr)
    screener = Screener()
    started = time.perf_counter()
    with tqdm(total=len(crimes), desc="screening", unit="rec", disable=options.quiet) as bar:
        results = screener.screen(crimes, orders, person_ids, progress=bar.update)
    timings["screen"] = _lap(started)
    bad = [r["crime_ref"] for r in results if schema_errors("result", r)]
    if bad:  # pragma: no cover - a programming error, not a data error
        print(f"foursight screen: invalid results for {bad[:5]}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    with options.out.open("w", encoding="utf-8") as handle:
        write_jsonl(results, handle)
    timings["write"] = _lap(started)
    print(summary(results))
    print("seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in timings.items()), file=sys.stderr)
    return 0


def _lap(started: float) -> float:
    return time.perf_counter() - started


def summary(results: Sequence[Mapping[str, Any]]) -> str:
    bands = Counter(str(r.get("band")) for r in results)
    indicated = sum(1 for r in results if r["stalking_indicated"])
    in_series = sum(1 for r in results if r.get("series"))
    return (
        f"records: {len(results):,}  stalking indicated: {indicated:,}  "
        f"in a series: {in_series:,}  by band: high {bands['high']:,}, "
        f"review {bands['review']:,}, low {bands['low']:,}"
    )
