from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from directory.models import AcademicYear, MentoringForm, Organization


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["short_name", "kind", "is_base_school", "is_internship_site", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["short_name", "full_name"]


@admin.register(AcademicYear)
class AcademicYearAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "note"]


@admin.register(MentoringForm)
class MentoringFormAdmin(SimpleHistoryAdmin):
    list_display = ["name", "source", "mentor_category", "mentee_category", "is_active"]
    list_filter = ["source", "is_active"]
