"""The order's three forms of mentoring and the federal methodology's five (распоряжение № Р-145)."""

from django.db import migrations

FORMS = [
    # name, source, mentor, mentee, other organisations
    ("педагог – педагог", "order", "pedagogue", "pedagogue", False),
    ("педагог – учащийся", "order", "pedagogue", "pupil", False),
    ("учащийся – учащийся", "order", "pupil", "pupil", False),
    ("ученик – ученик", "federal", "pupil", "pupil", False),
    ("студент – ученик", "federal", "student", "pupil", True),
    ("работодатель – ученик", "federal", "employer", "pupil", True),
    ("работодатель – студент", "federal", "employer", "student", True),
    ("учитель – учитель", "federal", "pedagogue", "pedagogue", False),
]


def seed(apps, schema_editor):
    MentoringForm = apps.get_model("directory", "MentoringForm")
    for position, (name, source, mentor, mentee, others) in enumerate(FORMS, start=1):
        MentoringForm.objects.get_or_create(
            name=name,
            defaults={
                "source": source,
                "mentor_category": mentor,
                "mentee_category": mentee,
                "allows_other_organizations": others,
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
