"""The filters of the questionnaires and the survey rounds (what a methodologist narrows the lists by)."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from directory.filters import OrganizationChoiceFilter, SearchFilter, YesNoFilter
from directory.models import AcademicYear
from monitoring.models import Questionnaire, SurveyRound


class QuestionnaireFilter(django_filters.FilterSet):
    q = SearchFilter("title")
    is_active = YesNoFilter(label=_("Используется"))

    class Meta:
        model = Questionnaire
        fields = ["q", "respondent", "moment", "form", "is_active"]


class RoundFilter(django_filters.FilterSet):
    q = SearchFilter("title")
    year = django_filters.ModelChoiceFilter(label=_("Учебный год"), queryset=AcademicYear.objects.all())
    organization = OrganizationChoiceFilter()

    class Meta:
        model = SurveyRound
        fields = ["q", "year", "moment", "organization"]
