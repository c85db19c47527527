"""foursight link: link the people in the database (or, with --input, in exchange files)."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from tqdm import tqdm

from foursight.access.commands import OperatorCommand
from foursight.people.linking import do_link_all, link_new_mentions


class Command(OperatorCommand):
    help = (
        "Link every person mention in the database to a person (Splink), keeping staff "
        "decisions. Use --new to link only mentions added since the last run. For files "
        "without a database: foursight link --input crimes.jsonl --out people.jsonl"
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--new", action="store_true", help="only mentions not yet linked")
        parser.add_argument(
            "--retrain", action="store_true", help="train a new model version first"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        with tqdm(desc="Linking", unit=" step", disable=None) as bar:

            def progress(stage: str) -> None:
                bar.set_postfix_str(stage)
                bar.update(1)

            if options["new"]:
                run = link_new_mentions(self.operator, progress=progress)
            else:
                run = do_link_all(self.operator, retrain=options["retrain"], progress=progress)
        if run is None:
            self.stdout.write("No new people to link.")
            return
        c = run.counts
        self.stdout.write(
            f"Linkage run {run.pk} ({run.get_kind_display().lower()}): {c['mentions']:,} mentions, "
            f"{c['persons']:,} people, {c['links']:,} links, {c['reassigned']:,} reassigned, "
            f"{c['flagged']:,} flagged for review, in {time.perf_counter() - started:.1f}s"
        )
