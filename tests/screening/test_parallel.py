"""Reading narratives in worker processes gives the same findings, in order, as one process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foursight.screening import Screener, parallel
from foursight.screening.bench import make_narratives
from foursight.screening.cli import run


def _crimes(count: int) -> list[dict]:
    people = [
        {"role": "victim", "forename": "Amy", "surname": "Hart", "gender": "F"},
        {"role": "suspect", "forename": "Ben", "surname": "Cole", "gender": "M"},
    ]
    return [
        {"crime_ref": f"C/{n}", "narrative": text, "people": people if n % 2 else []}
        for n, text in enumerate(make_narratives(count, length=300, seed=3))
    ]


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_PARALLEL_RECORDS", 10)
    monkeypatch.setattr(parallel, "CHUNK_RECORDS", 7)


@pytest.mark.usefixtures("small_chunks")
def test_workers_find_what_one_process_finds_in_input_order(screener: Screener) -> None:
    crimes = _crimes(40)
    reader = parallel.NarrativeReader(screener, processes=2).add_all(crimes)
    assert reader.in_workers
    seen: list[int] = []
    found = reader.findings(progress=seen.append)
    assert found == screener.scan_records(crimes)
    assert sum(seen) == 40 and max(seen) == 7  # progress by chunk
    assert not reader.in_workers  # stopped once done
    assert any(f.behaviours for f in found)


def test_small_batch_is_read_in_this_process(screener: Screener) -> None:
    crimes = _crimes(5)
    reader = parallel.NarrativeReader(screener, processes=2).add_all(crimes)
    assert not reader.in_workers
    assert reader.findings() == screener.scan_records(crimes)


@pytest.mark.usefixtures("small_chunks")
def test_no_processes_means_this_process(screener: Screener) -> None:
    reader = parallel.NarrativeReader(screener, processes=0).add_all(_crimes(20))
    assert not reader.in_workers
    assert len(reader.findings()) == 20


@pytest.mark.usefixtures("small_chunks")
def test_cancel_stops_the_workers(screener: Screener) -> None:
    reader = parallel.NarrativeReader(screener, processes=2).add_all(_crimes(30))
    assert reader.in_workers
    reader.cancel()
    assert not reader.in_workers
    reader.cancel()  # twice is harmless


def test_screen_refuses_findings_of_another_batch(screener: Screener) -> None:
    crimes = _crimes(3)
    with pytest.raises(ValueError, match="2 findings for 3 records"):
        screener.screen(crimes, findings=screener.scan_records(crimes[:2]))


@pytest.mark.usefixtures("small_chunks")
def test_cli_results_do_not_depend_on_workers(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in _series_crimes(24)), encoding="utf-8")
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        arguments = [str(source), "--out", str(out), "--no-link", "--quiet", "--workers", workers]
        assert run(arguments) == 0
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert outputs[0].count("\n") == 24


def _series_crimes(count: int) -> list[dict]:
    return [
        {
            "crime_ref": crime["crime_ref"],
            "recorded_at": f"2025-01-{1 + n % 28:02d}",
            "classification": "8L",
            "narrative": crime["narrative"],
            "people": [
                {"role": "victim", "person_ref": "V"},
                {"role": "suspect", "person_ref": f"S{n % 3}"},
            ],
        }
        for n, crime in enumerate(_crimes(count))
    ]


@pytest.mark.usefixtures("small_chunks")
def test_forked_writers_write_what_one_process_writes(screener: Screener, tmp_path: Path) -> None:
    crimes = _series_crimes(30)
    decisions = screener.decisions(crimes, (), None, screener.scan_records(crimes))
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    progress: list[int] = []
    alone = parallel.write_results(decisions, one, workers=1)
    forked = parallel.write_results(decisions, two, workers=2, progress=progress.append)
    assert one.read_bytes() == two.read_bytes()
    assert [json.loads(line)["crime_ref"] for line in two.read_text().splitlines()] == [
        c["crime_ref"] for c in crimes
    ]
    assert alone == forked
    assert forked.records == sum(progress) == 30
    assert forked.indicated == sum(r["stalking_indicated"] for r in screener.screen(crimes))
    assert not forked.invalid
    assert not list(tmp_path.glob(".screening-*"))  # the parts are gone
