"""Load the Home Office classes, offence codes and crime flags (editable later by an administrator)."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).with_name("data") / "0002_reference.json"


def load(apps, schema_editor):
    OffenceClass = apps.get_model("records", "OffenceClass")
    OffenceCode = apps.get_model("records", "OffenceCode")
    CrimeFlag = apps.get_model("records", "CrimeFlag")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    by_code = {}
    for item in data["classes"]:
        by_code[item["code"]] = OffenceClass.objects.create(**item)
    for item in data["codes"]:
        OffenceCode.objects.create(
            ho_code=item["ho_code"], offence_class=by_code[item["class"]], title=item["title"]
        )
    for item in data["flags"]:
        CrimeFlag.objects.create(**item)


def unload(apps, schema_editor):
    for name in ("OffenceCode", "OffenceClass", "CrimeFlag"):
        apps.get_model("records", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("records", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
