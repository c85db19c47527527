"""Screening the database: the narratives may be read in worker processes, with the same results."""

from __future__ import annotations

from pathlib import Path

import pytest

from foursight.records.importing import Source
from foursight.records.pipeline import import_link_and_screen
from foursight.screening import parallel
from foursight.synth import generate
from foursight.triage.models import ScreeningResult
from foursight.triage.screening import screen_records


def _stored() -> dict[str, tuple[bool, float, str, str]]:
    return {
        r.record.crime_ref: (r.indicated, r.score, r.band, r.series_id)
        for r in ScreeningResult.objects.select_related("record")
    }


@pytest.mark.django_db
def test_screening_in_workers_stores_what_one_process_stores(
    users: dict[str, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(300, 11, tmp_path)
    registrar = users["registrar"]
    with (
        (tmp_path / "crimes.jsonl").open("rb") as crimes,
        (tmp_path / "orders.jsonl").open("rb") as orders,
    ):
        import_link_and_screen(
            registrar, Source("crimes", crimes), Source("orders", orders), screen=False
        )
    read: list[int] = []
    alone = screen_records(registrar, progress=read.append)
    assert alone is not None and sum(read) == alone.counts["records"] == 300
    in_this_process = _stored()
    assert any(indicated for indicated, *_ in in_this_process.values())

    monkeypatch.setattr(parallel, "MIN_PARALLEL_RECORDS", 50)
    monkeypatch.setattr(parallel, "CHUNK_RECORDS", 40)
    read.clear()
    run = screen_records(registrar, progress=read.append, processes=2)
    assert run is not None and run.pk != alone.pk
    assert sum(read) == 300 and max(read) == 40  # by chunk, from the workers
    assert _stored() == in_this_process
