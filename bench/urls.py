"""The project's URLs plus an admin site with every list model, for the admin comparison of `make bench`.

Models registered in the project's admin keep their own ModelAdmin; the registry's models (not in
the admin) get a plain one showing the same columns as our lists, with the same page size.
"""

from django.conf import settings
from django.contrib import admin
from django.urls import path

from directory.models import AcademicYear, MentoringForm, Organization
from mshn.urls import urlpatterns as project_urlpatterns
from registry.models import Mentee, Mentor, Pair, Person

site = admin.AdminSite(name="benchadmin")
for model, model_admin in admin.site._registry.items():
    site.register(model, type(model_admin))

PLAIN = {
    Person: (("__str__", "category", "organization", "birth_year", "position"), ("organization",)),
    Mentor: (
        ("__str__", "person__organization", "entered_on", "max_mentees", "status"),
        ("person__organization",),
    ),
    Mentee: (("__str__", "person__organization", "entered_on", "status"), ("person__organization",)),
    Pair: (
        ("__str__", "organization", "started_on", "planned_end_on", "status"),
        ("organization", "form", "mentor__person"),
    ),
    Organization: (("short_name", "kind", "is_active"), ()),
    AcademicYear: (("__str__",), ()),
    MentoringForm: (("name", "source"), ()),
}
for model, (columns, related) in PLAIN.items():
    if not site.is_registered(model):
        options = {
            "list_display": columns,
            "list_select_related": related,
            "list_per_page": settings.PAGE_SIZE,
        }
        site.register(model, type(f"Bench{model.__name__}Admin", (admin.ModelAdmin,), options))

urlpatterns = [*project_urlpatterns, path("bench-admin/", site.urls)]
