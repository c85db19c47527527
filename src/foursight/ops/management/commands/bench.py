"""foursight bench: measure the speed targets (results go in docs/performance.md)."""

from __future__ import annotations

import argparse
import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from foursight.ops import benchmarks


class Command(BaseCommand):
    help = (
        "Run a benchmark and print its figures as JSON: import and search (on a throwaway "
        "database: SQLite, or --database-url for an empty PostgreSQL database), synth, linkage, "
        "screening, end-to-end (foursight screen with linkage on a generated force), or all."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "which",
            choices=["import", "synth", "linkage", "screening", "end-to-end", "all", "_child"],
        )
        parser.add_argument("source", nargs="?", type=Path, help=argparse.SUPPRESS)
        parser.add_argument("--records", type=int, help="size (defaults per benchmark)")
        parser.add_argument("--queries", type=int, default=200, help="searches to time")
        parser.add_argument("--database-url", help="an EMPTY PostgreSQL database for import/search")

    def handle(self, *args: Any, **options: Any) -> None:
        which = options["which"]
        if which == "_child":  # inside the throwaway database's process
            self.stdout.write(json.dumps(benchmarks.child(options["source"], options["queries"])))
            return
        results: dict[str, Any] = {"machine": benchmarks.machine()}
        if which in ("import", "all"):
            results["import_and_search"] = benchmarks.import_and_search(
                options["records"] or 100_000, options["database_url"], options["queries"]
            )
        if which in ("synth", "all"):
            from foursight.synth import benchmark as synth_benchmark

            results["synth"] = synth_benchmark(options["records"] or 1_000_000)
        if which in ("linkage", "all"):
            from foursight.linkage import benchmark as linkage_benchmark

            results["linkage"] = linkage_benchmark(options["records"] or 1_000_000)
        if which in ("screening", "all"):
            from foursight.screening import benchmark as screening_benchmark

            results["screening"] = screening_benchmark()
        if which in ("end-to-end", "all"):
            results["end_to_end"] = benchmarks.end_to_end(options["records"] or 1_000_000)
        self.stdout.write(json.dumps(results, indent=2, default=str))
