"""Refuse UPDATE on the action-plan history in the database itself.

Deletion is refused by the model and by PROTECT on the row; a DELETE trigger would also stop
test databases being flushed, so only UPDATE is refused here.
"""

from django.db import migrations

from foursight.dbvendor import vendor_sql

SQLITE_UP = [
    """CREATE TRIGGER plans_rowupdate_no_update BEFORE UPDATE ON plans_rowupdate
       BEGIN SELECT RAISE(ABORT, 'the action-plan history is append-only'); END""",
]
SQLITE_DOWN = ["DROP TRIGGER IF EXISTS plans_rowupdate_no_update"]
POSTGRES_UP = [
    """CREATE FUNCTION plans_rowupdate_refuse_update() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'the action-plan history is append-only'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER plans_rowupdate_no_update BEFORE UPDATE ON plans_rowupdate
       FOR EACH ROW EXECUTE FUNCTION plans_rowupdate_refuse_update()""",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS plans_rowupdate_no_update ON plans_rowupdate",
    "DROP FUNCTION IF EXISTS plans_rowupdate_refuse_update()",
]


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]
    operations = [
        vendor_sql(
            {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP},
            {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN},
        )
    ]
