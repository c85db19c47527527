"""Resolve every person mention on crime records and orders to a person (pure Python, no Django).

A stalker's incidents sit in separate records with the names spelt differently, the date of
birth missing, a new phone: linking the people is what turns five harassment records into one
course of conduct. See docs/linkage.md for the model, the figures and how to run it.
"""

from .benchmark import benchmark
from .linking import (
    ClusterFlag,
    Edge,
    LinkageResult,
    default_model,
    link,
    link_exchange,
    link_incremental,
    person_id_for,
)
from .mentions import Mention, mentions_from_exchange
from .model import LinkageModel
from .settings import LinkageSettings
from .training import train_model

__all__ = [
    "ClusterFlag",
    "Edge",
    "LinkageModel",
    "LinkageResult",
    "LinkageSettings",
    "Mention",
    "benchmark",
    "default_model",
    "link",
    "link_exchange",
    "link_incremental",
    "mentions_from_exchange",
    "person_id_for",
    "train_model",
]
