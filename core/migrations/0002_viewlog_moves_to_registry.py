# The audit of card views belongs to the registry: only Django's state forgets it here, the table stays
# (registry.0004 takes it over, registry.0005 renames it).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("registry", "0004_viewlog_from_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="ViewLog")]),
    ]
