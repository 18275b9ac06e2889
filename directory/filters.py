from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core import access
from core.pickers import OrganizationPicker
from core.russian import yo_as_ye
from core.widgets import FastSelect
from directory.models import (
    AcademicYear,
    District,
    DistrictKind,
    FormSource,
    MentoringForm,
    Organization,
    OrganizationKind,
)

YES_NO = ((True, _("да")), (False, _("нет")))


def matching(queryset, value: str, fields: tuple[str, ...]):
    """Rows where every word of `value` is found in one of the fields, capital or small letters and «ё» or «е»
    alike («Березовский» finds «Берёзовский» and the reverse)."""
    query = Q()
    for word in yo_as_ye(value).split():
        word_query = Q()
        for field in fields:
            word_query |= Q(**{f"{field}__yo__icontains": word})
        query &= word_query
    return queryset.filter(query)


class SearchFilter(django_filters.CharFilter):
    """Case-insensitive search over several text fields."""

    def __init__(self, *fields: str, **kwargs):
        kwargs.setdefault("label", _("Поиск"))
        super().__init__(method=self.search, **kwargs)
        self.search_fields = fields

    def search(self, queryset, name, value):
        return matching(queryset, value, self.search_fields)


def scoped_organizations(request):
    if request is None:
        return Organization.objects.none()
    return access.scope(request.user, Organization.objects.only("id", "short_name"), "id")


class OrganizationChoiceFilter(django_filters.ModelChoiceFilter):
    """The records of one organisation among those the user may read, found by a search box (a region has
    a thousand; `directory:organization_search`). A coordinator reads one organisation: not offered to them."""

    shown_to_coordinators = False

    def __init__(self, field_name="organization", **kwargs):
        kwargs.setdefault("label", _("Организация"))
        super().__init__(
            field_name=field_name, queryset=scoped_organizations, widget=OrganizationPicker, **kwargs
        )


class YesNoWidget(django_filters.widgets.BooleanWidget, FastSelect):
    """да / нет / все, its three options written in Python like every select of a list's filters."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("", _("все")), ("true", _("да")), ("false", _("нет"))]


class YesNoFilter(django_filters.BooleanFilter):
    """A yes/no/any filter with Russian choices."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", YesNoWidget)
        super().__init__(*args, **kwargs)


def scoped_districts(request):
    return access.scope(request.user, District.objects.only("id", "name"), None)


class DistrictChoiceFilter(django_filters.ModelChoiceFilter):
    """The district, for the region and the administrator (a district's own staff have one)."""

    shown_to_coordinators = False

    def __init__(self, **kwargs):
        super().__init__(label=_("Муниципальное образование"), queryset=scoped_districts, **kwargs)


class DistrictFilter(django_filters.FilterSet):
    q = SearchFilter("name")
    kind = django_filters.ChoiceFilter(label=_("Вид"), choices=DistrictKind.choices)
    is_active = YesNoFilter(label=_("Действует"))

    class Meta:
        model = District
        fields = []


class OrganizationFilter(django_filters.FilterSet):
    q = SearchFilter("full_name", "short_name", "address", "head_name", "curator_name")
    district = DistrictChoiceFilter()
    kind = django_filters.ChoiceFilter(label=_("Вид"), choices=OrganizationKind.choices)
    is_base_school = YesNoFilter(label=_("Базовая школа"))
    is_internship_site = YesNoFilter(label=_("Стажировочная площадка"))
    is_active = YesNoFilter(label=_("Действует"))
    sort = django_filters.OrderingFilter(
        label=_("Сортировка"),
        fields=(("sort_name", "short_name"), ("kind", "kind")),
        field_labels={"sort_name": _("наименование"), "kind": _("вид")},
    )

    class Meta:
        model = Organization
        fields = []


class MentoringFormFilter(django_filters.FilterSet):
    q = SearchFilter("name", "description")
    source = django_filters.ChoiceFilter(label=_("Источник"), choices=FormSource.choices)
    is_active = YesNoFilter(label=_("Используется"))

    class Meta:
        model = MentoringForm
        fields = []


class AcademicYearFilter(django_filters.FilterSet):
    q = SearchFilter("note")

    class Meta:
        model = AcademicYear
        fields = []
