"""Measure how fast the generator writes a force's records."""

from __future__ import annotations

import resource
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any


def benchmark(
    records: int = 1_000_000,
    seed: int = 1,
    *,
    workers: int | None = None,
    out_dir: Path | None = None,
) -> dict[str, Any]:
    """Generate ``records`` records into a temporary folder and report wall time and speed.

    Peak memory is the larger of this process's and its worker processes' peak resident set
    (ru_maxrss), in MiB; it includes whatever the calling process had already used.
    """
    from .generate import CRIMES, ORDERS, TRUTH, generate

    folder = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="foursight-synth-"))
    try:
        began = time.perf_counter()
        summary = generate(records, seed, folder, workers=workers)
        seconds = time.perf_counter() - began
        sizes = {name: (folder / name).stat().st_size for name in (CRIMES, ORDERS, TRUTH)}
    finally:
        if out_dir is None:
            shutil.rmtree(folder, ignore_errors=True)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "records": records,
        "seed": seed,
        "seconds": round(seconds, 2),
        "records_per_second": round(records / seconds) if seconds > 0 else 0,
        "peak_rss_mib": round(max(own, children) / 1024, 1),
        "bytes": sizes,
        "orders": summary["orders"],
        "individuals": summary["individuals"],
        "mentions": summary["mentions"],
    }
