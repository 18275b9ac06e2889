"""Personal data requests (152-ФЗ): download one person's data; anonymise a person (methodologist only)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, FormView

from core.generic import AccessMixin
from registry import audit, selectors
from registry.forms import AnonymiseForm
from registry.personal_data import anonymise_person, person_data_export
from registry.views.common import PEOPLE, person_for


class PersonDataExport(AccessMixin, DetailView):
    """One person's data as XLSX, for their access request; outside the user's scope → 404."""

    org_field = selectors.PERSON_ORG

    def get_queryset(self):
        return selectors.people_for(self.request.user)

    def get(self, request, *args, **kwargs):
        if not audit.may_export_personal_data(request.user):
            raise PermissionDenied
        person = self.get_object()
        return person_data_export(person, user=request.user).response()


class PersonAnonymise(AccessMixin, FormView):
    """GET explains what anonymisation does; POST with a reason does it. Only the methodologist."""

    writes = True  # coordinators and the department: 403
    form_class = AnonymiseForm
    template_name = "registry/person_anonymise.html"
    title = _("Обезличивание данных")

    def get_person(self):
        if not hasattr(self, "_person"):
            self._person = person_for(self.request.user, self.kwargs["pk"])
        return self._person

    def get_breadcrumbs(self):
        person = self.get_person()
        return (PEOPLE, (str(person), person.get_absolute_url()))

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "person": self.get_person()}

    def form_valid(self, form):
        person = self.get_person()
        try:
            anonymise_person(person, user=self.request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Данные человека обезличены."))
        return redirect(person.get_absolute_url())


urlpatterns = [
    path("people/<int:pk>/data.xlsx", PersonDataExport.as_view(), name="person_data_export"),
    path("people/<int:pk>/anonymise/", PersonAnonymise.as_view(), name="person_anonymise"),
]
