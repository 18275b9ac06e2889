"""The monitoring dashboard, its statistical forms and the methodologist's targets."""

from __future__ import annotations

from django.core.cache import cache
from django.http import Http404
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View

from core import access
from core.exporters import XlsxTable
from core.freshness import KEEP_SECONDS, figures_version
from core.generic import AccessMixin, redirect_with_message
from indicators import retention
from reports import region
from reports.charts import bar_chart, counts_chart, percent_chart
from reports.forms import DashboardFilterForm, TargetForm
from reports.indicators import history_for
from reports.retention import organization_ids_for
from reports.statforms import FORM_NUMBERS, statform


class ReportMixin(AccessMixin):
    """The report's filters from the query string (the current school year by default)."""

    region_reads = True  # figures and reports, no personal data

    filter_form_class = DashboardFilterForm

    def filter_form(self) -> DashboardFilterForm:
        if not hasattr(self, "_filter_form"):
            self._filter_form = self.filter_form_class(self.request.GET, user=self.request.user)
        return self._filter_form

    def filters(self) -> dict:
        filters = self.filter_form().filters()
        if filters["year"] is None:
            raise Http404(_("В справочнике нет ни одного учебного года."))
        return filters


class DashboardView(ReportMixin, TemplateView):
    template_name = "reports/dashboard.html"
    title = _("Мониторинг и отчёты")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.filters()
        history = history_for(
            self.request.user, filters["year"], filters["organization"], filters["kind"], filters["district"]
        )
        report = history[-1]
        context.update(
            form=self.filter_form(),
            report=report,
            history=history,
            history_rows=_history_rows(history),
            charts=_charts(history),
            percent_chart=percent_chart(report.indicators),
            forms_chart=counts_chart(report.mentees_by_form) if report.mentees_by_form else None,
            querystring=self.request.GET.urlencode(),
            form_numbers=FORM_NUMBERS,
            may_edit_targets=access.is_methodist(self.request.user),
            retention=retention_summary(self.request.user, filters["organization"]),
        )
        return context


def retention_summary(user, organization) -> dict | None:
    """The dashboard's retention figure, kept like the dashboard's other figures until the data changes."""
    key = f"retention:{figures_version()}:{access.scope_key(user)}:{organization.pk if organization else ''}"
    return cache.get_or_set(key, lambda: newest_retention(user, organization), KEEP_SECONDS)


def newest_retention(user, organization) -> dict | None:
    """The newest cohort retained a year later (the ledger's own)."""
    ids = [organization.pk] if organization else organization_ids_for(user)
    latest = retention.latest_share(retention.ledger(ids))
    if latest is None:
        return None
    cohort, share = latest
    index = retention.HORIZONS.index(1)
    return {
        "cohort": cohort,
        "share": _percent(share),
        "with_mentor": _percent(cohort.total(True).share(index)),
        "without_mentor": _percent(cohort.total(False).share(index)),
    }


def _percent(value: float | None) -> str:
    return f"{number_format(value, 1)} %" if value is not None else str(_("нет таких в когорте"))


CHARTED = ("mentees", "pairs_active", "young_with_mentor_share", "pupils_mentees_share")


def _charts(history) -> list[tuple[str, SafeString]]:
    """One chart per charted indicator: its value by year against the year's target."""
    charts = []
    for code in CHARTED:
        rows = []
        for report in history:
            indicator = next(i for i in report.indicators if i.code == code)
            rows.append((report.year.title, indicator.value, indicator.target))
        charts.append((indicator.label, bar_chart(rows, title=indicator.label)))
    return charts


def _history_rows(history) -> list[tuple[str, list]]:
    """Indicator by indicator, its value in each of the years compared."""
    rows = []
    for position, indicator in enumerate(history[-1].indicators):
        rows.append((indicator.label, [report.indicators[position].value for report in history]))
    return rows


class StatFormView(ReportMixin, View):
    def get(self, request, number: int):
        if number not in FORM_NUMBERS:
            raise Http404
        filters = self.filters()
        return statform(
            number,
            request.user,
            filters["year"],
            filters["organization"],
            filters["kind"],
            filters["district"],
        ).response()


class TargetEditView(AccessMixin, FormView):
    writes = True  # the methodologist alone sets targets
    form_class = TargetForm
    template_name = "core/form.html"
    title = _("Целевое значение показателя")

    def get_initial(self):
        return {key: self.request.GET[key] for key in ("year", "code") if key in self.request.GET}

    def form_valid(self, form):
        target = form.save(access.bind_district_id(self.request.user))
        url = f"{reverse('reports:dashboard')}?year={target.year_id}"
        return redirect_with_message(self.request, url, _("Целевое значение сохранено."))


class RegionFilterForm(DashboardFilterForm):
    """The school year alone: the summary has a row for every district."""

    def __init__(self, data, *, user):
        super().__init__(data, user=user)
        for name in ("organization", "kind", "district"):
            self.fields.pop(name, None)


class RegionSummaryView(ReportMixin, TemplateView):
    """A row per district and the region's total: for the region, and for a district to see itself in it."""

    district_only = True
    filter_form_class = RegionFilterForm
    template_name = "reports/region_summary.html"
    title = _("Сводка по муниципальным образованиям")
    export = False

    def get(self, request, *args, **kwargs):
        if not self.export:
            return super().get(request, *args, **kwargs)
        year = self.filters()["year"]
        rows, total = region.kept_summary_for(request.user, year)
        table = XlsxTable(
            f"сводка_по_муниципальным_образованиям_{year.start_year}-{year.start_year + 1}",
            f"{self.title} за {year} учебный год",
            region.headers(),
            (_summary_cells(row) for row in [*rows, total]),
        )
        return table.response()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.filters()["year"]
        rows, total = region.kept_summary_for(self.request.user, year)
        context.update(
            form=self.filter_form(),
            year=year,
            rows=rows,
            total=total,
            headers=region.headers(),
            querystring=self.request.GET.urlencode(),
        )
        return context


def _summary_cells(row: region.DistrictRow) -> list:
    approved = (
        _("версия %(version)s от %(date)s")
        % {"version": row.approved.version, "date": f"{row.approved.approved_at:%d.%m.%Y}"}
        if row.approved
        else ("" if row.district is None else _("не утверждён"))
    )
    return [row.name, row.organizations, *row.columns, row.meetings_held, str(approved)]
