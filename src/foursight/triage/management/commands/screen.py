"""foursight screen --db: screen the imported records and store the results."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError
from tqdm import tqdm

from foursight.access.commands import OperatorCommand
from foursight.records.models import CrimeRecord
from foursight.triage.screening import screen_records


class Command(OperatorCommand):
    help = (
        "Screen imported records for stalking and store the results (--db). For files without "
        "a database: foursight screen INPUT.jsonl [--orders ORDERS.jsonl] --out RESULTS.jsonl"
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--db", action="store_true", required=True, help="screen the database")
        parser.add_argument(
            "--new", action="store_true", help="only records not screened yet (with their series)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["db"]:
            raise CommandError("use --db to screen the database")
        started = time.perf_counter()
        ids = None
        if options["new"]:
            ids = list(
                CrimeRecord.objects.filter(screening__isnull=True).values_list("pk", flat=True)
            )
            if not ids:
                self.stdout.write("No new records to screen.")
                return
        total = len(ids) if ids is not None else CrimeRecord.objects.count()
        with tqdm(total=total, desc="Screening", unit=" records", disable=None) as bar:
            run = screen_records(self.operator, ids, progress=bar.update, processes=None)
        if run is None:
            self.stdout.write("Nothing to screen.")
            return
        c = run.counts
        self.stdout.write(
            f"Screening run {run.pk}: {c['records']:,} records screened, "
            f"{c['indicated']:,} indicated, "
            f"in {time.perf_counter() - started:.1f}s"
        )
