"""Import of people and pairs from XLSX: the page with the upload form and the template to fill in."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View

from core import access
from core.generic import AccessMixin
from registry import imports
from registry.forms import ImportForm
from registry.views.common import PAIRS, PEOPLE


class ImportAccess(AccessMixin):
    """Methodologist and coordinators (into their own organisation); the department may not import."""

    coordinator_edits = True

    writes = True
    sheet: imports.Sheet | None = None


class ImportPage(ImportAccess, FormView):
    form_class = ImportForm
    template_name = "registry/import.html"
    template_url_name = ""
    list_url_name = ""

    def run(self, table) -> str:
        raise NotImplementedError

    def form_valid(self, form):
        try:
            message = self.run(form.table)
        except imports.ImportRejected as rejected:
            messages.error(
                self.request, _("Ничего не загружено: исправьте ошибки в файле и загрузите его снова.")
            )
            return self.render_to_response(self.get_context_data(form=form, errors=rejected.errors))
        messages.success(self.request, message)
        return redirect(self.list_url_name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["template_url"] = reverse(self.template_url_name)
        context["reference"] = imports.reference_sections(self.sheet, self.request.user)
        context["fixed_organization"] = access.organization_for_new_records(self.request.user)
        context["max_rows"] = settings.IMPORT_MAX_ROWS
        context["is_people"] = self.sheet is imports.PEOPLE
        return context


class PersonImport(ImportPage):
    title = gettext_lazy("Загрузка людей из Excel")
    breadcrumbs = (PEOPLE,)
    sheet = imports.PEOPLE
    template_url_name = "registry:person_import_template"
    list_url_name = "registry:person_list"

    def run(self, table) -> str:
        result = imports.import_people(self.request.user, table)
        return _("Загружено: %(total)s людей (из них %(matched)s уже были в реестре).") % {
            "total": result.total,
            "matched": result.matched,
        }


class PairImport(ImportPage):
    title = gettext_lazy("Загрузка пар и групп из Excel")
    breadcrumbs = (PAIRS,)
    sheet = imports.PAIRS
    template_url_name = "registry:pair_import_template"
    list_url_name = "registry:pair_list"

    def run(self, table) -> str:
        created = imports.import_pairs(self.request.user, table)
        return _("Загружено: %(count)s пар и групп, все в состоянии «формируется».") % {"count": created}


class TemplateDownload(ImportAccess, View):
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        return imports.ImportTemplate(self.sheet, request.user).response()


urlpatterns = [
    path("people/import/", PersonImport.as_view(), name="person_import"),
    path(
        "people/import/template/",
        TemplateDownload.as_view(sheet=imports.PEOPLE),
        name="person_import_template",
    ),
    path("pairs/import/", PairImport.as_view(), name="pair_import"),
    path(
        "pairs/import/template/", TemplateDownload.as_view(sheet=imports.PAIRS), name="pair_import_template"
    ),
]
