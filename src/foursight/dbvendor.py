"""Helpers for the few places where SQLite and PostgreSQL need different SQL."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.db import migrations

Statements = Mapping[str, Sequence[str]]


def _runner(statements: Statements) -> Callable[[Any, Any], None]:
    def run(apps: Any, schema_editor: Any) -> None:
        for sql in statements.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(sql)

    return run


def vendor_sql(forward: Statements, backward: Statements) -> migrations.RunPython:
    """A migration operation running the SQL written for the database in use."""
    return migrations.RunPython(_runner(forward), _runner(backward))
