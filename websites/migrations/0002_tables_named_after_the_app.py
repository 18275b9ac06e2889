# The tables taken over from `submissions` get the app's own names (data, sequences and history kept).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("websites", "0001_initial"),
        ("submissions", "0003_website_checks_move_to_websites"),
    ]

    operations = [
        migrations.AlterModelTable(
            name="checklistitem",
            table=None,
        ),
        migrations.AlterModelTable(
            name="checkresult",
            table=None,
        ),
        migrations.AlterModelTable(
            name="checkround",
            table=None,
        ),
        migrations.AlterModelTable(
            name="historicalchecklistitem",
            table=None,
        ),
        migrations.AlterModelTable(
            name="historicalcheckresult",
            table=None,
        ),
        migrations.AlterModelTable(
            name="historicalcheckround",
            table=None,
        ),
        migrations.AlterModelTable(
            name="historicalwebsitecheck",
            table=None,
        ),
        migrations.AlterModelTable(
            name="websitecheck",
            table=None,
        ),
    ]
