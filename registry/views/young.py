"""The bank of young pedagogues: counts per organisation and the work list of those without a mentor."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, View

from core.exporters import XlsxTable
from core.generic import AccessMixin
from registry.forms import YoungFilterForm
from registry.young import (
    WithoutMentorPages,
    summary_table,
    young_pedagogue_summary_for,
    young_without_mentor_for,
)

SUMMARY_PAGE_SIZE = 50  # a region has a thousand organisations; the total row covers them all


class YoungMixin(AccessMixin):
    coordinator_edits = True  # a coordinator adds their own people to the base of mentees
    title = _("Молодые педагоги")

    def filter_form(self) -> YoungFilterForm:
        if not hasattr(self, "_filter_form"):
            self._filter_form = YoungFilterForm(self.request.GET, user=self.request.user)
        return self._filter_form

    def summary(self):
        if not hasattr(self, "_summary"):
            filters = self.filter_form().filters()
            self._summary = young_pedagogue_summary_for(
                self.request.user, filters["year"], filters["organization"], kind=filters["kind"]
            )
        return self._summary


class YoungBank(YoungMixin, ListView):
    """The table per organisation and, below it, the paginated list of young pedagogues without a mentor."""

    template_name = "registry/young.html"
    context_object_name = "people"

    def get_paginate_by(self, queryset):
        return settings.PAGE_SIZE

    def get_queryset(self):
        filters = self.filter_form().filters()
        return WithoutMentorPages(young_without_mentor_for(self.request.user, **filters), self.summary())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        query.pop("orgs", None)
        summary = self.summary()
        context.update(
            form=self.filter_form(),
            summary=summary,
            summary_page=Paginator(summary.rows, SUMMARY_PAGE_SIZE).get_page(self.request.GET.get("orgs")),
            querystring=query.urlencode(),
            max_age=settings.YOUNG_PEDAGOGUE_MAX_AGE,
            max_experience=settings.YOUNG_PEDAGOGUE_MAX_EXPERIENCE_YEARS,
        )
        return context


class YoungExport(YoungMixin, View):
    """The table of the page as XLSX: the same selector, so the file never shows more than the screen."""

    def get(self, request, *args, **kwargs):
        summary = self.summary()
        headers, rows = summary_table(summary)
        year = summary.year
        filename = f"молодые_педагоги_{year.start_year}_{year.start_year + 1}"
        title = f"{self.title} {year.title}".replace("/", "-")
        return XlsxTable(filename, title, headers, rows).response()


urlpatterns = [
    path("young/", YoungBank.as_view(), name="young"),
    path("young/export/", YoungExport.as_view(), name="young_export"),
]
