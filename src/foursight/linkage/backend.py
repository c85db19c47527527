"""The SQL engine Splink runs on: DuckDB in-process, or Spark for a national deployment.

Everything else in the package talks to the engine only through Splink's DatabaseAPI and the
Arrow tables built in table.py, so choosing the backend is this one module's business.
"""

from __future__ import annotations

import logging
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


def _duckdb_api(settings: LinkageSettings) -> DatabaseAPI[Any]:
    import duckdb
    from splink import DuckDBAPI

    con = duckdb.connect(":memory:")
    con.execute(f"SET memory_limit = '{settings.duckdb_memory_limit}'")
    if settings.duckdb_threads:
        con.execute(f"SET threads = {int(settings.duckdb_threads)}")
    if settings.temp_directory:
        con.execute("SET temp_directory = ?", [settings.temp_directory])
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
