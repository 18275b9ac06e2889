"""What the views of this app share: breadcrumbs."""

from __future__ import annotations

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

CAMPAIGNS = (_("Кампании"), reverse_lazy("submissions:campaign_list"))
SUBMISSIONS = (_("Отчёты организаций"), reverse_lazy("submissions:submission_list"))
