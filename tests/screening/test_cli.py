from __future__ import annotations

import json
from pathlib import Path

from foursight.screening.bench import benchmark, make_narratives
from foursight.screening.cli import run


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_cli_writes_one_result_per_record_in_order(tmp_path: Path, capsys):
    rows = [
        {
            "crime_ref": f"C/{n}",
            "recorded_at": f"2025-0{n}-01",
            "classification": "8L",
            "narrative": "Susp turned up at IP's home address again and banged on the door.",
            "people": [
                {"role": "victim", "person_ref": "V"},
                {"role": "suspect", "person_ref": "S"},
            ],
        }
        for n in (3, 1, 2)
    ]
    source = _write(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    assert run([str(source), "--out", str(out), "--no-link", "--quiet"]) == 0
    results = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["crime_ref"] for r in results] == ["C/3", "C/1", "C/2"]
    assert "records: 3" in capsys.readouterr().out


def test_cli_reports_bad_input(tmp_path: Path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json}\n", encoding="utf-8")
    assert run([str(bad), "--out", str(tmp_path / "o.jsonl"), "--quiet"]) == 2


def test_benchmark_returns_figures():
    assert len(make_narratives(3)[0]) == 600
    figures = benchmark(records=200, generated=0)
    assert figures["narrative_records_per_second_per_core"] > 0
