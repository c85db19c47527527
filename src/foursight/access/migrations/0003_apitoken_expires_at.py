from datetime import timedelta

from django.db import migrations, models
from django.db.models import F


def expire_existing(apps, schema_editor):
    """Tokens issued before expiry existed get the default lifetime from their creation."""
    APIToken = apps.get_model("access", "APIToken")
    APIToken.objects.update(expires_at=F("created_at") + timedelta(days=90))


class Migration(migrations.Migration):
    dependencies = [("access", "0002_system_account")]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.RunPython(expire_existing, migrations.RunPython.noop),
    ]
