"""«учитель – учитель» of Р-145 is the same form as the order's «педагог – педагог»: offered once.

The federal name stays in the reference list (pairs made with it keep it), not offered for new pairs."""

from django.db import migrations

NOTE = "Федеральное название формы «педагог – педагог» (распоряжение № Р-145): для новых пар выбирайте её."


def retire(apps, schema_editor):
    MentoringForm = apps.get_model("directory", "MentoringForm")
    MentoringForm.objects.filter(name="учитель – учитель").update(is_active=False, description=NOTE)


def restore(apps, schema_editor):
    MentoringForm = apps.get_model("directory", "MentoringForm")
    MentoringForm.objects.filter(name="учитель – учитель").update(is_active=True)


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_merge_direction_public_and_sort_names")]
    operations = [migrations.RunPython(retire, restore)]
