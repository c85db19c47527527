"""The blind sets: invented police narratives written without reading the screening engine.

``blind`` (80 cases) was read while the engine was tuned, so it is a development set now;
``blind2`` (100 cases) was written afterwards by an engineer who had not opened the engine and
screened once (each set's README.md has its make-up and first-run analysis). The targets are
the issue's: recall >= 0.90 on expected-true cases and a false-indication rate <= 0.10 on
expected-false ones. blind2 met both on its first run (0.927 and 0.098: one more false
indication fails it); its misses and false indications were then read for screening round 4,
so it is a development set too now. ``blind3`` (100 cases), written by another engineer who
opened neither the engine nor the earlier sets' analyses, measures that round: screened before
it (recall 0.927, false-indication rate 0.122) and after (0.927 and 0.098), and not tuned on.

Each record stands alone (its own victim and suspect person_refs), so the sets are screened
with ``--no-link``: linkage cannot change the result.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from foursight.evaluation.screening import run
from foursight.exchange import validate

RECALL_TARGET = 0.90
FALSE_INDICATION_TARGET = 0.10


@dataclass(frozen=True)
class BlindSet:
    folder: str
    prefix: str
    cases: int
    expected_true: int
    expected_false: int
    strict_groups: bool  # A always true, E always false, A/B/D recorded as harassment (8L)

    @property
    def path(self) -> Path:
        return Path(__file__).parent / self.folder


SETS = [
    BlindSet("blind", "BL", 80, 45, 33, strict_groups=False),
    BlindSet("blind2", "BB", 100, 55, 41, strict_groups=True),
    BlindSet("blind3", "BC", 100, 55, 41, strict_groups=True),
]


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module", params=SETS, ids=[s.folder for s in SETS])
def blind(request: pytest.FixtureRequest) -> BlindSet:
    chosen: BlindSet = request.param
    return chosen


@pytest.fixture(scope="module")
def figures(blind: BlindSet) -> dict[str, Any]:
    out = io.StringIO()
    assert run(["screening", str(blind.path / "cases.jsonl"), "--json", "--no-link"], out=out) == 0
    return json.loads(out.getvalue())


def test_every_record_is_a_valid_crime_record(blind: BlindSet):
    errors = {
        r.get("crime_ref"): validate("crime", r) for r in _lines(blind.path / "records.jsonl")
    }
    assert {ref: why for ref, why in errors.items() if why} == {}


def test_cases_and_records_match(blind: BlindSet):
    cases = _lines(blind.path / "cases.jsonl")
    records = {r["crime_ref"]: r for r in _lines(blind.path / "records.jsonl")}
    assert [c["id"] for c in cases] == [f"{blind.prefix}{n:03d}" for n in range(1, blind.cases + 1)]
    assert set(records) == {c["id"] for c in cases}
    for case in cases:
        record = records[case["id"]]
        assert case["group"] in "ABCDE"
        assert case["expected"] in (True, False, None)
        assert case["expected"] is not None or case.get("note"), case["id"]
        if blind.strict_groups:
            assert case["group"] != "A" or case["expected"] is True, case["id"]
            assert case["group"] != "E" or case["expected"] is False, case["id"]
            if case["group"] in "ABD":
                assert record["classification"] == "8L", case["id"]
        assert record["narrative"] == case["narrative"]
        assert record["relationship"] == case["relationship"]
        assert record["classification"] != "8Q"  # hidden stalking: never recorded as stalking
        assert (record["classification"] == "8R") == (case["group"] == "C")
        assert ("breach_of_order" in record["flags"]) == (case["group"] == "D")
        assert {p["person_ref"] for p in record["people"]} == {
            f"{case['id']}-V",
            f"{case['id']}-S",
        }


def test_set_is_counted(blind: BlindSet, figures: dict[str, Any]):
    assert figures["cases"] == blind.cases
    assert figures["tp"] + figures["fn"] == blind.expected_true
    assert figures["fp"] + figures["tn"] == blind.expected_false


def test_recall_meets_target(figures: dict[str, Any]):
    assert figures["recall"] >= RECALL_TARGET


def test_false_indication_rate_meets_target(figures: dict[str, Any]):
    assert figures["false_indication_rate"] <= FALSE_INDICATION_TARGET
