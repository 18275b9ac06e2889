from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from directory.filters import SearchFilter, YesNoFilter
from directory.models import AcademicYear
from meetings.models import Meeting, MeetingStatus, RoadmapItem, RoadmapStatus, SupportPlan


class MeetingFilter(django_filters.FilterSet):
    q = SearchFilter("place", "agenda__topic", "guests", distinct=True)
    year = django_filters.ModelChoiceFilter(label=_("Учебный год"), queryset=AcademicYear.objects.all())
    status = django_filters.ChoiceFilter(label=_("Состояние"), choices=MeetingStatus.choices)
    sort = django_filters.OrderingFilter(
        label=_("Сортировка"),
        fields=(("date", "date"), ("number", "number")),
        field_labels={"date": _("дата"), "number": _("номер")},
    )

    class Meta:
        model = Meeting
        fields = []


class RoadmapFilter(django_filters.FilterSet):
    q = SearchFilter("activity", "stage", "expected_result", "responsible_text")
    year = django_filters.ModelChoiceFilter(label=_("Учебный год"), queryset=AcademicYear.objects.all())
    status = django_filters.ChoiceFilter(label=_("Статус"), choices=RoadmapStatus.choices)
    overdue = YesNoFilter(label=_("Просрочено"), method="by_overdue")
    sort = django_filters.OrderingFilter(
        label=_("Сортировка"),
        fields=(("position", "position"), ("due_on", "due_on")),
        field_labels={"position": _("№"), "due_on": _("срок")},
    )

    class Meta:
        model = RoadmapItem
        fields = []

    def by_overdue(self, queryset, name, value):
        return queryset.filter(overdue=value)


class SupportPlanFilter(django_filters.FilterSet):
    q = SearchFilter("title", "basis", "directions__title", "directions__items__activity", distinct=True)

    class Meta:
        model = SupportPlan
        fields = []
