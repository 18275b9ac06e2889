from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.columns import Column
from core.generic import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedUpdateView
from registry import selectors
from registry.filters import MentorFilter
from registry.forms import MentorForm
from registry.models import Mentor
from registry.views.common import MENTORS


class MentorView:
    coordinator_edits = True  # coordinators edit their own organisation's records
    model = Mentor
    org_field = selectors.MEMBER_ORG
    breadcrumbs = (MENTORS,)

    def get_queryset(self):
        return selectors.mentors_for(self.request.user)


class MentorList(MentorView, ScopedListView):
    title = _("Банк наставников")
    breadcrumbs = ()
    filterset_class = MentorFilter
    export_name = "банк_наставников"
    create_url_name = "registry:mentor_create"
    export_url_name = "registry:mentor_export"
    columns = (
        Column(_("ФИО"), "person.full_name", link=True),
        Column(_("Организация"), "person.organization.short_name"),
        Column(_("Год рождения"), "person.year_of_birth"),
        Column(_("Дата вхождения"), "entered_on"),
        Column(_("Компетенции"), "competences"),
        Column(_("Наставляемых сейчас"), "load"),
        Column(_("Не больше"), "max_mentees"),
        Column(_("Статус"), "get_status_display"),
    )


class MentorDetail(MentorView, ScopedDetailView):
    template_name = "registry/mentor_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pairs"] = list(selectors.pairs_for(self.request.user).filter(mentor=self.object))
        return context


class MentorCreate(MentorView, ScopedCreateView):
    form_class = MentorForm
    title = _("Новый наставник")

    def get_initial(self):
        return {**super().get_initial(), "person": self.request.GET.get("person")}


class MentorUpdate(MentorView, ScopedUpdateView):
    form_class = MentorForm
    title = _("Изменение записи наставника")


urlpatterns = [
    path("mentors/", MentorList.as_view(), name="mentor_list"),
    path("mentors/export/", MentorList.as_view(export=True), name="mentor_export"),
    path("mentors/new/", MentorCreate.as_view(), name="mentor_create"),
    path("mentors/<int:pk>/", MentorDetail.as_view(), name="mentor_detail"),
    path("mentors/<int:pk>/edit/", MentorUpdate.as_view(), name="mentor_update"),
]
