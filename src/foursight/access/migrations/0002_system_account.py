"""The account commands run as by default: an administrator that cannot sign in."""

from django.contrib.auth.hashers import make_password
from django.db import migrations


def create(apps, schema_editor):
    User = apps.get_model("access", "User")
    User.objects.get_or_create(
        username="system",
        defaults={
            "role": "administrator",
            "is_service_account": True,
            "first_name": "Foursight",
            "last_name": "commands",
            "password": make_password(None),
        },
    )


class Migration(migrations.Migration):
    dependencies = [("access", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
