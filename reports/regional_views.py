"""The region's collection in the browser: the region opens a campaign and reviews every district's answer;
a district's methodologist sends their district's figures and approved analysis; the department reads."""

from __future__ import annotations

import django_filters
from django import forms
from django.shortcuts import get_object_or_404
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from core import access
from core.columns import Column
from core.forms import CrispyModelForm
from core.generic import ScopedCreateView, ScopedDetailView, ScopedListView, StepView
from core.workflow import Button, offered
from directory.models import AcademicYear
from indicators.definitions import definition
from reports import regional
from reports.models import DistrictReport, RegionalCampaign
from reports.region import CODES

CAMPAIGNS = (_("Сбор данных края"), reverse_lazy("reports:regional_list"))
BUTTONS = (
    Button(regional.SEND, "reports:district_report_send", _("Отправить в край"), "primary"),
    Button(regional.ACCEPT, "reports:district_report_accept", _("Принять"), "success"),
    Button(regional.RETURN, "reports:district_report_return", _("Вернуть на доработку"), "outline-danger"),
)


def regional_writer(user) -> bool:
    """The region opens campaigns and reviews the answers (the administrator may act for it)."""
    return access.is_region(user) or access.is_admin(user)


class RegionalCampaignFilter(django_filters.FilterSet):
    year = django_filters.ModelChoiceFilter(label=_("Учебный год"), queryset=AcademicYear.objects.all())

    class Meta:
        model = RegionalCampaign
        fields = ["year"]


class RegionalCampaignForm(CrispyModelForm):
    submit_label = _("Открыть сбор")

    class Meta:
        model = RegionalCampaign
        fields = ["year", "title", "deadline", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class CampaignView:
    model = RegionalCampaign
    district_only = (
        True  # the region and the districts' staff; coordinators answer their district's campaigns
    )
    region_reads = True
    breadcrumbs = (CAMPAIGNS,)

    def may_edit(self) -> bool:
        return regional_writer(self.request.user)


class RegionalCampaignList(CampaignView, ScopedListView):
    title = _("Сбор данных края")
    breadcrumbs = ()
    filterset_class = RegionalCampaignFilter
    export_name = "сбор_данных_края"
    create_url_name = "reports:regional_create"
    export_url_name = "reports:regional_export"
    columns = (
        Column(_("Название"), "title", link=True),
        Column(_("Учебный год"), "year.title"),
        Column(_("Срок"), "deadline"),
    )

    def base_queryset(self):
        return RegionalCampaign.objects.select_related("year")


class RegionalCampaignCreate(CampaignView, ScopedCreateView):
    form_class = RegionalCampaignForm
    title = _("Новый сбор данных края")
    success_message = _("Сбор открыт: каждому муниципальному образованию создан его ответ.")

    def form_valid(self, form):
        regional.open_campaign(form.instance)
        return super().form_valid(form)


class RegionalCampaignDetail(CampaignView, ScopedDetailView):
    template_name = "reports/regional_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        answers = access.scope(
            self.request.user,
            self.object.reports.select_related("district", "analysis").order_by("district__sort_name"),
            None,
        )
        context["headers"] = [str(definition(code).name) for code in CODES]
        context["answers"] = [(answer, _figures(answer), self.buttons(answer)) for answer in answers]
        return context

    def buttons(self, answer):
        user = self.request.user
        steps = [button for button in BUTTONS if (button.step is regional.SEND) != regional_writer(user)]
        if access.is_department(user):
            return []
        return offered(steps, answer)


def _figures(answer: DistrictReport) -> list:
    """The frozen values as sent (None until then): the template writes them the Russian way («23,1»)."""
    values = (answer.figures or {}).get("values", {})
    return [values.get(code) for code in CODES]


class DistrictReportAction(StepView):
    breadcrumbs = (CAMPAIGNS,)
    region_reads = True
    required_message = _(
        "Напишите, что нужно исправить: комментарий увидит методист муниципального образования."
    )

    def get_record(self):
        answers = access.scope(self.request.user, DistrictReport.objects.select_related("campaign"), None)
        return get_object_or_404(answers, pk=self.kwargs["pk"])


class DistrictReportSend(DistrictReportAction):
    title = _("Отправить показатели и анализ работы в край")
    submit_label = _("Отправить в край")
    success_message = _("Ответ отправлен в край: показатели зафиксированы на сегодня.")
    question = _(
        "Край получит показатели муниципального образования за учебный год, зафиксированные сейчас, и последнюю "
        "утверждённую версию анализа работы."
    )

    def may_edit(self) -> bool:
        return access.is_methodist(self.request.user) and not access.is_admin(self.request.user)

    def step(self, answer, **kwargs):
        regional.send_report(answer, **kwargs)


class RegionalReview(DistrictReportAction):
    def may_edit(self) -> bool:
        return regional_writer(self.request.user)


class DistrictReportAccept(RegionalReview):
    title = _("Принять ответ муниципального образования")
    submit_label = _("Принять")
    success_message = _("Ответ принят.")

    def step(self, answer, **kwargs):
        regional.accept_report(answer, **kwargs)


class DistrictReportReturn(RegionalReview):
    title = _("Вернуть ответ на доработку")
    submit_label = _("Вернуть на доработку")
    success_message = _("Ответ возвращён муниципальному образованию с комментарием.")
    comment_required = True

    def step(self, answer, **kwargs):
        regional.return_report(answer, **kwargs)


urlpatterns = [
    path("regional/", RegionalCampaignList.as_view(), name="regional_list"),
    path("regional/export/", RegionalCampaignList.as_view(export=True), name="regional_export"),
    path("regional/new/", RegionalCampaignCreate.as_view(), name="regional_create"),
    path("regional/<int:pk>/", RegionalCampaignDetail.as_view(), name="regional_detail"),
    path("regional/answers/<int:pk>/send/", DistrictReportSend.as_view(), name="district_report_send"),
    path("regional/answers/<int:pk>/accept/", DistrictReportAccept.as_view(), name="district_report_accept"),
    path("regional/answers/<int:pk>/return/", DistrictReportReturn.as_view(), name="district_report_return"),
]
