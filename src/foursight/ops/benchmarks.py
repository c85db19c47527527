"""Benchmarks for the speed targets in the issues: measured, printed, recorded in performance.md.

Import and search run in a child process against a throwaway database (SQLite in a temporary
directory, or an empty PostgreSQL database you name), so a benchmark never touches real data.
The engines' own benchmarks (synth, linkage, screening) run in-process; they need no database.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CACHE = Path(
    os.environ.get("FOURSIGHT_BENCH_CACHE", Path(tempfile.gettempdir()) / "foursight-bench")
)


def machine() -> str:
    return f"{os.cpu_count()} cores, {_memory_gb()} GB, Python {platform.python_version()}"


def _memory_gb() -> str:
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            kb = int(handle.readline().split()[1])
        return f"{kb / 1024 / 1024:.0f}"
    except OSError:
        return "?"


def generated(records: int, seed: int = 7) -> Path:
    """A generated force of this size, made once and cached."""
    from foursight.synth import generate

    out = CACHE / f"synth-{records}-{seed}"
    if not (out / "crimes.jsonl").exists():
        out.mkdir(parents=True, exist_ok=True)
        generate(records, seed, out)
    return out


def _child_env(database_url: str | None, data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["FOURSIGHT_DATA_DIR"] = str(data_dir)
    env["FOURSIGHT_ENV"] = "demo"
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    return env


def import_and_search(records: int, database_url: str | None, queries: int) -> dict[str, Any]:
    """Import ``records`` generated records into a fresh database, then time searches on it."""
    source = generated(records)
    with tempfile.TemporaryDirectory(prefix="foursight-bench-") as tmp:
        env = _child_env(database_url, Path(tmp))
        foursight = [sys.executable, "-m", "foursight.cli"]
        subprocess.run([*foursight, "migrate", "-v", "0"], env=env, check=True)  # noqa: S603
        child = subprocess.run(  # noqa: S603
            [*foursight, "bench", "_child", str(source), "--queries", str(queries)],
            env=env, check=True, capture_output=True, text=True,
        )  # fmt: skip
    figures: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
    figures["database"] = "postgresql" if database_url else "sqlite"
    return figures


SEARCHES: list[dict[str, str]] = [
    {"classification": "8Q"},
    {"classification": "8L", "flag": "domestic_abuse"},
    {"flag": "breach_of_order"},
    {"text": "messages"},
    {"text": '"outside her"'},
    {"person": "SURNAME"},
    {"person": "FORENAME SURNAME"},
    {"date_from": "2025-03-01", "date_to": "2025-03-31"},
    {"classification": "8Q", "date_from": "2025-01-01", "text": "phone"},
    {"classification": "8R", "sort": "ref"},
]


def child(source: Path, queries: int) -> dict[str, Any]:
    """Runs inside the throwaway database's process (foursight bench _child)."""
    from django.test import Client

    from foursight.access.models import User
    from foursight.people.models import PersonMention
    from foursight.records.importing import Source, do_import

    system = User.objects.get(username="system")
    started = time.perf_counter()
    with (
        (source / "crimes.jsonl").open("rb") as crimes,
        (source / "orders.jsonl").open("rb") as orders,
    ):
        result = do_import(system, Source("crimes.jsonl", crimes), Source("orders.jsonl", orders))
    seconds = time.perf_counter() - started
    imported = result.crimes.imported + result.orders.imported

    named = PersonMention.objects.exclude(surname="").exclude(forename="").order_by("pk")
    names = list(named.values_list("forename", "surname")[:200])
    user = User.objects.create_user("bench-supervisor", role="supervisor")  # signs in by force
    client = Client()
    client.force_login(user)
    timings: list[float] = []
    per_kind: dict[str, list[float]] = {}
    for i in range(queries):
        params = dict(SEARCHES[i % len(SEARCHES)])
        forename, surname = names[i % len(names)]
        for key, value in params.items():
            params[key] = value.replace("FORENAME", forename).replace("SURNAME", surname)
        began = time.perf_counter()
        response = client.get("/records/search/", params)
        elapsed = (time.perf_counter() - began) * 1000
        assert response.status_code == 200, response.status_code
        timings.append(elapsed)
        per_kind.setdefault(",".join(sorted(params)), []).append(elapsed)
    return {
        "records": result.crimes.imported,
        "orders": result.orders.imported,
        "import_seconds": round(seconds, 1),
        "import_records_per_second": round(imported / seconds),
        "search_queries": queries,
        "search_p50_ms": round(statistics.median(timings), 1),
        "search_p95_ms": round(_percentile(timings, 95), 1),
        "search_max_ms": round(max(timings), 1),
        "search_p95_by_kind_ms": {k: round(_percentile(v, 95), 1) for k, v in per_kind.items()},
    }


def end_to_end(records: int) -> dict[str, Any]:
    """Screen a generated force end to end with linkage (`foursight screen`), in a fresh process.

    Reading and validating the file, linking the people, screening and writing the results are
    all counted; generating the file is not. Peak memory is the child's maximum resident set.
    """
    import resource

    source = generated(records)
    with tempfile.TemporaryDirectory(prefix="foursight-bench-") as tmp:
        command = [sys.executable, "-m", "foursight.cli", "screen", str(source / "crimes.jsonl")]
        command += ["--orders", str(source / "orders.jsonl"), "--out", f"{tmp}/results.jsonl"]
        started = time.perf_counter()
        child = subprocess.run(  # noqa: S603
            [*command, "--quiet"], check=True, capture_output=True, text=True
        )
        seconds = time.perf_counter() - started
    phases = next(line for line in child.stderr.splitlines() if line.startswith("seconds: "))
    return {
        "records": records,
        "seconds": round(seconds, 1),
        "records_per_second": round(records / seconds),
        "phase_seconds": {
            name: float(value)
            for name, value in (
                part.rsplit(" ", 1) for part in phases.removeprefix("seconds: ").split(", ")
            )
        },
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "summary": child.stdout.strip().splitlines()[-1],
    }


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]
