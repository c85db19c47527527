"""Synthetic police records with known answers, for demos, tests and benchmarks.

``generate`` writes a force's crime records, protective orders and a truth file (which
mentions are the same person, which records form a course of conduct, which courses are
stalking). Everything is invented: names, addresses, Ofcom drama-range phone numbers and
example-domain emails. Pure Python, no Django.
"""

from .bench import benchmark
from .generate import CRIMES, ORDERS, TRUTH, generate

__all__ = ["CRIMES", "ORDERS", "TRUTH", "benchmark", "generate"]
