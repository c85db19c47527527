"""foursight demo: load the demo force (first run) and print each role's sign-in details."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from tqdm import tqdm

from foursight.ops import demo
from foursight.records.models import CrimeRecord


class Command(BaseCommand):
    help = (
        "Set up the demo force: generated records (no real people), linked and screened, one "
        "account per role (new passwords printed each run) and the action plan."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--records", type=int, default=4000)
        parser.add_argument("--seed", type=int, default=2024)

    def handle(self, *args: Any, **options: Any) -> None:
        made = demo.accounts()
        if CrimeRecord.objects.exists():
            self.stdout.write("The demo force is already loaded; refreshing the sign-in details.")
        else:
            work_dir = Path(settings.DATA_DIR) / "demo-source"
            work_dir.mkdir(parents=True, exist_ok=True)
            self.stdout.write(
                f"Generating and loading a demo force of {options['records']:,} records..."
            )
            with tqdm(unit=" lines", desc="Importing", disable=None) as bar:
                summary = demo.load(
                    options["records"], options["seed"], work_dir, progress=bar.update
                )
            self.stdout.write(f"Loaded: {summary}")
            made = demo.accounts()  # the investigator's staff id comes from the data
        width = max(len(a.username) for a in made)
        self.stdout.write("\nSign in at http://127.0.0.1:8000/ with any of these demo accounts:\n")
        for account in made:
            self.stdout.write(
                f"  {account.username.ljust(width)}  {account.password}  ({account.role})"
            )
        self.stdout.write("")
