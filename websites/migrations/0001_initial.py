# The website checks, until now in `submissions`: Django's state takes over their existing tables (nothing
# is created in the database); their content types follow them, so permissions granted stay.

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


MODELS = [
    "checklistitem",
    "checkround",
    "websitecheck",
    "checkresult",
    "historicalchecklistitem",
    "historicalcheckround",
    "historicalwebsitecheck",
    "historicalcheckresult",
]


def move_content_types(apps, schema_editor, source="submissions", target="websites"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=source, model__in=MODELS).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="websites", target="submissions")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("directory", "0002_seed_mentoring_forms"),
        ("submissions", "0002_seed_checklist"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ChecklistItem",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("position", models.PositiveSmallIntegerField(default=0, verbose_name="порядок")),
                        ("title", models.CharField(max_length=300, verbose_name="пункт")),
                        (
                            "keywords",
                            models.TextField(
                                help_text="Через запятую. Пункт найден, если в тексте ссылки или имени файла есть все слова одного ключа (части слов тоже подходят), например: «положение наставнич, polozhenie».",
                                verbose_name="ключевые слова",
                            ),
                        ),
                        (
                            "is_section",
                            models.BooleanField(
                                default=False,
                                help_text="Пункт считается найденным, когда найден раздел; его адрес — адрес раздела.",
                                verbose_name="это сам раздел «Наставничество»",
                            ),
                        ),
                        ("is_active", models.BooleanField(default=True, verbose_name="проверяется")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="изменено")),
                    ],
                    options={
                        "verbose_name": "пункт проверки сайта",
                        "verbose_name_plural": "пункты проверки сайта",
                        "db_table": "submissions_checklistitem",
                        "ordering": ["position", "id"],
                    },
                ),
                migrations.CreateModel(
                    name="CheckRound",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("title", models.CharField(max_length=300, verbose_name="название")),
                        ("deadline", models.DateField(verbose_name="срок")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="изменено")),
                    ],
                    options={
                        "verbose_name": "проверка сайтов",
                        "verbose_name_plural": "проверки сайтов",
                        "db_table": "submissions_checkround",
                        "ordering": ["-deadline", "-id"],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalChecklistItem",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("position", models.PositiveSmallIntegerField(default=0, verbose_name="порядок")),
                        ("title", models.CharField(max_length=300, verbose_name="пункт")),
                        (
                            "keywords",
                            models.TextField(
                                help_text="Через запятую. Пункт найден, если в тексте ссылки или имени файла есть все слова одного ключа (части слов тоже подходят), например: «положение наставнич, polozhenie».",
                                verbose_name="ключевые слова",
                            ),
                        ),
                        (
                            "is_section",
                            models.BooleanField(
                                default=False,
                                help_text="Пункт считается найденным, когда найден раздел; его адрес — адрес раздела.",
                                verbose_name="это сам раздел «Наставничество»",
                            ),
                        ),
                        ("is_active", models.BooleanField(default=True, verbose_name="проверяется")),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical пункт проверки сайта",
                        "verbose_name_plural": "historical пункты проверки сайта",
                        "db_table": "submissions_historicalchecklistitem",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalCheckRound",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("title", models.CharField(max_length=300, verbose_name="название")),
                        ("deadline", models.DateField(verbose_name="срок")),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical проверка сайтов",
                        "verbose_name_plural": "historical проверки сайтов",
                        "db_table": "submissions_historicalcheckround",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalWebsiteCheck",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "section_url",
                            models.URLField(
                                blank=True, max_length=500, verbose_name="адрес раздела «Наставничество»"
                            ),
                        ),
                        (
                            "outcome",
                            models.TextField(blank=True, verbose_name="итог автоматической проверки"),
                        ),
                        ("checked_at", models.DateTimeField(blank=True, null=True, verbose_name="проверено")),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                            ),
                        ),
                        (
                            "checked_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="кто проверил",
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="directory.organization",
                                verbose_name="организация",
                            ),
                        ),
                        (
                            "round",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="websites.checkround",
                                verbose_name="проверка",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical проверка сайта организации",
                        "verbose_name_plural": "historical проверки сайтов организаций",
                        "db_table": "submissions_historicalwebsitecheck",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="WebsiteCheck",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "section_url",
                            models.URLField(
                                blank=True, max_length=500, verbose_name="адрес раздела «Наставничество»"
                            ),
                        ),
                        (
                            "outcome",
                            models.TextField(blank=True, verbose_name="итог автоматической проверки"),
                        ),
                        ("checked_at", models.DateTimeField(blank=True, null=True, verbose_name="проверено")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="изменено")),
                        (
                            "checked_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="кто проверил",
                            ),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="website_checks",
                                to="directory.organization",
                                verbose_name="организация",
                            ),
                        ),
                        (
                            "round",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="checks",
                                to="websites.checkround",
                                verbose_name="проверка",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "проверка сайта организации",
                        "verbose_name_plural": "проверки сайтов организаций",
                        "db_table": "submissions_websitecheck",
                        "ordering": ["round", "organization__short_name", "id"],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalCheckResult",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("found", models.BooleanField(default=False, verbose_name="найдено")),
                        ("url", models.URLField(blank=True, max_length=1000, verbose_name="адрес")),
                        (
                            "is_automatic",
                            models.BooleanField(
                                default=False,
                                help_text="Не подтверждено методистом.",
                                verbose_name="предложено автоматически",
                            ),
                        ),
                        (
                            "checked_at",
                            models.DateTimeField(default=django.utils.timezone.now, verbose_name="когда"),
                        ),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                            ),
                        ),
                        (
                            "checked_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="кто",
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "item",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="websites.checklistitem",
                                verbose_name="пункт",
                            ),
                        ),
                        (
                            "check_record",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="websites.websitecheck",
                                verbose_name="проверка сайта",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical пункт проверки сайта организации",
                        "verbose_name_plural": "historical пункты проверки сайтов организаций",
                        "db_table": "submissions_historicalcheckresult",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="CheckResult",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("found", models.BooleanField(default=False, verbose_name="найдено")),
                        ("url", models.URLField(blank=True, max_length=1000, verbose_name="адрес")),
                        (
                            "is_automatic",
                            models.BooleanField(
                                default=False,
                                help_text="Не подтверждено методистом.",
                                verbose_name="предложено автоматически",
                            ),
                        ),
                        (
                            "checked_at",
                            models.DateTimeField(default=django.utils.timezone.now, verbose_name="когда"),
                        ),
                        (
                            "checked_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="кто",
                            ),
                        ),
                        (
                            "item",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="results",
                                to="websites.checklistitem",
                                verbose_name="пункт",
                            ),
                        ),
                        (
                            "check_record",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="results",
                                to="websites.websitecheck",
                                verbose_name="проверка сайта",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "пункт проверки сайта организации",
                        "verbose_name_plural": "пункты проверки сайтов организаций",
                        "db_table": "submissions_checkresult",
                        "ordering": ["item__position", "item_id"],
                    },
                ),
                migrations.AddConstraint(
                    model_name="websitecheck",
                    constraint=models.UniqueConstraint(
                        fields=("round", "organization"), name="website_check_once_per_round"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="checkresult",
                    constraint=models.UniqueConstraint(
                        fields=("check_record", "item"), name="check_result_once"
                    ),
                ),
            ],
            database_operations=[migrations.RunPython(move_content_types, move_content_types_back)],
        ),
    ]
