"""Screen a large batch on every core, with the same results as one process.

Reading the narratives: a ``NarrativeReader`` is given the records as they are read from the
file (``add``) and hands them to worker processes in chunks, so the narratives are read while
the rest of the file is parsed and while the people are linked (linkage keeps about one and a
half of two cores busy; the narratives fill the rest). ``findings()`` waits for them, in input
order. Workers are spawned, not forked: they need only the screening engine, not the caller's
gigabytes of records, and a fresh interpreter cannot inherit a lock held by one of the caller's
threads. A batch smaller than ``MIN_PARALLEL_RECORDS`` is read in the calling process, where
starting workers would cost more than they save.

Deciding: ``write_results`` forks workers once the series are known; they share the batch, its
findings and its series with the caller instead of being sent them, and each writes its part of
the results file.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from foursight.exchange import schema_errors, write_jsonl

from .config import ScreeningConfig
from .narrative import NarrativeFindings
from .screener import Decisions, ScanInput, Screener, scan_input

# Records per task: big enough that sending it costs little beside reading it (a chunk takes
# about a fifth of a second), small enough that the last chunks finish close together.
CHUNK_RECORDS = 2_000
# Below this many records a batch is read in the calling process.
MIN_PARALLEL_RECORDS = 20_000
# How much the narrative workers give way to everything else on the machine (0 to 19).
WORKER_NICENESS = 19

_screener: Screener | None = None  # each worker's own engine


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _start_worker(config: ScreeningConfig) -> None:
    global _screener
    # Lowest priority: the narratives are read on time the caller leaves idle (linkage's
    # single-threaded stages), not taken from the caller's own work.
    os.nice(WORKER_NICENESS)
    _screener = Screener(config)


def _scan_chunk(inputs: list[ScanInput]) -> list[NarrativeFindings]:
    assert _screener is not None, "worker started without its engine"
    return _screener.scan_inputs(inputs)


class NarrativeReader:
    """Narrative findings for records given one by one; ``findings()`` returns them in order.

    ``processes`` is how many worker processes read them (default: one per core); with none,
    or for a small batch, they are read in this process when ``findings()`` is called.
    """

    def __init__(self, screener: Screener, processes: int | None = None) -> None:
        self._screener = screener
        self.processes = default_workers() if processes is None else max(0, processes)
        self._waiting: list[ScanInput] = []  # not yet sent (or, in this process, not yet read)
        self._sent: list[tuple[Future[list[NarrativeFindings]], list[ScanInput]]] = []
        self._executor: ProcessPoolExecutor | None = None

    @property
    def in_workers(self) -> bool:
        return self._executor is not None

    def add(self, crime: Mapping[str, Any]) -> None:
        self._waiting.append(scan_input(crime))
        if self._executor is not None:
            if len(self._waiting) >= CHUNK_RECORDS:
                self._send()
        elif self.processes and len(self._waiting) >= MIN_PARALLEL_RECORDS:
            self._executor = ProcessPoolExecutor(
                max_workers=self.processes,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self._screener.config,),
            )
            self._send()

    def add_all(self, crimes: Iterable[Mapping[str, Any]]) -> NarrativeReader:
        for crime in crimes:
            self.add(crime)
        return self

    def _send(self) -> None:
        assert self._executor is not None
        waiting = self._waiting
        for first in range(0, len(waiting), CHUNK_RECORDS):
            chunk = waiting[first : first + CHUNK_RECORDS]
            self._sent.append((self._executor.submit(_scan_chunk, chunk), chunk))
        self._waiting = []

    def findings(self, progress: Callable[[int], object] | None = None) -> list[NarrativeFindings]:
        """Every record's findings, in the order added (call once: the workers stop after).
        With workers, this process reads the chunks they have not started yet while it waits
        for theirs."""
        if self._executor is None:
            return self._screener.scan_inputs(self._waiting, progress=progress)
        if self._waiting:
            self._send()
        found: list[NarrativeFindings] = []
        try:
            for future, chunk in self._sent:
                if future.cancel():
                    found.extend(self._screener.scan_inputs(chunk))
                else:
                    found.extend(future.result())
                if progress is not None:
                    progress(len(chunk))
        finally:
            self.cancel()
        return found

    def cancel(self) -> None:
        """Stop the workers (nothing is left running when the caller gives up)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
            self._sent = []


