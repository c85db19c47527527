"""The second blind set: 100 invented police narratives written without reading the engine.

The first blind set (tests/evaluation/blind) was read while the engine was tuned, so it is a
development set now; this one is the fresh estimate of how screening will do on unseen real
cases (tests/evaluation/blind2/README.md). The targets are the issue's: recall >= 0.90 on
expected-true cases and a false-indication rate <= 0.10 on expected-false ones. The engine met
both on its first run (recall 51/55 = 0.927, false indications 4/41 = 0.098), so the figure tests
are plain asserts; note how thin the margin is (one more false indication fails it).

Each record stands alone (its own victim and suspect person_refs), so the set is screened with
``--no-link``: linkage cannot change the result, and the figures do not move with linkage work.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from foursight.evaluation.screening import run
from foursight.exchange import validate

BLIND2 = Path(__file__).parent / "blind2"
CASES = BLIND2 / "cases.jsonl"
RECORDS = BLIND2 / "records.jsonl"
RECALL_TARGET = 0.90
FALSE_INDICATION_TARGET = 0.10
# groups recorded as harassment (8L); C is malicious communications (8R); E is what happened
HARASSMENT_GROUPS = "ABD"


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    out = io.StringIO()
    assert run(["screening", str(CASES), "--json", "--no-link"], out=out) == 0
    return json.loads(out.getvalue())


def test_every_record_is_a_valid_crime_record():
    errors = {r.get("crime_ref"): validate("crime", r) for r in _lines(RECORDS)}
    assert {ref: why for ref, why in errors.items() if why} == {}


def test_cases_and_records_match():
    cases = _lines(CASES)
    records = {r["crime_ref"]: r for r in _lines(RECORDS)}
    assert [c["id"] for c in cases] == [f"BB{n:03d}" for n in range(1, 101)]
    assert set(records) == {c["id"] for c in cases}
    for case in cases:
        record = records[case["id"]]
        assert case["group"] in "ABCDE"
        assert case["expected"] in (True, False, None)
        assert case["expected"] is not None or case.get("note"), case["id"]
        assert case["group"] != "A" or case["expected"] is True, case["id"]
        assert case["group"] != "E" or case["expected"] is False, case["id"]
        assert record["narrative"] == case["narrative"]
        assert record["relationship"] == case["relationship"]
        assert record["classification"] != "8Q"  # hidden stalking: never recorded as stalking
        assert (record["classification"] == "8R") == (case["group"] == "C")
        if case["group"] in HARASSMENT_GROUPS:
            assert record["classification"] == "8L", case["id"]
        assert ("breach_of_order" in record["flags"]) == (case["group"] == "D")
        assert {p["person_ref"] for p in record["people"]} == {
            f"{case['id']}-V",
            f"{case['id']}-S",
        }


def test_set_is_counted(figures: dict[str, Any]):
    assert figures["cases"] == 100
    assert figures["tp"] + figures["fn"] == 55
    assert figures["fp"] + figures["tn"] == 41


def test_recall_meets_target(figures: dict[str, Any]):
    assert figures["recall"] >= RECALL_TARGET


def test_false_indication_rate_meets_target(figures: dict[str, Any]):
    assert figures["false_indication_rate"] <= FALSE_INDICATION_TARGET
