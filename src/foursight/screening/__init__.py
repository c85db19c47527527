"""Screening engine: find stalking hidden in crimes recorded as something else.

Pure Python (no Django). ``Screener.scan`` analyses one narrative; ``Screener.screen`` screens a
batch of exchange-format crime records with their orders and linkage, one result per record.
The modules every record passes through may run compiled (see ``native``).
"""

from . import native

native.choose()  # before any compiled module is imported: compiled, or their Python source

# ruff: noqa: E402

from .bench import benchmark
from .catalogue import CATALOGUE, Behaviour
from .config import ScreeningConfig
from .narrative import Count, Finding, NarrativeFindings
from .screener import Screener

__all__ = [
    "CATALOGUE",
    "Behaviour",
    "Count",
    "Finding",
    "NarrativeFindings",
    "Screener",
    "ScreeningConfig",
    "benchmark",
]
