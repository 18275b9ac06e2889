"""Campaigns: the methodologist opens them and follows the board of every organisation's submission."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.columns import Column
from core.generic import (
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
    paginated,
)
from submissions import selectors
from submissions.filters import CampaignFilter
from submissions.forms import CampaignForm
from submissions.models import Campaign
from submissions.views.common import CAMPAIGNS


class CampaignView:
    region_reads = True  # figures and reports, no personal data
    district_only = True
    model = Campaign
    org_field = None
    breadcrumbs = (CAMPAIGNS,)

    def get_queryset(self):
        return selectors.campaigns_for(self.request.user)


class CampaignList(CampaignView, ScopedListView):
    title = _("Кампании сбора данных")
    breadcrumbs = ()
    export_name = "кампании"
    create_url_name = "submissions:campaign_create"
    export_url_name = "submissions:campaign_export"
    filterset_class = CampaignFilter
    columns = (
        Column(_("Название"), "title", link=True),
        Column(_("Учебный год"), "year.title"),
        Column(_("Срок"), "deadline"),
        Column(_("Организаций"), "total"),
        Column(_("Отправлено"), "sent"),
        Column(_("Принято"), "accepted"),
        Column(_("Просрочено"), "overdue"),
    )


class CampaignDetail(CampaignView, ScopedDetailView):
    template_name = "submissions/campaign_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(paginated(self.request, selectors.board_of(self.object), "board"))
        context["edit_url"] = "submissions:campaign_update"
        return context


class CampaignCreate(CampaignView, ScopedCreateView):
    form_class = CampaignForm
    title = _("Новая кампания сбора данных")
    success_message = _("Кампания открыта: каждой организации создан её отчёт.")


class CampaignUpdate(CampaignView, ScopedUpdateView):
    form_class = CampaignForm
    title = _("Изменение кампании")
    success_message = _("Кампания сохранена.")


urlpatterns = [
    path("campaigns/", CampaignList.as_view(), name="campaign_list"),
    path("campaigns/export/", CampaignList.as_view(export=True), name="campaign_export"),
    path("campaigns/new/", CampaignCreate.as_view(), name="campaign_create"),
    path("campaigns/<int:pk>/", CampaignDetail.as_view(), name="campaign_detail"),
    path("campaigns/<int:pk>/edit/", CampaignUpdate.as_view(), name="campaign_update"),
]
