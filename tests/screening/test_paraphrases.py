"""The paraphrase set (written after the engine, wording it was not built from)."""

from __future__ import annotations

import pytest

from foursight.screening import Screener

from .paraphrase_cases import NARRATIVES, NARRATIVES_2, NARRATIVES_3, SENTENCES


@pytest.mark.parametrize("case", SENTENCES, ids=lambda c: str(c["text"])[:50])
def test_sentence(screener: Screener, case):
    findings = screener.scan(str(case["text"]))
    found = findings.codes()
    for code in case.get("present", []):
        assert code in found, f"missing {code}"
    for code in case.get("absent", []):
        assert code not in found, f"unexpected {code}"
    for code in case.get("historic", []):
        assert {f.status for f in findings.of(code)} == {"historic"}
    if "count_at_least" in case:
        assert findings.max_count("contact", "occasion") >= case["count_at_least"]


@pytest.mark.parametrize(
    "case", NARRATIVES + NARRATIVES_2 + NARRATIVES_3, ids=lambda c: str(c["text"])[:50]
)
def test_narrative(screener: Screener, case):
    record = {
        "crime_ref": "P1",
        "recorded_at": "2025-01-01",
        "classification": "8L",
        "relationship": case["relationship"],
        "narrative": case["text"],
        "people": [{"role": "victim"}, {"role": "suspect"}],
    }
    result = screener.screen([record])[0]
    assert result["stalking_indicated"] is case["indicated"], result["reasons"]
