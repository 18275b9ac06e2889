from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from core import access
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
    return render(request, template, {"figures": home_figures_for(request.user), "title": "Главная"})
