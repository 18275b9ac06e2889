"""The normative documents the order and the regulation of МШН cite (seed/000_140aef21c564b531.txt)."""

import datetime

from django.db import migrations

DOCUMENTS = [
    # level, kind, number, date, title, issuer, url
    (
        "federal",
        "law",
        "273-ФЗ",
        datetime.date(2012, 12, 29),
        "Об образовании в Российской Федерации",
        "Федеральный закон",
        "https://www.consultant.ru/document/cons_doc_LAW_140174/",
    ),
    (
        "federal",
        "directive",
        "Р-145",
        datetime.date(2019, 12, 25),
        "Об утверждении методологии (целевой модели) наставничества обучающихся для организаций, "
        "осуществляющих образовательную деятельность по общеобразовательным, дополнительным "
        "общеобразовательным и программам среднего профессионального образования, в том числе с "
        "применением лучших практик обмена опытом между обучающимися",
        "Минпросвещения России",
        "",
    ),
    (
        "federal",
        "letter",
        "МР-42/02",
        datetime.date(2020, 1, 23),
        "О направлении целевой модели наставничества и методических рекомендаций",
        "Минпросвещения России",
        "",
    ),
    (
        "federal",
        "guidelines",
        "АЗ-1128/08",
        datetime.date(2021, 12, 21),
        "О направлении методических рекомендаций (вместе с «Методическими рекомендациями по разработке "
        "и внедрению системы (целевой модели) наставничества педагогических работников в образовательных "
        "организациях»)",
        "Минпросвещения России",
        "",
    ),
    (
        "regional",
        "order",
        "789-а",
        datetime.date(2020, 7, 23),
        "О внедрении методологии (целевой модели) наставничества обучающихся для организаций, "
        "осуществляющих образовательную деятельность по общеобразовательным, дополнительным "
        "общеобразовательным и программам среднего профессионального образования",
        "Министерство образования Приморского края",
        "",
    ),
    (
        "municipal",
        "directive",
        "125",
        datetime.date(2024, 4, 5),
        "О создании муниципальной Школы наставничества Кировского муниципального района "
        "(с Положением о МШН и дорожной картой)",
        "Администрация Кировского муниципального района",
        "",
    ),
]


def seed(apps, schema_editor):
    NormativeDocument = apps.get_model("banks", "NormativeDocument")
    for level, kind, number, issued_on, title, issuer, url in DOCUMENTS:
        NormativeDocument.objects.get_or_create(
            kind=kind,
            number=number,
            issued_on=issued_on,
            defaults={"level": level, "title": title, "issuer": issuer, "url": url},
        )


class Migration(migrations.Migration):
    dependencies = [("banks", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
