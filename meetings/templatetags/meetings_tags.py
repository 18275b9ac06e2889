"""The two-meetings warning for pages outside this app (the school year's page)."""

from __future__ import annotations

from django import template
from django.utils import timezone

from core import access
from meetings.selectors import two_meetings_status

register = template.Library()


@register.inclusion_tag("meetings/two_meetings.html", takes_context=True)
def two_meetings_warning(context, year):
    district_id = access.district_of(context["request"].user)
    return {"status": two_meetings_status(year, timezone.localdate(), district_id)}
