"""Evaluate foursight/settings.py afresh under a given environment, without touching the settings
the test run itself uses (each deployment posture is decided by environment variables)."""

from __future__ import annotations

import os
import runpy
from pathlib import Path
from typing import Any

import pytest

import foursight

SETTINGS_FILE = Path(foursight.__file__).resolve().parent / "settings.py"


def settings_for(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, **environment: str
) -> dict[str, Any]:
    """The settings module's names as FOURSIGHT_ENV etc. would make them."""
    for name in list(os.environ):
        if name.startswith(("FOURSIGHT_", "OIDC_")) or name == "DATABASE_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("FOURSIGHT_DATA_DIR", str(data_dir))
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))


def production(monkeypatch: pytest.MonkeyPatch, data_dir: Path, **extra: str) -> dict[str, Any]:
    return settings_for(
        monkeypatch,
        data_dir,
        FOURSIGHT_ENV="production",
        FOURSIGHT_SECRET_KEY="a-production-secret-" + "x" * 40,
        FOURSIGHT_ALLOWED_HOSTS="foursight.example.org",
        **extra,
    )
