from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from careers.models import AcceptedRetention


@admin.register(AcceptedRetention)
class AcceptedRetentionAdmin(SimpleHistoryAdmin):
    list_display = ("cohort_year", "organization", "with_mentor", "cohort", "after_1", "after_2", "after_3")
    list_filter = ("cohort_year", "with_mentor")
