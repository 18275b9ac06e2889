"""The project's URLs plus an admin site with the model of every list, for the admin comparison of
`make bench`.

A model registered in the project's admin keeps its own ModelAdmin; any other gets one mirrored from our
list: the same columns, computed the same way, over the same queryset (its joins and prefetches). Every
change list shows our page size, so that both pages show the same number of rows.
"""

from django.conf import settings
from django.contrib import admin
from django.urls import URLResolver, path

from core.columns import display
from core.generic import ScopedListView
from mshn.urls import urlpatterns as project_urlpatterns


def list_views() -> dict[str, type[ScopedListView]]:
    """URL name → view of every list page of the project (its XLSX twin left out), the first list of each
    model: a second list of the same records (e.g. pairs without an agreement) has no admin twin of its own."""
    first = {}
    for name, view in all_list_views(project_urlpatterns).items():
        first.setdefault(view.model, (name, view))
    return dict(first.values())


def all_list_views(patterns, namespace: str = "") -> dict[str, type[ScopedListView]]:
    found = {}
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            found.update(all_list_views(pattern.url_patterns, inner))
            continue
        view = getattr(pattern.callback, "view_class", None)
        exports = getattr(pattern.callback, "view_initkwargs", {}).get("export")
        if view and issubclass(view, ScopedListView) and not exports:
            found[f"{namespace}:{pattern.name}"] = view
    return found


def admin_column(column):
    @admin.display(description=str(column.title))
    def value(obj):
        return display(column.value(obj))

    return value


def mirrored_admin(view: type[ScopedListView]) -> type[admin.ModelAdmin]:
    def get_queryset(self, request):
        ours = view()
        ours.setup(request)
        return ours.get_queryset()

    options = {
        "list_display": [admin_column(column) for column in view.columns],
        "get_queryset": get_queryset,
    }
    return type(f"Bench{view.model.__name__}Admin", (admin.ModelAdmin,), options)


site = admin.AdminSite(name="benchadmin")
for model, model_admin in admin.site._registry.items():
    site.register(model, type(model_admin))
for view in list_views().values():
    if not site.is_registered(view.model):
        site.register(view.model, mirrored_admin(view))
for model_admin in site._registry.values():
    model_admin.list_per_page = settings.PAGE_SIZE

urlpatterns = [*project_urlpatterns, path("bench-admin/", site.urls)]
