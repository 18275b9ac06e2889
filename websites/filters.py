from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from directory.filters import OrganizationChoiceFilter
from websites.models import CheckRound, WebsiteCheck


class CheckFilter(django_filters.FilterSet):
    round = django_filters.ModelChoiceFilter(label=_("Проверка"), queryset=CheckRound.objects.all())
    organization = OrganizationChoiceFilter()

    class Meta:
        model = WebsiteCheck
        fields = ["round", "organization"]
