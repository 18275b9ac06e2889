# The table taken over from `core` gets the registry's own name (rows kept).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0004_viewlog_from_core"),
        ("core", "0002_viewlog_moves_to_registry"),
    ]

    operations = [
        migrations.AlterModelTable(
            name="viewlog",
            table=None,
        ),
    ]
