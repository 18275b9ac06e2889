# The website checks moved to the `websites` app: only Django's state forgets them here, the tables stay
# (websites.0001 takes them over, websites.0002 renames them).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0002_seed_checklist"),
        ("websites", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="historicalcheckresult",
                    name="item",
                ),
                migrations.RemoveField(
                    model_name="checkresult",
                    name="item",
                ),
                migrations.RemoveField(
                    model_name="checkresult",
                    name="check_record",
                ),
                migrations.RemoveField(
                    model_name="checkresult",
                    name="checked_by",
                ),
                migrations.RemoveField(
                    model_name="historicalwebsitecheck",
                    name="round",
                ),
                migrations.RemoveField(
                    model_name="websitecheck",
                    name="round",
                ),
                migrations.RemoveField(
                    model_name="historicalchecklistitem",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalcheckresult",
                    name="check_record",
                ),
                migrations.RemoveField(
                    model_name="historicalcheckresult",
                    name="checked_by",
                ),
                migrations.RemoveField(
                    model_name="historicalcheckresult",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalcheckround",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalwebsitecheck",
                    name="checked_by",
                ),
                migrations.RemoveField(
                    model_name="historicalwebsitecheck",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalwebsitecheck",
                    name="organization",
                ),
                migrations.RemoveField(
                    model_name="websitecheck",
                    name="checked_by",
                ),
                migrations.RemoveField(
                    model_name="websitecheck",
                    name="organization",
                ),
                migrations.DeleteModel(
                    name="ChecklistItem",
                ),
                migrations.DeleteModel(
                    name="CheckResult",
                ),
                migrations.DeleteModel(
                    name="CheckRound",
                ),
                migrations.DeleteModel(
                    name="HistoricalChecklistItem",
                ),
                migrations.DeleteModel(
                    name="HistoricalCheckResult",
                ),
                migrations.DeleteModel(
                    name="HistoricalCheckRound",
                ),
                migrations.DeleteModel(
                    name="HistoricalWebsiteCheck",
                ),
                migrations.DeleteModel(
                    name="WebsiteCheck",
                ),
            ],
        ),
    ]
