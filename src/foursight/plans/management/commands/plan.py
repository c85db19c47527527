"""foursight plan import PLAN.csv | export --out PLAN.csv | publish --out DIR"""

from __future__ import annotations

import sys
from argparse import SUPPRESS, ArgumentParser
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError

from foursight.access.commands import OperatorCommand
from foursight.plans import services
from foursight.plans.csvformat import CsvFormatError, decode
from foursight.plans.models import Plan
from foursight.plans.publishing import CSV_NAME, PAGE, write_site


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date (use YYYY-MM-DD)") from None


class Command(OperatorCommand):
    help = (
        "Import, export or publish the super-complaint action plan. The CSV columns are those of "
        "the NPCC action-plan template (docs/action-plan.md)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
        importing = actions.add_parser(
            "import", help="import a plan CSV: bad lines are reported, good lines kept"
        )
        importing.add_argument("csv", type=Path, help="the plan CSV")
        exporting = actions.add_parser("export", help="write the plan as CSV")
        exporting.add_argument(
            "--out", required=True, help="the CSV file to write, or - for stdout"
        )
        exporting.add_argument(
            "--as-at", dest="as_at", help="reproduce the plan as it stood on this date (YYYY-MM-DD)"
        )
        publishing = actions.add_parser(
            "publish", help="publish the plan: a static web page and its CSV, in a directory"
        )
        publishing.add_argument("--out", required=True, type=Path, help="the directory to write")
        publishing.add_argument(
            "--as-at",
            dest="as_at",
            help="publish the plan as it stood on this date (default today)",
        )
        for sub in (importing, exporting, publishing):
            sub.add_argument("--plan", type=int, help="the plan's id (default: the current plan)")
            # Accept --as after the action too; SUPPRESS keeps a value given before it.
            sub.add_argument("--as", dest="operator", default=SUPPRESS, help="username to act as")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            {"import": self._import, "export": self._export, "publish": self._publish}[
                options["action"]
            ](options)
        except PermissionDenied as exc:
            raise CommandError(f"{self.operator.username}: {exc}") from None
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None

    def _plan(self, options: dict[str, Any], required: bool = True) -> Plan | None:
        if options.get("plan"):
            plan = Plan.objects.filter(pk=options["plan"]).first()
            if plan is None:
                raise CommandError(f"there is no plan {options['plan']}")
            return plan
        plan = services.current_plan()
        if plan is None and required:
            raise CommandError(
                "there is no action plan yet: import one with `foursight plan import`"
            )
        return plan

    def _import(self, options: dict[str, Any]) -> None:
        path: Path = options["csv"]
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        plan = self._plan(options, required=False)
        try:
            result = services.do_import_plan(
                self.operator, decode(path.read_bytes()), path.name, plan=plan
            )
        except CsvFormatError as exc:
            raise CommandError(f"{path}: {exc}") from None
        out = self.stdout
        out.write(
            f"{path.name}: read {result.read} rows: {result.created} new, "
            f"{result.updated} updated, {result.unchanged} unchanged, {len(result.bad)} rejected"
        )
        for column in result.ignored_columns:
            out.write(f"  column {column!r} ignored: Foursight does not read it")
        for bad in result.bad:
            out.write(f"  rejected line {bad.line}: {bad.reason}")
        for line, warning in result.warnings:
            out.write(f"  warning line {line}: {warning}")
        out.write(f"Plan {result.plan.pk}: {result.plan.title}")

    def _export(self, options: dict[str, Any]) -> None:
        plan = self._plan(options)
        assert plan is not None
        as_at = _date(options["as_at"]) if options.get("as_at") else None
        target = options["out"]
        text = services.do_export_plan(
            self.operator, plan, as_at=as_at, recipient=f"file {target} (command line)"
        )
        if target == "-":
            sys.stdout.write(text)
            return
        Path(target).write_text(text, encoding="utf-8-sig", newline="")
        self.stdout.write(f"Wrote {target}{f' as at {as_at}' if as_at else ''}.")

    def _publish(self, options: dict[str, Any]) -> None:
        plan = self._plan(options)
        assert plan is not None
        as_at = _date(options["as_at"]) if options.get("as_at") else None
        publication = services.do_publish(self.operator, plan, as_at=as_at)
        out_dir: Path = options["out"]
        site = write_site(publication, out_dir)
        for warning in site.warnings:
            self.stderr.write(f"warning: {warning}")
        self.stdout.write(
            f"Published plan {plan.pk} as at {publication.as_at}: {out_dir / PAGE}, "
            f"{out_dir / CSV_NAME} and {len(site.files) - 2} asset files."
        )
