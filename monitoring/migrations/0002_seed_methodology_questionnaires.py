"""The methodology's questionnaires as editable templates (monitoring/seed.py)."""

from django.db import migrations

from monitoring.seed import seed


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0001_questionnaires_rounds_answers"),
        ("directory", "0002_seed_mentoring_forms"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
