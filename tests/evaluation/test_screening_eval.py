from __future__ import annotations

import io
import json
from pathlib import Path

from foursight.evaluation.screening import course_found, run, score_truth


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_dev_case_format_builds_records_when_none_beside(tmp_path: Path):
    cases = [
        {
            "id": "T1",
            "group": "A",
            "expected": True,
            "relationship": "ex_partner",
            "narrative": "Since they split susp has sent IP over 200 txts, followed her home twice "
            "and waited outside her work. IP is terrified.",
        },
        {
            "id": "T2",
            "group": "E",
            "expected": False,
            "relationship": "stranger",
            "narrative": "Single incident. Susp slapped a bus driver during a road rage incident.",
        },
        {
            "id": "T3",
            "group": "B",
            "expected": None,
            "relationship": "neighbour",
            "narrative": "Neighbour dispute over a fence.",
        },
    ]
    out = io.StringIO()
    assert run(["screening", str(_write(tmp_path / "cases.jsonl", cases))], out=out) == 0
    text = out.getvalue()
    assert "recall 1.000" in text
    assert "false-indication rate 0.000" in text
    assert "undecided" in text and "T3" in text

    out = io.StringIO()
    run([str(tmp_path / "cases.jsonl"), "--json"], out=out)
    figures = json.loads(out.getvalue())
    assert figures["tp"] == 1 and figures["tn"] == 1


def test_truth_scoring_record_and_course_level():
    lines = [
        {"type": "record", "crime_ref": "A", "course_id": "K1", "stalking": True, "category": "s"},
        {"type": "record", "crime_ref": "B", "course_id": "K1", "stalking": True, "category": "s"},
        {"type": "record", "crime_ref": "C", "course_id": "K2", "stalking": False, "category": "h"},
        {"type": "record", "crime_ref": "D", "course_id": "K2", "stalking": False, "category": "h"},
        {"type": "course", "course_id": "K1", "stalking": True, "crime_refs": ["A", "B"]},
        {"type": "course", "course_id": "K2", "stalking": False, "crime_refs": ["C", "D"]},
    ]
    results = [
        {"crime_ref": "A", "stalking_indicated": False, "score": 0.3, "reasons": ["x"]},
        {
            "crime_ref": "B",
            "stalking_indicated": True,
            "score": 0.9,
            "reasons": ["y"],
            "series": {"series_id": "S", "crime_refs": ["A", "B"]},
        },
        {"crime_ref": "C", "stalking_indicated": False, "score": 0.1, "reasons": ["z"]},
        {
            "crime_ref": "D",
            "stalking_indicated": True,
            "score": 0.6,
            "reasons": ["w"],
            "series": None,
        },
    ]
    figures = score_truth(lines, results)["figures"]
    assert figures["records"]["tp"] == 1 and figures["records"]["fn"] == 1
    assert figures["records"]["fp"] == 1
    assert figures["courses"]["tp"] == 1  # B is indicated and in a series with A
    assert figures["courses"]["fp"] == 0  # D is indicated but not in a series with C
    by_ref = {r["crime_ref"]: r for r in results}
    assert not course_found(["B", "A"], by_ref)  # only records from the 2nd incident on count
