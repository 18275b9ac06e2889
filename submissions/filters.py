from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from directory.filters import OrganizationChoiceFilter
from directory.models import AcademicYear
from submissions.models import Campaign, Submission, SubmissionStatus


class CampaignFilter(django_filters.FilterSet):
    """Without it the list would filter by every field, the thousand organisations' select among them."""

    year = django_filters.ModelChoiceFilter(label=_("Учебный год"), queryset=AcademicYear.objects.all())

    class Meta:
        model = Campaign
        fields = ["year"]


class SubmissionFilter(django_filters.FilterSet):
    campaign = django_filters.ModelChoiceFilter(label=_("Кампания"), queryset=Campaign.objects.all())
    organization = OrganizationChoiceFilter()
    status = django_filters.ChoiceFilter(label=_("Состояние"), choices=SubmissionStatus.choices)
    ordering = django_filters.OrderingFilter(
        label=_("Сортировка"),
        fields=(("campaign__deadline", "deadline"), ("organization__sort_name", "organization")),
        field_labels={"deadline": _("срок"), "organization": _("организация")},
    )

    class Meta:
        model = Submission
        fields = ["campaign", "organization", "status"]
