"""`foursight screen`: screen an exchange-format file for stalking, without a database.

    screen INPUT.jsonl [--orders ORDERS.jsonl] --out RESULTS.jsonl [--no-link] [--workers N]

People are linked across the file with ``foursight.linkage.link_exchange`` so that a suspect's
records form a series even when the RMS nominal ids differ. ``--no-link`` (or a missing linkage
package) falls back to the records' ``person_ref``. A large file is screened on every core
(``parallel.py``); ``--workers 1`` keeps it in this process. The results are the same either way.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from tqdm import tqdm

from foursight.exchange import read_valid

from .parallel import NarrativeReader, default_workers, write_results
from .screener import Screener


class Linker(Protocol):
    def __call__(
        self,
        crimes: Sequence[Mapping[str, Any]],
        orders: Sequence[Mapping[str, Any]],
        *,
        progress: Callable[[str], None] | None = None,
    ) -> dict[Any, str]: ...


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
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="cores to use on a large batch (default: all; 1: this process only)",
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
    screener = Screener()
    # The narratives are read in worker processes while the file is parsed and the people are
    # linked: one core fewer than there are while linking, which keeps one core busy itself.
    cores = options.workers or default_workers()
    narratives = NarrativeReader(screener, 0 if cores == 1 else cores - (not options.no_link))
    try:
        try:
            crimes = read_valid(options.input, "crime", each=narratives.add)
            orders = read_valid(options.orders, "order") if options.orders else []
        except (OSError, ValueError) as exc:
            print(f"foursight screen: {exc}", file=sys.stderr)
            return 2
        # The records stay to the end: the collector need not look through them again each
        # time it runs (with a million records it would spend most of its time there).
        gc.freeze()
        timings["read"] = _lap(started)
        person_ids = None
        if options.no_link:
            note = "linkage not run (--no-link); using person_ref where given"
        else:
            linker, note = load_linker()
            if linker is not None:
                started = time.perf_counter()
                with _Stages("linking people", options.quiet) as stages:
                    person_ids = linker(crimes, orders, progress=stages.start)
                timings["link"] = _lap(started)
                print(f"linkage seconds: {stages}", file=sys.stderr)
        print(note, file=sys.stderr)
        started = time.perf_counter()
        with tqdm(
            total=len(crimes), desc="reading narratives", unit="rec", disable=options.quiet
        ) as bar:
            findings = narratives.findings(progress=bar.update)
    finally:
        narratives.cancel()
    timings["narratives"] = _lap(started)  # waiting for them, or reading them here
    started = time.perf_counter()
    decisions = screener.decisions(crimes, orders, person_ids, findings)
    with tqdm(total=len(crimes), desc="deciding", unit="rec", disable=options.quiet) as bar:
        outcome = write_results(decisions, options.out, cores, bar.update)
    timings["decide"] = _lap(started)  # with checking and writing the results
    if outcome.invalid:  # pragma: no cover - a programming error, not a data error
        options.out.unlink()
        print(f"foursight screen: invalid results for {outcome.invalid[:5]}", file=sys.stderr)
        return 1
    print(outcome.line())
    print("seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in timings.items()), file=sys.stderr)
    return 0


def _lap(started: float) -> float:
    return time.perf_counter() - started


class _Stages:
    """A progress line naming the stage a long step is in, and the seconds each stage took."""

    def __init__(self, description: str, quiet: bool) -> None:
        self._bar = tqdm(desc=description, bar_format="{desc}{elapsed}", disable=quiet)
        self._description = description
        self.seconds: dict[str, float] = {}
        self._current: tuple[str, float] | None = None

    def start(self, stage: str) -> None:
        self._finish()
        self._current = (stage, time.perf_counter())
        self._bar.set_description(f"{self._description}: {stage}")

    def _finish(self) -> None:
        if self._current is not None:
            stage, started = self._current
            self.seconds[stage] = self.seconds.get(stage, 0.0) + _lap(started)
            self._current = None

    def __enter__(self) -> _Stages:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._finish()
        self._bar.close()

    def __str__(self) -> str:
        return ", ".join(f"{stage} {value:.1f}" for stage, value in self.seconds.items())
