from __future__ import annotations

import pytest

from foursight.screening import Screener
from foursight.screening.narrative import NarrativeFindings


@pytest.fixture(scope="session")
def screener() -> Screener:
    return Screener()


@pytest.fixture(scope="session")
def codes(screener: Screener):
    """Current and historic behaviour codes found in a sentence."""

    def _codes(text: str) -> set[str]:
        return screener.scan(text).codes()

    return _codes


@pytest.fixture(scope="session")
def scan(screener: Screener):
    def _scan(text: str) -> NarrativeFindings:
        return screener.scan(text)

    return _scan
