"""Make the audit table append-only in the database itself, and create the chain head."""

from django.db import migrations

from foursight.dbvendor import vendor_sql

SQLITE_UP = [
    """CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_auditentry
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_auditentry
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS audit_entry_no_update",
    "DROP TRIGGER IF EXISTS audit_entry_no_delete",
]
POSTGRES_UP = [
    """CREATE OR REPLACE FUNCTION audit_entry_refuse_change() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'the audit log is append-only'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_auditentry
       FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change()""",
    """CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_auditentry
       FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change()""",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_auditentry",
    "DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry",
    "DROP FUNCTION IF EXISTS audit_entry_refuse_change()",
]

# Everything, per database, for tools that must lift and restore the triggers (the test suite).
TRIGGERS_UP = {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}
TRIGGERS_DOWN = {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}


def create_head(apps, schema_editor):
    apps.get_model("audit", "ChainHead").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [
        vendor_sql(TRIGGERS_UP, TRIGGERS_DOWN),
        migrations.RunPython(create_head, migrations.RunPython.noop),
    ]