@dataclass
class ResultSummary:
    """What a batch of results came to, for the command's last line."""

    records: int = 0
    indicated: int = 0
    in_series: int = 0
    bands: Counter[str] = field(default_factory=Counter)
    invalid: list[str] = field(default_factory=list)  # crime refs whose result breaks the schema

    def add(self, result: Mapping[str, Any]) -> None:
        self.records += 1
        self.indicated += bool(result["stalking_indicated"])
        self.in_series += bool(result.get("series"))
        self.bands[str(result.get("band"))] += 1
        if schema_errors("result", result):
            self.invalid.append(str(result["crime_ref"]))

    def merge(self, other: ResultSummary) -> None:
        self.records += other.records
        self.indicated += other.indicated
        self.in_series += other.in_series
        self.bands.update(other.bands)
        self.invalid.extend(other.invalid)

    def line(self) -> str:
        bands = self.bands
        return (
            f"records: {self.records:,}  stalking indicated: {self.indicated:,}  "
            f"in a series: {self.in_series:,}  by band: high {bands['high']:,}, "
            f"review {bands['review']:,}, low {bands['low']:,}"
        )


_decisions: Decisions | None = None  # shared with the forked writers


def _write_range(task: tuple[int, int, str]) -> ResultSummary:
    """Decide records first..stop-1 and write their results to ``path``, checked."""
    first, stop, path = task
    assert _decisions is not None, "writer forked without the decisions"
    summary = ResultSummary()
    with open(path, "w", encoding="utf-8") as handle:
        write_jsonl(_tallied(_decisions, range(first, stop), summary), handle)
    return summary


def _tallied(
    decisions: Decisions,
    indexes: range,
    summary: ResultSummary,
    progress: Callable[[int], object] | None = None,
) -> Iterator[dict[str, Any]]:
    for index in indexes:
        result = decisions.result(index)
        summary.add(result)
        yield result
        if progress is not None:
            progress(1)


def write_results(
    decisions: Decisions,
    out: Path,
    workers: int | None = None,
    progress: Callable[[int], object] | None = None,
) -> ResultSummary:
    """Decide every record and write the results to ``out`` in input order (JSON Lines).

    With several workers and a large batch the records are decided in forked processes, which
    share the batch, its findings and its series with this one instead of being sent them; each
    writes its part of the file, and the parts are joined in order.
    """
    workers = default_workers() if workers is None else max(1, workers)
    total = len(decisions)
    if workers == 1 or total < MIN_PARALLEL_RECORDS:
        summary = ResultSummary()
        with out.open("w", encoding="utf-8") as handle:
            write_jsonl(_tallied(decisions, range(total), summary, progress), handle)
        return summary
    global _decisions
    _decisions = decisions
    # what exists now is shared with the writers: the collector must not touch (and so copy)
    # it in each of them
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    step = max(CHUNK_RECORDS, -(-total // (workers * 8)))
    summary = ResultSummary()
    try:
        with tempfile.TemporaryDirectory(dir=out.parent, prefix=".screening-") as folder:
            tasks = [
                (first, min(first + step, total), str(Path(folder) / f"{number:05d}.jsonl"))
                for number, first in enumerate(range(0, total, step))
            ]
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for task, part in zip(tasks, pool.imap(_write_range, tasks), strict=True):
                    summary.merge(part)
                    if progress is not None:
                        progress(task[1] - task[0])
            with out.open("wb") as target:
                for _first, _stop, path in tasks:
                    with open(path, "rb") as source:
                        shutil.copyfileobj(source, target, 1 << 20)
    finally:
        _decisions = None
        if not frozen_before:
            gc.unfreeze()
    return summary
