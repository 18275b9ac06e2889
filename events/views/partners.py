"""Partners of the school (scientific and methodological centres, colleges, employers) and the work
with each of them."""

from __future__ import annotations

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.columns import Column
from core.generic import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedUpdateView
from events import selectors
from events.filters import PartnerFilter
from events.forms import InteractionForm, PartnerForm
from events.models import Interaction, Partner
from events.views.common import PARTNERS


class PartnerView:
    model = Partner
    breadcrumbs = (PARTNERS,)

    def get_queryset(self):
        return selectors.partners_for(self.request.user)


class PartnerList(PartnerView, ScopedListView):
    title = _("Партнёры")
    breadcrumbs = ()
    filterset_class = PartnerFilter
    export_name = "партнёры"
    create_url_name = "events:partner_create"
    export_url_name = "events:partner_export"
    columns = (
        Column(_("Наименование"), "name", link=True),
        Column(_("Вид"), "get_kind_display"),
        Column(_("Организация в справочнике"), "organization.short_name"),
        Column(_("Контакты"), "contacts"),
        Column(_("Взаимодействий"), "interaction_count"),
        Column(_("Последнее взаимодействие"), "last_interaction"),
    )


class PartnerDetail(PartnerView, ScopedDetailView):
    template_name = "events/partner_detail.html"

    def get_queryset(self):
        interactions = Interaction.objects.select_related("event")
        return super().get_queryset().prefetch_related(Prefetch("interactions", queryset=interactions))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["interactions"] = list(self.object.interactions.all())
        return context


class PartnerCreate(PartnerView, ScopedCreateView):
    form_class = PartnerForm
    title = _("Новый партнёр")


class PartnerUpdate(PartnerView, ScopedUpdateView):
    form_class = PartnerForm
    title = _("Изменение партнёра")


class InteractionView:
    model = Interaction

    def get_queryset(self):
        return selectors.interactions_for(self.request.user)

    def get_breadcrumbs(self):
        partner = self.object.partner
        return (PARTNERS, (str(partner), partner.get_absolute_url()))


class InteractionDetail(InteractionView, ScopedDetailView):
    template_name = "events/interaction_detail.html"


class InteractionCreate(InteractionView, ScopedCreateView):
    form_class = InteractionForm
    title = _("Новое взаимодействие")
    success_message = _("Взаимодействие сохранено.")

    def get_form_kwargs(self):
        partner = get_object_or_404(selectors.partners_for(self.request.user), pk=self.kwargs["partner_pk"])
        return {**super().get_form_kwargs(), "partner": partner}

    def get_breadcrumbs(self):
        return (PARTNERS,)

    def get_success_url(self):
        return self.object.partner.get_absolute_url()


class InteractionUpdate(InteractionView, ScopedUpdateView):
    form_class = InteractionForm
    title = _("Изменение взаимодействия")
    success_message = _("Взаимодействие сохранено.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partner": self.object.partner}

    def get_success_url(self):
        return self.object.partner.get_absolute_url()


urlpatterns = [
    path("partners/", PartnerList.as_view(), name="partner_list"),
    path("partners/export/", PartnerList.as_view(export=True), name="partner_export"),
    path("partners/new/", PartnerCreate.as_view(), name="partner_create"),
    path("partners/<int:pk>/", PartnerDetail.as_view(), name="partner_detail"),
    path("partners/<int:pk>/edit/", PartnerUpdate.as_view(), name="partner_update"),
    path(
        "partners/<int:partner_pk>/interactions/new/", InteractionCreate.as_view(), name="interaction_create"
    ),
    path("interactions/<int:pk>/", InteractionDetail.as_view(), name="interaction_detail"),
    path("interactions/<int:pk>/edit/", InteractionUpdate.as_view(), name="interaction_update"),
]
