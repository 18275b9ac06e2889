"""What the views of this app share: breadcrumbs, district-only pages and the action-with-form page."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from accounts import access

CAMPAIGNS = (_("Кампании"), reverse_lazy("submissions:campaign_list"))
SUBMISSIONS = (_("Отчёты организаций"), reverse_lazy("submissions:submission_list"))
ROUNDS = (_("Проверка сайтов"), reverse_lazy("submissions:round_list"))
CHECKS = (_("Проверка сайта"), reverse_lazy("submissions:check_list"))
CHECKLIST = (_("Что должно быть на сайте"), reverse_lazy("submissions:checklist_list"))


class DistrictReaderMixin:
    """Pages about every organisation at once: the methodologist and the department read them,
    a coordinator is refused (their own organisation's part is on its own pages)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not access.reads_everything(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def paginated(request, queryset, name: str) -> dict:
    """A page of a detail page's table (a region's campaign or round has a thousand organisations), under
    `name`, with what templates/includes/pagination.html reads."""
    paginator = Paginator(queryset, settings.PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return {
        name: page.object_list,
        "page_obj": page,
        "paginator": paginator,
        "is_paginated": page.has_other_pages(),
    }
