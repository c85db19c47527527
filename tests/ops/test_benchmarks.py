from __future__ import annotations

from pathlib import Path

import pytest

from foursight.ops import benchmarks


def test_end_to_end_screens_a_generated_force_and_times_each_phase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(benchmarks, "CACHE", tmp_path)
    figures = benchmarks.end_to_end(300)
    assert figures["records"] == 300
    assert set(figures["phase_seconds"]) == {"read", "link", "narratives", "decide"}
    assert figures["seconds"] >= sum(figures["phase_seconds"].values()) - 0.5
    assert figures["summary"].startswith("records: 300 ")
    assert figures["peak_memory_mb"] > 0
