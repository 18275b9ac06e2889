from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.columns import Column
from core.generic import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedUpdateView
from registry import selectors
from registry.filters import MenteeFilter
from registry.forms import MenteeForm
from registry.models import Mentee
from registry.views.common import MENTEES


class MenteeView:
    coordinator_edits = True  # coordinators edit their own organisation's records
    model = Mentee
    org_field = selectors.MEMBER_ORG
    breadcrumbs = (MENTEES,)

    def get_queryset(self):
        return selectors.mentees_for(self.request.user)


class MenteeList(MenteeView, ScopedListView):
    title = _("База наставляемых")
    breadcrumbs = ()
    filterset_class = MenteeFilter
    export_name = "база_наставляемых"
    create_url_name = "registry:mentee_create"
    export_url_name = "registry:mentee_export"

    def get_queryset(self):
        return selectors.mentees_listed_for(self.request.user)

    columns = (
        Column(_("ФИО"), "person.full_name", link=True),
        Column(_("Организация"), "person.organization.short_name"),
        Column(_("Категория"), "person.get_category_display"),
        Column(_("Год рождения"), "person.year_of_birth"),
        Column(_("Дата вхождения"), "entered_on"),
        Column(_("Основной запрос"), "main_request"),
        Column(_("Есть наставник"), "has_mentor"),
        Column(_("Статус"), "get_status_display"),
    )


class MenteeDetail(MenteeView, ScopedDetailView):
    template_name = "registry/mentee_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pairs"] = list(selectors.pairs_for(self.request.user).filter(mentees=self.object))
        return context


class MenteeCreate(MenteeView, ScopedCreateView):
    form_class = MenteeForm
    title = _("Новый наставляемый")

    def get_initial(self):
        return {**super().get_initial(), "person": self.request.GET.get("person")}


class MenteeUpdate(MenteeView, ScopedUpdateView):
    form_class = MenteeForm
    title = _("Изменение записи наставляемого")


urlpatterns = [
    path("mentees/", MenteeList.as_view(), name="mentee_list"),
    path("mentees/export/", MenteeList.as_view(export=True), name="mentee_export"),
    path("mentees/new/", MenteeCreate.as_view(), name="mentee_create"),
    path("mentees/<int:pk>/", MenteeDetail.as_view(), name="mentee_detail"),
    path("mentees/<int:pk>/edit/", MenteeUpdate.as_view(), name="mentee_update"),
]
