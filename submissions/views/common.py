"""What the views of this app share: breadcrumbs, district-only pages and the action-with-form page."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from accounts import access
from core.generic import AccessMixin, redirect_with_message

CAMPAIGNS = (_("Кампании"), reverse_lazy("submissions:campaign_list"))
SUBMISSIONS = (_("Отчёты организаций"), reverse_lazy("submissions:submission_list"))
ROUNDS = (_("Проверка сайтов"), reverse_lazy("submissions:round_list"))
CHECKS = (_("Проверка сайта"), reverse_lazy("submissions:check_list"))
CHECKLIST = (_("Что должно быть на сайте"), reverse_lazy("submissions:checklist_list"))


class DistrictReaderMixin:
    """Pages about every organisation at once: the methodologist and the department read them,
    a coordinator is refused (their own organisation's part is on its own pages)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not access.reads_everything(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def paginated(request, queryset, name: str) -> dict:
    """A page of a detail page's table (a region's campaign or round has a thousand organisations), under
    `name`, with what templates/includes/pagination.html reads."""
    paginator = Paginator(queryset, settings.PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return {
        name: page.object_list,
        "page_obj": page,
        "paginator": paginator,
        "is_paginated": page.has_other_pages(),
    }


class RecordActionView(AccessMixin, FormView):
    """GET shows a small form about one record; POST does the action through a service.

    Subclasses give `get_record()` (already scoped), `allowed(record)` and `act(record, form)`."""

    writes = True
    template_name = "submissions/confirm.html"
    success_message = ""
    question = ""
    submit_label = ""

    def get_record(self):
        raise NotImplementedError

    def allowed(self, record) -> bool:
        return True

    def act(self, record, form):
        raise NotImplementedError

    def record(self):
        if not hasattr(self, "_record"):
            self._record = self.get_record()
            if not self.allowed(self._record):
                raise PermissionDenied
        return self._record

    def get(self, request, *args, **kwargs):
        self.record()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.record()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "submit_label": str(self.submit_label or self.title)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.record()
        context["question"] = self.question
        return context

    def form_valid(self, form):
        record = self.record()
        try:
            url = self.act(record, form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        return redirect_with_message(self.request, url, str(self.success_message))

    def get_breadcrumbs(self):
        record = self.record()
        return (*self.breadcrumbs, (str(record), record.get_absolute_url()))
