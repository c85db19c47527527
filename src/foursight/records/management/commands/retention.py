"""foursight retention: records due for retention review (as a supervisor or registrar)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import CommandError
from django.utils import timezone

from foursight.access.commands import OperatorCommand
from foursight.access.policy import Action, require, visible_records
from foursight.audit import services as audit
from foursight.records.models import CrimeRecord


class Command(OperatorCommand):
    help = (
        "List records whose retention review date has passed (run --as a supervisor or registrar)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--limit", type=int, default=100)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            require(self.operator, Action.REVIEW_RETENTION)
        except PermissionDenied:
            raise CommandError(
                f"{self.operator.username} may not review retention: "
                "use --as a supervisor or registrar"
            ) from None
        due = visible_records(self.operator, CrimeRecord.objects.all()).filter(
            review_date__lte=timezone.localdate()
        )
        shown = list(due.order_by("review_date", "pk")[: options["limit"]])
        audit.consulted(
            self.operator,
            "crime_record",
            [r.crime_ref for r in shown],
            fields=["crime_ref", "review_date", "retention_class"],
        )
        self.stdout.write(f"{due.count():,} records are due for retention review.")
        for record in shown:
            label = record.get_retention_class_display()
            self.stdout.write(f"  {record.review_date:%Y-%m-%d}  {record.crime_ref}  {label}")
