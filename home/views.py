from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from core import access
from home.attention import attention_for, may_see_attention, open_concerns
from home.selectors import home_figures_for

HOME_TEMPLATES = {
    "methodist": "home/home_methodist.html",
    "coordinator": "home/home_coordinator.html",
    "department": "home/home_department.html",
}


@login_required
def home(request):
    """Each role's own home page, with figures from the database."""
    template = HOME_TEMPLATES.get(access.role_of(request.user), "home/home_department.html")
    context = {"figures": home_figures_for(request.user), "title": "Главная"}
    if may_see_attention(request.user):
        context["concerns"] = open_concerns(attention_for(request.user))
    return render(request, template, context)


@login_required
def attention(request):
    """«Требует внимания»: what is overdue or missing, each line a link to the record."""
    if not may_see_attention(request.user):
        raise PermissionDenied
    concerns = attention_for(request.user)
    context = {
        "title": "Требует внимания",
        "concerns": open_concerns(concerns),
        "resolved": [c for c in concerns if not c.count],
    }
    return render(request, "home/attention.html", context)
