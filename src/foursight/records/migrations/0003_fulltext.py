"""Full-text search over narratives: an FTS5 index on SQLite, a GIN tsvector index on PostgreSQL."""

from django.db import migrations

from foursight.dbvendor import vendor_sql

SQLITE_UP = [
    """CREATE VIRTUAL TABLE records_narrative_fts USING fts5(
        narrative, content='records_crimerecord', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER records_narrative_fts_ai AFTER INSERT ON records_crimerecord BEGIN
        INSERT INTO records_narrative_fts(rowid, narrative) VALUES (new.id, new.narrative); END""",
    """CREATE TRIGGER records_narrative_fts_ad AFTER DELETE ON records_crimerecord BEGIN
        INSERT INTO records_narrative_fts(records_narrative_fts, rowid, narrative)
        VALUES ('delete', old.id, old.narrative); END""",
    """CREATE TRIGGER records_narrative_fts_au AFTER UPDATE OF narrative ON records_crimerecord BEGIN
        INSERT INTO records_narrative_fts(records_narrative_fts, rowid, narrative)
        VALUES ('delete', old.id, old.narrative);
        INSERT INTO records_narrative_fts(rowid, narrative) VALUES (new.id, new.narrative); END""",
    "INSERT INTO records_narrative_fts(records_narrative_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS records_narrative_fts_ai",
    "DROP TRIGGER IF EXISTS records_narrative_fts_ad",
    "DROP TRIGGER IF EXISTS records_narrative_fts_au",
    "DROP TABLE IF EXISTS records_narrative_fts",
]
POSTGRES_UP = [
    """CREATE INDEX records_narrative_tsv ON records_crimerecord
        USING GIN (to_tsvector('english', narrative))""",
]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS records_narrative_tsv"]


class Migration(migrations.Migration):
    dependencies = [("records", "0002_reference_data")]
    operations = [
        vendor_sql(
            {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP},
            {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN},
        )
    ]
