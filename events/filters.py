from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from directory.filters import OrganizationChoiceFilter, SearchFilter
from directory.models import AcademicYear, Organization
from events.models import Event, EventKind, Nomination, NominationStatus, Partner, PartnerKind, Training
from registry.filters import person_fields


class YearFilter(django_filters.ModelChoiceFilter):
    def __init__(self, **kwargs):
        kwargs.setdefault("field_name", "year")
        super().__init__(label=_("Учебный год"), queryset=AcademicYear.objects.all(), **kwargs)


class EventFilter(django_filters.FilterSet):
    q = SearchFilter("title", "description", "place", label=_("Название, место, описание"))
    kind = django_filters.ChoiceFilter(label=_("Вид"), choices=EventKind.choices)
    year = YearFilter()
    organizer = django_filters.ModelChoiceFilter(
        label=_("Организатор"),
        queryset=Organization.objects.filter(organized_events__isnull=False).distinct(),
    )
    sort = django_filters.OrderingFilter(
        label=_("Сортировка"),
        fields=(
            ("starts_on", "date"),
            ("sort_name", "title"),
            ("kind", "kind"),
            ("participant_count", "size"),
        ),
        field_labels={
            "starts_on": _("дата"),
            "sort_name": _("название"),
            "kind": _("вид"),
            "participant_count": _("число участников"),
        },
    )

    class Meta:
        model = Event
        fields = []


class TrainingFilter(django_filters.FilterSet):
    q = SearchFilter(*person_fields("person__"), "title", label=_("ФИО или курс"))
    organization = OrganizationChoiceFilter("person__organization")
    year = YearFilter()
    provider = SearchFilter("provider", label=_("Кто проводил"))
    sort = django_filters.OrderingFilter(
        label=_("Сортировка"),
        fields=(("ends_on", "date"), ("person__sort_name", "name"), ("hours", "hours")),
        field_labels={"ends_on": _("дата окончания"), "person__sort_name": _("ФИО"), "hours": _("часы")},
    )

    class Meta:
        model = Training
        fields = []


class PartnerFilter(django_filters.FilterSet):
    q = SearchFilter("name", "contact_person", "note", label=_("Наименование или контакт"))
    kind = django_filters.ChoiceFilter(label=_("Вид"), choices=PartnerKind.choices)
    sort = django_filters.OrderingFilter(
        label=_("Сортировка"),
        fields=(("sort_name", "name"), ("last_interaction", "last"), ("interaction_count", "count")),
        field_labels={
            "sort_name": _("наименование"),
            "last_interaction": _("последнее взаимодействие"),
            "interaction_count": _("число взаимодействий"),
        },
    )

    class Meta:
        model = Partner
        fields = []


class NominationFilter(django_filters.FilterSet):
    q = SearchFilter(*person_fields("person__"), "event__title", label=_("ФИО или мероприятие"))
    status = django_filters.ChoiceFilter(label=_("Состояние"), choices=NominationStatus.choices)
    organization = OrganizationChoiceFilter("organization")
    year = YearFilter(field_name="event__year")

    class Meta:
        model = Nomination
        fields = []
