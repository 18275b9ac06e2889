from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from directory.filters import OrganizationChoiceFilter, SearchFilter, YesNoFilter
from websites.models import ChecklistItem, CheckRound, WebsiteCheck


class CheckFilter(django_filters.FilterSet):
    round = django_filters.ModelChoiceFilter(label=_("Проверка"), queryset=CheckRound.objects.all())
    organization = OrganizationChoiceFilter()

    class Meta:
        model = WebsiteCheck
        fields = ["round", "organization"]


class ChecklistFilter(django_filters.FilterSet):
    q = SearchFilter("title", "keywords")
    is_active = YesNoFilter(label=_("Проверяется"))

    class Meta:
        model = ChecklistItem
        fields = ["q", "is_active"]


class RoundFilter(django_filters.FilterSet):
    q = SearchFilter("title")

    class Meta:
        model = CheckRound
        fields = ["q"]
