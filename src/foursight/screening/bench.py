"""Throughput measurement (not a timed test): the lead wires it into ``foursight bench``."""

from __future__ import annotations

import importlib
import random
import tempfile
import time
from pathlib import Path
from typing import Any

# Building blocks for 600-character police-style narratives. Invented sentences only.
_SENTENCES = (
    "IP reports that susp has been sending txt msgs every night since they split up in March.",
    "Susp attended the home address on three occasions and was banging on the door at 2am.",
    "Officers attended and spoke to IP, who states she is scared to leave the house alone.",
    "The male was seen sat in a silver car opposite her workplace on Monday and Tuesday.",
    "No injuries were sustained and no damage was caused to the property on this occasion.",
    "Susp denies any contact and states he was at work at the time of the alleged incident.",
    "Neighbour reports ongoing noise from the flat above and a dispute over the parking space.",
    "IP blocked his number but he has been messaging her from a withheld number ever since.",
    "CCTV has been requested from the shop and house to house enquiries are being conducted.",
    "IP has been advised to keep a diary and safety advice was given re the doorbell camera.",
    "The suspect left flowers and a card on her car windscreen with a note saying he loves her.",
    "Following the incident IP went to stay with her mother and has changed her route to work.",
)


def make_narratives(count: int, length: int = 600, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < length:
            parts.append(rng.choice(_SENTENCES))
        out.append(" ".join(parts)[:length])
    return out


def benchmark(records: int = 20_000, generated: int = 5_000, seed: int = 7) -> dict[str, Any]:
    """Measure narrative screening and, with foursight.synth, screening end to end.

    Narratives: ``records`` dense 600-character narratives scanned one by one in one process.
    The headline is records/s per core from CPU time (``time.process_time``): on a shared machine
    wall time mostly measures the neighbours. Wall time is reported too, and the best of five
    chunks shows what the code does on a quiet core. End to end: ``Screener.screen`` (narratives,
    series, decisions; not linkage) on ``generated`` records from foursight.synth.
    """
    from . import native
    from .screener import Screener

    screener = Screener()
    narratives = make_narratives(records, seed=seed)
    screener.scan(narratives[0])  # build the automaton outside the timing
    chunk = max(1, records // 5)
    rates: list[float] = []
    started_wall = time.perf_counter()
    cpu_total = 0.0
    for first in range(0, records, chunk):
        part = narratives[first : first + chunk]
        started = time.process_time()
        for text in part:
            screener.scan(text)
        cpu = max(time.process_time() - started, 1e-9)
        cpu_total += cpu
        rates.append(len(part) / cpu)
    wall = max(time.perf_counter() - started_wall, 1e-9)
    figures: dict[str, Any] = {
        "engine": native.engine(),  # compiled, or the Python source (see native.py)
        "narrative_records": records,
        "narrative_chars": 600,
        "narrative_cpu_seconds": round(cpu_total, 3),
        "narrative_wall_seconds": round(wall, 3),
        "narrative_records_per_second_per_core": round(records / cpu_total),
        "narrative_records_per_second_best_chunk": round(max(rates)),
        "narrative_records_per_second_wall": round(records / wall),
        "narrative_microseconds_per_record": round(cpu_total / records * 1e6, 1),
    }
    if generated:
        figures.update(_end_to_end(screener, generated, seed))
    return figures


def _end_to_end(screener: Any, count: int, seed: int) -> dict[str, Any]:
    try:
        synth = importlib.import_module("foursight.synth")
    except ImportError:
        return {"end_to_end": "skipped: foursight.synth is not available"}
    from foursight.exchange import read_valid

    with tempfile.TemporaryDirectory() as folder:
        synth.generate(count, seed, folder)
        crimes = read_valid(Path(folder) / "crimes.jsonl", "crime")
        orders_path = Path(folder) / "orders.jsonl"
        orders = read_valid(orders_path, "order") if orders_path.exists() else []
        started_wall = time.perf_counter()
        started = time.process_time()
        results = screener.screen(crimes, orders)
        cpu = max(time.process_time() - started, 1e-9)
        wall = max(time.perf_counter() - started_wall, 1e-9)
    return {
        "end_to_end_records": len(crimes),
        "end_to_end_cpu_seconds": round(cpu, 3),
        "end_to_end_seconds": round(wall, 3),
        "end_to_end_records_per_second_per_core": round(len(crimes) / cpu),
        "end_to_end_records_per_second": round(len(crimes) / wall),
        "end_to_end_indicated": sum(1 for r in results if r["stalking_indicated"]),
    }
