"""The regional checklist of a school website's «Наставничество» section (DOMAIN.md), with the keywords
the automatic checker looks for in link texts and file names; the methodologist edits it afterwards."""

from django.db import migrations

ITEMS = [
    # title, keywords, is the section itself
    ("Раздел «Наставничество» и его адрес", "наставничество, nastavnichestvo", True),
    (
        "Приказ о внедрении целевой модели наставничества",
        "целев модел, внедрени наставнич, vnedrenie, tselevoy model",
        False,
    ),
    ("Положение о наставничестве", "положение, polozhenie", False),
    (
        "Дорожная карта / план мероприятий",
        "дорожн карт, план мероприятий, план работы, dorozhnaya karta, plan meropriyatiy",
        False,
    ),
    ("Программа наставничества", "программа наставнич, программы наставнич, programma nastavnich", False),
    ("Приказ о назначении куратора", "куратор, kurator", False),
    (
        "База наставников и наставляемых (без персональных данных)",
        "база наставник, базы наставник, база наставляем, базы наставляем, реестр наставник, baza nastavnik",
        False,
    ),
    ("Документ о поощрении наставников", "поощрени, стимулировани, pooshchrenie, pooshrenie", False),
    (
        "Приказы о закреплении пар/групп",
        "закреплени, наставнических пар, наставнических групп, zakreplenie",
        False,
    ),
    (
        "Лучшие кейсы персонализированных программ",
        "кейс, лучшие практики, лучших практик, keys",
        False,
    ),
]


def seed(apps, schema_editor):
    ChecklistItem = apps.get_model("submissions", "ChecklistItem")
    for position, (title, keywords, is_section) in enumerate(ITEMS, start=1):
        ChecklistItem.objects.get_or_create(
            title=title, defaults={"position": position, "keywords": keywords, "is_section": is_section}
        )


class Migration(migrations.Migration):
    dependencies = [("submissions", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
