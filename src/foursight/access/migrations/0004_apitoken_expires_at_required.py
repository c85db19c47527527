from django.db import migrations, models


class Migration(migrations.Migration):
    # Apart from 0003 so that PostgreSQL alters the table in a transaction of its own.
    dependencies = [("access", "0003_apitoken_expires_at")]

    operations = [
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(),
        ),
    ]
