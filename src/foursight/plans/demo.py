"""The demo force's action plan: three returns (initial plan, six-month and twelve-month updates).

The returns are CSV files in the import format (data/demo/DATE.csv), written for Foursight and
not copied from any force's plan. Importing them in date order builds each row's history, so the
demo shows earlier returns and changes of status. If a plan with rows exists already, it is left
as it is (so running the demo again changes nothing).
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from .models import Plan
from .services import PlanImportResult, current_plan, do_create_plan, do_import_plan


def demo_returns() -> list[tuple[str, str]]:
    """(file name, text) of each demo return, oldest first."""
    folder = resources.files("foursight.plans") / "data" / "demo"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".csv")), key=lambda f: f.name)
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


def load_demo_plan(actor: Any) -> tuple[Plan, list[PlanImportResult]]:
    """Create (or bring up to date) the demo plan as ``actor``, who needs the edit_plan action."""
    plan = current_plan()
    if plan is not None and plan.recommendations.exists():
        return plan, []
    plan = plan or do_create_plan(actor)
    results = [
        do_import_plan(actor, text, f"demo {name}", plan=plan) for name, text in demo_returns()
    ]
    return plan, results
