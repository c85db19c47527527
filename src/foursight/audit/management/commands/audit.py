"""foursight audit verify | foursight audit export --out FILE --recipient WHO"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError
from django.db import transaction

from foursight.access.commands import OperatorCommand
from foursight.access.policy import Action, require
from foursight.audit import services
from foursight.audit.models import Operation
from foursight.audit.search import AuditQuery, export_rows, filter_entries


class Command(OperatorCommand):
    help = "Verify the audit log's hash chain, or export it (as an auditor) for the ICO."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser("verify", help="recompute every hash; exit 1 and list any break")
        verify.add_argument(
            "--anchor",
            action="append",
            default=[],
            help="a 'sequence:hash' printed by an earlier check and kept outside the database; "
            "fails if that entry was rewritten (repeatable)",
        )
        export = sub.add_parser("export", help="write the log as CSV (a logged disclosure)")
        export.add_argument("--out", type=Path, required=True)
        export.add_argument("--recipient", required=True, help="who the export is for")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "verify":
            try:
                report = services.verify(anchors=options["anchor"])
            except ValueError as exc:
                raise CommandError(str(exc)) from None
            services.consulted(
                self.operator,
                "audit_log",
                [],
                fields=["entry_hash"],
                detail={"verified": report.checked, "breaks": len(report.breaks)},
            )
            if report.ok:
                self.stdout.write(f"Audit log intact: {report.checked:,} entries verified.")
                self.stdout.write(f"Anchor for the next check (keep it elsewhere): {report.anchor}")
                return
            for problem in report.breaks:
                self.stderr.write(f"BREAK: {problem}")
            raise CommandError(
                f"audit log tampered with: {len(report.breaks)} break(s) "
                f"in {report.checked:,} entries"
            )
        require(self.operator, Action.EXPORT_AUDIT)
        entries = filter_entries(AuditQuery())
        with transaction.atomic():
            services.log(
                self.operator,
                Operation.DISCLOSURE,
                "audit_log",
                [],
                fields=["audit_entry"],
                recipient=options["recipient"],
                detail={"rows": entries.count()},
            )
        with options["out"].open("w", encoding="utf-8", newline="") as handle:
            for chunk in export_rows(entries):
                handle.write(chunk)
        self.stdout.write(f"Wrote {entries.count():,} entries to {options['out']}")
