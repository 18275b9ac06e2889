"""Meetings and the roadmap belong to a district; the counters of numbers are kept per district and year
(remade from the meetings: the highest number each district gave in each year)."""

import directory.models
import django.db.models.deletion
from django.db import migrations, models


def refill_counters(apps, schema_editor):
    Meeting = apps.get_model("meetings", "Meeting")
    MeetingCounter = apps.get_model("meetings", "MeetingCounter")
    rows = Meeting.objects.values("district_id", "year_id").annotate(last=models.Max("number"))
    MeetingCounter.objects.bulk_create(
        MeetingCounter(district_id=row["district_id"], year_id=row["year_id"], last_number=row["last"])
        for row in rows
    )


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0008_district'),
        ('meetings', '0001_initial'),
        ('registry', '0008_merge_mentor_age_and_satisfaction'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='meeting',
            name='meeting_number_unique_in_year',
        ),
        migrations.AddField(
            model_name='historicalmeeting',
            name='district',
            field=models.ForeignKey(blank=True, db_constraint=False, default=directory.models.only_district_id, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AddField(
            model_name='historicalroadmapitem',
            name='district',
            field=models.ForeignKey(blank=True, db_constraint=False, default=directory.models.only_district_id, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='district',
            field=models.ForeignKey(default=directory.models.only_district_id, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AddField(
            model_name='roadmapitem',
            name='district',
            field=models.ForeignKey(default=directory.models.only_district_id, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.UniqueConstraint(fields=('district', 'year', 'number'), name='meeting_number_unique_in_year', violation_error_message='Заседание с таким номером в этом учебном году уже есть.'),
        ),
        migrations.DeleteModel(name="MeetingCounter"),
        migrations.CreateModel(
            name="MeetingCounter",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("last_number", models.PositiveIntegerField(default=0, verbose_name="последний номер")),
                (
                    "district",
                    models.ForeignKey(
                        default=directory.models.only_district_id,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="directory.district",
                        verbose_name="муниципальное образование",
                    ),
                ),
                (
                    "year",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        to="directory.academicyear",
                        verbose_name="учебный год",
                    ),
                ),
            ],
            options={
                "verbose_name": "счётчик номеров заседаний",
                "verbose_name_plural": "счётчики номеров заседаний",
                "constraints": [models.UniqueConstraint(fields=("district", "year"), name="meeting_counter_once")],
            },
        ),
        migrations.RunPython(refill_counters, migrations.RunPython.noop),
    ]
