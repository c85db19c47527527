"""What follows every import: link the new people, then screen the new and changed records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from foursight.people.linking import link_new_mentions
from foursight.people.models import LinkageRun
from foursight.triage.models import ScreeningRun
from foursight.triage.screening import screen_records

from .importing import ImportResult, Progress, Source, do_import


@dataclass
class PipelineResult:
    imported: ImportResult
    linkage: LinkageRun | None = None
    screening: ScreeningRun | None = None


def import_link_and_screen(
    actor: Any,
    crimes: Source | None,
    orders: Source | None = None,
    *,
    force: str | None = None,
    progress: Progress | None = None,
    link: bool = True,
    screen: bool = True,
) -> PipelineResult:
    """Import a batch; then (each its own audited step) link new mentions and screen."""
    out = PipelineResult(do_import(actor, crimes, orders, force=force, progress=progress))
    if link:
        out.linkage = link_new_mentions(actor)
    changed = out.imported.new_record_ids + out.imported.changed_record_ids
    if screen and changed:
        out.screening = screen_records(actor, changed)
    return out
