"""The annual analytic report: its page, its live files, the methodologist's text, approval and the archive.

The district's report is for those who read everything; a coordinator reaches only their own
organisation's report and its approved versions (another organisation's is not found).
"""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import ListView, TemplateView, View
from django.views.generic.edit import FormView

from core import access
from core.files import file_response
from core.generic import AccessMixin, concurrent_edit_message, redirect_with_message, refuse_stale_edit
from reports.annual import TITLES, AnnualReport, build_annual, file_stem, text_for
from reports.annual_files import AnnualDocx, AnnualPdf, AnnualXlsx
from reports.forms import AnnualFilterForm, AnnualTextForm, ApproveForm
from reports.models import AnnualText, ApprovedReport
from reports.services import approve_annual
from reports.views import ReportMixin

FILES = {"pdf": AnnualPdf, "xlsx": AnnualXlsx, "docx": AnnualDocx}
ARCHIVED = ("pdf", "xlsx")  # the files an approved version keeps


class AnnualMixin(ReportMixin):
    """The report's subject from the query string: a school year and an organisation or the district."""

    filter_form_class = AnnualFilterForm

    def subject(self):
        filters = self.filters()
        user = self.request.user
        if access.reads_everything(user):
            return filters["year"], filters["organization"]
        if access.is_coordinator(user) and user.organization_id:
            wanted = self.request.GET.get("organization")
            if wanted and wanted != str(user.organization_id):
                raise Http404
            return filters["year"], user.organization
        raise Http404

    def subject_query(self) -> str:
        year, organization = self.subject()
        return urlencode({"year": year.pk, **({"organization": organization.pk} if organization else {})})


class AnnualView(AnnualMixin, TemplateView):
    template_name = "reports/annual.html"
    title = gettext_lazy("Анализ работы МШН за учебный год")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year, organization = self.subject()
        context.update(
            form=self.filter_form(),
            # The page lists the sections; their figures are computed for the files only (≈0.5 s on a region).
            report=AnnualReport(
                year, organization, text_for(self.request.user, year, organization), indicators=None
            ),
            contents=[str(title) for title in TITLES.values()],
            max_rows=settings.REPORT_PDF_MAX_ROWS,
            query=self.subject_query(),
            versions=access.scope(self.request.user, ApprovedReport.objects.all(), None)
            .filter(year=year, organization=organization)
            .select_related("approved_by")
            .order_by("-version"),
        )
        return context


class AnnualFileView(AnnualMixin, View):
    def get(self, request, fmt: str):
        if fmt not in FILES:
            raise Http404
        year, organization = self.subject()
        return FILES[fmt](build_annual(request.user, year, organization)).response()


class AnnualTextView(AnnualMixin, FormView):
    writes = True  # the methodologist writes the report's conclusions and plan
    form_class = AnnualTextForm
    template_name = "core/form.html"
    title = gettext_lazy("Выводы и план в анализе работы МШН")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = text_for(self.request.user, *self.subject())
        return kwargs

    def form_valid(self, form):
        try:
            with transaction.atomic():  # the version check and the write in one step, under the row lock
                current = (
                    AnnualText.objects.select_for_update()
                    .filter(
                        district_id=form.instance.district_id,
                        year=form.instance.year,
                        organization=form.instance.organization,
                    )
                    .first()
                )
                loaded = form.cleaned_data["loaded_version"]
                if current is not None and refuse_stale_edit(form, current, loaded, "loaded_version"):
                    return self.form_invalid(form)
                form.save()
        except IntegrityError:  # another user wrote the first text of this report at the same moment
            form.add_error(None, concurrent_edit_message(form.instance, ""))
            return self.form_invalid(form)
        url = f"{reverse('reports:annual')}?{self.subject_query()}"
        return redirect_with_message(self.request, url, _("Выводы и план сохранены."))


class AnnualApproveView(AnnualMixin, FormView):
    """GET shows what will be approved and asks to confirm; POST with the confirmation makes the version."""

    writes = True  # the methodologist approves the year's report
    form_class = ApproveForm
    template_name = "reports/annual_approve.html"
    title = gettext_lazy("Утвердить отчёт")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year, organization = self.subject()
        versions = access.scope(self.request.user, ApprovedReport.objects.all(), None).filter(
            year=year, organization=organization
        )
        context.update(
            report=AnnualReport(
                year, organization, text_for(self.request.user, year, organization), indicators=None
            ),
            contents=[str(title) for title in TITLES.values()],
            next_version=(versions.aggregate(last=Max("version"))["last"] or 0) + 1,
            query=self.subject_query(),
        )
        return context

    def form_valid(self, form):
        year, organization = self.subject()
        record = approve_annual(self.request.user, year, organization)
        url = f"{reverse('reports:annual')}?{self.subject_query()}"
        return redirect_with_message(
            self.request,
            url,
            _("Отчёт утверждён: версия %(version)s сохранена в архиве.") % {"version": record.version},
        )


def approved_reports_for(user):
    """Approved versions the user may download: a coordinator's own organisation's only."""
    queryset = ApprovedReport.objects.select_related("year", "organization", "approved_by")
    return access.scope(user, queryset, "organization")


class ArchiveView(AccessMixin, ListView):
    region_reads = True  # figures and reports, no personal data
    template_name = "reports/archive.html"
    title = gettext_lazy("Архив утверждённых отчётов")
    paginate_by = 50

    def get_queryset(self):
        return approved_reports_for(self.request.user)


class ArchiveFileView(AccessMixin, View):
    region_reads = True  # figures and reports, no personal data

    def get(self, request, pk: int, fmt: str):
        if fmt not in ARCHIVED:
            raise Http404
        record = get_object_or_404(approved_reports_for(request.user), pk=pk)
        stem = build_stem(record)
        return file_response(getattr(record, fmt), f"{stem}.{fmt}")


def build_stem(record: ApprovedReport) -> str:
    """The download name of an approved version: the report's name with its version."""
    stem = file_stem(record.year, record.organization)
    return _("%(stem)s, версия %(version)s") % {"stem": stem, "version": record.version}
