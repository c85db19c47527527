"""foursight import crimes.jsonl [--orders orders.jsonl]"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError
from tqdm import tqdm

from foursight.access.commands import OperatorCommand
from foursight.records.importing import ImportResult, Source
from foursight.records.pipeline import import_link_and_screen


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


def _source(path: Path, fmt: str | None) -> Source:
    chosen = fmt or ("csv" if path.suffix.lower() == ".csv" else "jsonl")
    return Source(path.name, path.open("rb"), chosen)  # type: ignore[arg-type]


class Command(OperatorCommand):
    help = (
        "Import crime records, and optionally protective orders, from exchange-format JSON Lines "
        "or CSV. Bad lines are reported and written to a rejects file; good lines are all kept."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("crimes", type=Path, nargs="?", help="crime records (.jsonl or .csv)")
        parser.add_argument("--orders", type=Path, help="protective orders (.jsonl or .csv)")
        parser.add_argument("--format", choices=["jsonl", "csv"], help="default: from the suffix")
        parser.add_argument("--force", help="force name for records without one")
        parser.add_argument(
            "--rejects", type=Path, help="where to write rejected lines (default: beside the input)"
        )
        parser.add_argument(
            "--no-link", action="store_true", help="skip linking the new people afterwards"
        )
        parser.add_argument(
            "--no-screen", action="store_true", help="skip screening the new records afterwards"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        crimes_path: Path | None = options["crimes"]
        orders_path: Path | None = options["orders"]
        if crimes_path is None and orders_path is None:
            raise CommandError("give a crimes file, an --orders file, or both")
        for path in (crimes_path, orders_path):
            if path is not None and not path.is_file():
                raise CommandError(f"no such file: {path}")
        total = sum(_count_lines(p) for p in (crimes_path, orders_path) if p is not None)
        crimes = _source(crimes_path, options["format"]) if crimes_path else None
        orders = _source(orders_path, options["format"]) if orders_path else None
        try:
            with tqdm(total=total, unit=" lines", desc="Importing", disable=None) as bar:
                outcome = import_link_and_screen(
                    self.operator,
                    crimes,
                    orders,
                    force=options["force"],
                    progress=bar.update,
                    link=not options["no_link"],
                    screen=not options["no_screen"],
                )
        finally:
            for source in (crimes, orders):
                if source is not None:
                    source.stream.close()
        first_file = crimes_path or orders_path
        assert first_file is not None
        rejects_path = options["rejects"] or first_file.with_suffix(".rejects.jsonl")
        self._report(outcome.imported, rejects_path)
        if outcome.linkage is not None:
            counts = outcome.linkage.counts
            self.stdout.write(
                f"Linked {counts['mentions']:,} new mentions "
                f"({counts['flagged']:,} people flagged for review)."
            )
        if outcome.screening is not None:
            counts = outcome.screening.counts
            self.stdout.write(
                f"Screened {counts['records']:,} records with their series: "
                f"{counts['indicated']:,} indicated."
            )

    def _report(self, result: ImportResult, rejects_path: Path) -> None:
        out = self.stdout
        for name, counts in (("Crime records", result.crimes), ("Orders", result.orders)):
            if counts.read:
                out.write(
                    f"{name}: read {counts.read:,}, imported {counts.imported:,}, "
                    f"updated {counts.updated:,}, unchanged {counts.unchanged:,}, "
                    f"rejected {counts.rejected:,}, warnings {counts.warnings:,}"
                )
        for issue in result.rejects:
            out.write(f"  rejected {issue.source} line {issue.line}: {issue.reason}")
        for issue in result.warnings[:50]:
            out.write(
                f"  warning {issue.source} line {issue.line} ({issue.reference}): {issue.reason}"
            )
        if len(result.warnings) > 50:
            out.write(
                f"  ... and {len(result.warnings) - 50:,} more warnings (see the import page)"
            )
        if result.rejects:
            with rejects_path.open("w", encoding="utf-8") as handle:
                for issue in result.rejects:
                    handle.write(
                        json.dumps(
                            {
                                "source": issue.source,
                                "line": issue.line,
                                "reason": issue.reason,
                                "raw": issue.raw,
                            },
                            ensure_ascii=False,
                        )
                        + "\n"
                    )
            out.write(f"Rejected lines written to {rejects_path}")
        out.write(f"Import batch {result.batch.pk} complete.")
