"""Fixtures for the linkage tests: the hand-written people and the bundled model."""

from __future__ import annotations

import pytest
from linkage_fixture import MENTIONS

from foursight.linkage import LinkageSettings, Mention, default_model


@pytest.fixture
def mentions() -> list[Mention]:
    return list(MENTIONS)


@pytest.fixture
def model():
    return default_model()


@pytest.fixture
def settings() -> LinkageSettings:
    return LinkageSettings()
