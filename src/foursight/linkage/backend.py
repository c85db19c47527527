"""The SQL engine Splink runs on: DuckDB in-process, or Spark for a national deployment.

Everything else in the package talks to the engine only through Splink's DatabaseAPI and the
Arrow tables built in table.py, so choosing the backend is this one module's business.
"""

from __future__ import annotations

import itertools
import logging
import os
import tempfile
from typing import Any

import pyarrow as pa
from splink import Linker, SettingsCreator
from splink.internals.database_api import DatabaseAPI
from splink.internals.splink_dataframe import SplinkDataFrame

from .settings import LinkageSettings

# Splink logs every step at INFO; the CLI shows its own progress instead. A level the host
# application has already set (the web app's LOGGING quietens Splink's training notes) is kept.
if logging.getLogger("splink").level == logging.NOTSET:
    logging.getLogger("splink").setLevel(logging.WARNING)


def database_api(settings: LinkageSettings) -> DatabaseAPI[Any]:
    if settings.backend == "spark":
        return _spark_api(settings)
    return _duckdb_api(settings)


def duckdb_connection(settings: LinkageSettings) -> Any:
    """An in-memory DuckDB connection with the run's resources (Splink's and the evidence
    step's). Spill files go to ``temp_directory``, or else to a folder of their own in the
    system's temporary folder rather than DuckDB's default, ``.tmp`` in the working directory
    (a checkout, or read-only under a service); DuckDB makes the folder when it first spills
    and removes it when the connection closes."""
    import duckdb

    con = duckdb.connect(":memory:")
    con.execute(f"SET memory_limit = '{settings.duckdb_memory_limit}'")
    if settings.duckdb_threads:
        con.execute(f"SET threads = {int(settings.duckdb_threads)}")
    spill = settings.temp_directory or os.path.join(
        tempfile.gettempdir(), f"foursight-duckdb-{os.getpid()}-{next(_CONNECTIONS)}"
    )
    con.execute("SET temp_directory = ?", [spill])
    return con


_CONNECTIONS = itertools.count()  # one spill folder per connection: each removes its own


def _duckdb_api(settings: LinkageSettings) -> DatabaseAPI[Any]:
    from splink import DuckDBAPI

    con = duckdb_connection(settings)
    con.execute("SET preserve_insertion_order = false")
    return DuckDBAPI(connection=con)


def _spark_api(settings: LinkageSettings) -> DatabaseAPI[Any]:  # pragma: no cover - no pyspark
    try:
        from pyspark.sql import SparkSession
        from splink import SparkAPI
    except ImportError as exc:
        raise RuntimeError(
            "backend 'spark' needs pyspark (pip install pyspark) and a Spark cluster"
        ) from exc
    session = settings.spark_session or SparkSession.builder.getOrCreate()
    return SparkAPI(spark_session=session)


def register(db_api: DatabaseAPI[Any], table: pa.Table, name: str) -> SplinkDataFrame:
    """Put an Arrow table into the engine as a Splink input table."""
    if db_api.sql_dialect.sql_dialect_str == "spark":  # pragma: no cover - no pyspark
        spark = db_api.spark  # type: ignore[attr-defined]
        return db_api.register(spark.createDataFrame(table.to_pandas()), table_name=name)
    return db_api.register(table, table_name=name)


def make_linker(sdf: SplinkDataFrame, settings: SettingsCreator) -> Linker:
    return Linker(sdf, settings, log_level=None)


def fetch_arrow(db_api: DatabaseAPI[Any], sql: str) -> pa.Table:
    """Run a query in the engine and bring the result into Python as an Arrow table."""
    if db_api.sql_dialect.sql_dialect_str == "spark":  # pragma: no cover - no pyspark
        frame = db_api.spark.sql(sql)  # type: ignore[attr-defined]
        return pa.Table.from_pandas(frame.toPandas(), preserve_index=False)
    return db_api.duckdb_con.sql(sql).to_arrow_table()
