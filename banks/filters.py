from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from banks.models import (
    DocumentKind,
    DocumentLevel,
    MentoringProgram,
    NormativeDocument,
    Practice,
    PracticeStatus,
    ProgramStatus,
)
from banks.selectors import search_practices
from directory.filters import OrganizationChoiceFilter, SearchFilter, YesNoFilter
from directory.models import AcademicYear, MentoringForm, Organization


def form_filter() -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        field_name="forms",
        label=_("Форма наставничества"),
        queryset=MentoringForm.objects.all(),
        distinct=True,
    )


class PracticeSearchFilter(django_filters.CharFilter):
    """Search over the title and the text; Russian word forms on PostgreSQL."""

    def __init__(self, **kwargs):
        super().__init__(label=_("Поиск"), method=self.search, **kwargs)

    def search(self, queryset, name, value):
        return search_practices(queryset, value)


class PublicPracticeFilter(django_filters.FilterSet):
    """The showcase's filters: everything here is already published."""

    q = PracticeSearchFilter()
    form = form_filter()
    organization = django_filters.ModelChoiceFilter(
        label=_("Организация"), queryset=Organization.objects.filter(is_active=True)
    )
    year = django_filters.ModelChoiceFilter(label=_("Учебный год"), queryset=AcademicYear.objects.all())
    is_best = YesNoFilter(label=_("Лучшая практика"))

    class Meta:
        model = Practice
        fields = []


class PracticeFilter(PublicPracticeFilter):
    organization = OrganizationChoiceFilter()
    status = django_filters.ChoiceFilter(label=_("Состояние"), choices=PracticeStatus.choices)
    tag = SearchFilter("tags", label=_("Метка"))
    sort = django_filters.OrderingFilter(
        label=_("Сортировка"),
        fields=(
            ("updated_at", "updated"),
            ("sort_name", "title"),
            ("organization__sort_name", "organization"),
        ),
        field_labels={
            "updated_at": _("дата изменения"),
            "sort_name": _("название"),
            "organization__sort_name": _("организация"),
        },
    )


class ProgramFilter(django_filters.FilterSet):
    q = SearchFilter("title", "order_number", label=_("Название или приказ"))
    organization = OrganizationChoiceFilter()
    form = form_filter()
    status = django_filters.ChoiceFilter(label=_("Статус"), choices=ProgramStatus.choices)
    sort = django_filters.OrderingFilter(
        label=_("Сортировка"),
        fields=(("starts_on", "starts"), ("sort_name", "title"), ("organization__sort_name", "organization")),
        field_labels={
            "starts_on": _("начало действия"),
            "sort_name": _("название"),
            "organization__sort_name": _("организация"),
        },
    )

    class Meta:
        model = MentoringProgram
        fields = []


class DocumentFilter(django_filters.FilterSet):
    q = SearchFilter("title", "number", "issuer", "note")
    level = django_filters.ChoiceFilter(label=_("Уровень"), choices=DocumentLevel.choices)
    kind = django_filters.ChoiceFilter(label=_("Вид"), choices=DocumentKind.choices)
    sort = django_filters.OrderingFilter(
        label=_("Сортировка"),
        fields=(("issued_on", "date"), ("level", "level")),
        field_labels={"issued_on": _("дата"), "level": _("уровень")},
    )

    class Meta:
        model = NormativeDocument
        fields = []
