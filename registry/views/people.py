from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.columns import Column
from core.generic import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedUpdateView
from core.russian import Case
from registry import audit, selectors
from registry.filters import PersonFilter
from registry.forms import ConsentForm, PersonForm, PersonNameFormsForm
from registry.models import Consent, PairStatus, Person
from registry.views.common import PEOPLE, person_for


class PersonView:
    coordinator_edits = True  # coordinators edit their own organisation's records
    model = Person
    org_field = selectors.PERSON_ORG
    breadcrumbs = (PEOPLE,)

    def get_queryset(self):
        return selectors.people_for(self.request.user)


class PersonList(PersonView, ScopedListView):
    title = _("Люди")
    breadcrumbs = ()
    filterset_class = PersonFilter
    export_name = "люди"
    create_url_name = "registry:person_create"
    export_url_name = "registry:person_export"
    import_url_name = "registry:person_import"

    def get_queryset(self):
        return selectors.people_listed_for(self.request.user)

    columns = (
        Column(_("ФИО"), "full_name", link=True),
        Column(_("Категория"), "get_category_display"),
        Column(_("Организация"), "organization.short_name"),
        Column(_("Год рождения"), "year_of_birth"),
        Column(_("Должность / класс"), lambda p: p.position or p.class_or_group),
        Column(_("Есть наставник"), "has_mentor"),
        Column(_("Согласие на обработку ПД"), "has_consent"),
    )


class PersonDetail(PersonView, ScopedDetailView):
    template_name = "registry/person_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("mentor", "mentee")

    def get_object(self, queryset=None):
        person = super().get_object(queryset)
        if not audit.may_open_card(self.request.user, person):
            raise PermissionDenied
        return person

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        context["may_export"] = audit.may_export_personal_data(self.request.user)
        pairs = selectors.pairs_for(self.request.user)
        context["consents"] = list(person.consents.all())
        context["mentor"] = mentor = _one(person, "mentor")
        context["mentee"] = mentee = _one(person, "mentee")
        context["mentor_pairs"] = list(pairs.filter(mentor=mentor)) if mentor else []
        context["mentee_pairs"] = list(pairs.filter(mentees=mentee)) if mentee else []
        context["is_young"] = person.is_young_on(timezone.localdate())
        context["left_on"] = person.left_on()
        # «Подобрать наставника» for a young pedagogue or a mentee who has no active pair yet.
        has_mentor = any(p.status == PairStatus.ACTIVE for p in context["mentee_pairs"])
        context["may_match"] = (context["is_young"] or mentee is not None) and not has_mentor
        audit.log_view(self.request.user, person)
        context["card_views"] = audit.card_views_for(self.request.user, person)
        context["declined"] = [
            (case.label, person.name_in(case), bool(getattr(person, f"name_{case}"))) for case in Case
        ]
        return context


def _one(person, name):
    """The person's mentor or mentee record, or None (a reverse one-to-one raises when absent)."""
    return getattr(person, name) if hasattr(person, name) else None


class PersonCreate(PersonView, ScopedCreateView):
    form_class = PersonForm
    title = _("Новый человек")


class PersonUpdate(PersonView, ScopedUpdateView):
    form_class = PersonForm
    title = _("Изменение данных человека")


class PersonNameForms(PersonView, ScopedUpdateView):
    """The methodologist corrects how documents decline a person's name (coordinators and the department: 403)."""

    coordinator_edits = False
    form_class = PersonNameFormsForm
    title = _("Склонение ФИО")

    def get_breadcrumbs(self):
        return (PEOPLE, (str(self.object), self.object.get_absolute_url()))


class ConsentCreate(PersonView, ScopedCreateView):
    model = Consent
    form_class = ConsentForm
    title = _("Новое согласие")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "person": person_for(self.request.user, self.kwargs["person_pk"]),
        }

    def get_success_url(self):
        return self.object.person.get_absolute_url()

    def get_context_data(self, **kwargs):
        person = person_for(self.request.user, self.kwargs["person_pk"])
        return {**super().get_context_data(**kwargs), "title": consent_title(person)}


def consent_title(person) -> str:
    """The form says whose consent it is."""
    return _("Согласие: %(name)s") % {"name": person.full_name}


class ConsentUpdate(PersonView, ScopedUpdateView):
    model = Consent
    form_class = ConsentForm
    title = _("Согласие")
    org_field = selectors.MEMBER_ORG

    def get_queryset(self):
        return selectors.consents_for(self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "person": self.object.person}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = f"{consent_title(self.object.person)} — {self.object}"
        context["object"] = None  # the heading names the consent already
        return context


urlpatterns = [
    path("people/", PersonList.as_view(), name="person_list"),
    path("people/export/", PersonList.as_view(export=True), name="person_export"),
    path("people/new/", PersonCreate.as_view(), name="person_create"),
    path("people/<int:pk>/", PersonDetail.as_view(), name="person_detail"),
    path("people/<int:pk>/edit/", PersonUpdate.as_view(), name="person_update"),
    path("people/<int:pk>/names/", PersonNameForms.as_view(), name="person_name_forms"),
    path("people/<int:person_pk>/consents/new/", ConsentCreate.as_view(), name="consent_create"),
    path("consents/<int:pk>/edit/", ConsentUpdate.as_view(), name="consent_update"),
]
