"""The SQL engine's connections: where DuckDB spills when a run outgrows its memory."""

from __future__ import annotations

import tempfile
from dataclasses import replace

from foursight.linkage.backend import duckdb_connection


def _spill_folder(con) -> str:
    return con.execute("SELECT current_setting('temp_directory')").fetchone()[0]


def test_duckdb_spills_to_the_system_temporary_folder_not_the_working_directory(settings):
    first, second = duckdb_connection(settings), duckdb_connection(settings)
    try:
        assert _spill_folder(first).startswith(tempfile.gettempdir())
        assert _spill_folder(first) != _spill_folder(second)  # each removes its own on close
    finally:
        first.close()
        second.close()


def test_a_chosen_spill_folder_is_used(settings):
    con = duckdb_connection(replace(settings, temp_directory="/srv/spill"))
    try:
        assert _spill_folder(con) == "/srv/spill"
    finally:
        con.close()
