"""Screening the imported records: the Django side of the pure ``foursight.screening`` engine.

A record is screened together with every record that shares a person with it, because the
engine finds courses of conduct across records; so screening new records also refreshes the
results of the older records in their series.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from foursight.access.policy import Action, require
from foursight.audit import services as audit
from foursight.audit.models import Operation
from foursight.people.models import PersonMention
from foursight.records.models import CrimeRecord, OffenceClass, ProtectiveOrder
from foursight.screening import Screener, ScreeningConfig
from foursight.screening.parallel import NarrativeReader

from .models import ScreeningResult, ScreeningRun
from .records import as_exchange, orders_as_exchange, person_ids

Progress = Callable[[int], object]
CHUNK = 5000


def screener() -> Screener:
    """The engine, configured from settings and the reference tables (breach classes vary)."""
    defaults = ScreeningConfig()
    breach_classes = set(
        OffenceClass.objects.filter(group="Breach of orders").values_list("code", flat=True)
    )
    return Screener(
        ScreeningConfig(
            series_window_days=settings.SCREENING_WINDOW_DAYS,
            breach_classes=frozenset(defaults.breach_classes | breach_classes),
        )
    )


def _with_series(record_ids: Iterable[int]) -> set[int]:
    """The records given, plus every record sharing a linked person with them."""
    ids = set(record_ids)
    persons = set(
        PersonMention.objects.filter(record_id__in=ids, person__isnull=False).values_list(
            "person_id", flat=True
        )
    )
    related = PersonMention.objects.filter(person_id__in=persons, record__isnull=False).values_list(
        "record_id", flat=True
    )
    return ids | set(related)


def screen_records(
    actor: Any,
    record_ids: Iterable[int] | None = None,
    *,
    progress: Progress | None = None,
    processes: int | None = 0,
) -> ScreeningRun | None:
    """Screen all records, or the given ones with their series, and store the results.

    ``processes`` read the narratives of a large batch (None: one per core). The default, none,
    keeps the work in this process, as a web request's import must; ``foursight screen --db``
    uses every core. ``progress`` is told how many narratives have been read."""
    require(actor, Action.RUN_SCREENING)
    if record_ids is not None:
        wanted = _with_series(record_ids)
        if not wanted:
            return None
        records_qs = CrimeRecord.objects.filter(pk__in=wanted)
    else:
        records_qs = CrimeRecord.objects.all()
    records = list(records_qs.order_by("recorded_at", "pk").prefetch_related("labels"))
    if not records:
        return None
    mention_qs = (
        PersonMention.objects.all()
        if record_ids is None
        else PersonMention.objects.filter(Q(record_id__in=wanted) | Q(order__isnull=False))
    )
    mentions = list(mention_qs.select_related("record", "order"))
    orders = ProtectiveOrder.objects.filter(pk__in={m.order_id for m in mentions if m.order_id})
    crimes = [as_exchange(r) for r in records]
    engine = screener()
    findings = NarrativeReader(engine, processes).add_all(crimes).findings(progress)
    results = engine.screen(
        crimes, orders_as_exchange(orders), person_ids(mentions), findings=findings
    )
    now = timezone.now()
    with transaction.atomic():
        run = ScreeningRun.objects.create(started_by=actor)
        stale = ScreeningResult.objects.all()
        if record_ids is not None:
            stale = stale.filter(record_id__in=wanted)
        stale.delete()
        ScreeningResult.objects.bulk_create(
            (
                ScreeningResult(
                    record=record,
                    run=run,
                    screened_at=now,
                    indicated=bool(result["stalking_indicated"]),
                    score=float(result["score"]),
                    band=result.get("band") or "",
                    suggested_classification=result.get("suggested_classification") or "",
                    series_id=(result.get("series") or {}).get("series_id", ""),
                    result=result,
                )
                for record, result in zip(records, results, strict=True)
            ),
            batch_size=1000,
        )
        indicated = sum(1 for r in results if r["stalking_indicated"])
        run.finished_at = timezone.now()
        run.counts = {"records": len(records), "indicated": indicated}
        run.save()
        refs = [r.crime_ref for r in records]
        for start in range(0, len(refs), audit.MAX_IDS_PER_ENTRY):
            audit.log(
                actor,
                Operation.COMBINATION,
                "crime_record",
                refs[start : start + audit.MAX_IDS_PER_ENTRY],
                fields=["narrative", "people", "order_refs"],
                detail={"screening_run": run.pk},
            )
    return run
