"""One small generated force, shared by the synth tests (it takes well under a second)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from foursight.synth import generate

RECORDS = 2_000
SEED = 7


@dataclass
class Force:
    folder: Path
    summary: dict[str, Any]
    crimes: list[dict[str, Any]]
    orders: list[dict[str, Any]]
    truth: list[dict[str, Any]]

    def of_type(self, kind: str) -> list[dict[str, Any]]:
        return [row for row in self.truth if row["type"] == kind]


def load(folder: Path, summary: dict[str, Any]) -> Force:
    def rows(name: str) -> list[dict[str, Any]]:
        with (folder / name).open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]

    return Force(folder, summary, rows("crimes.jsonl"), rows("orders.jsonl"), rows("truth.jsonl"))


@pytest.fixture(scope="session")
def force(tmp_path_factory: pytest.TempPathFactory) -> Force:
    folder = tmp_path_factory.mktemp("synth")
    return load(folder, generate(RECORDS, SEED, folder))
