from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from core import access
from home.attention import attention_for, kept_attention_for, may_see_attention, open_concerns
from home.digest import send_digests_task, user_of_token
from home.documentation import documentation_for
from home.selectors import home_figures_for
from reports.forms import latest_year
from reports.region import headers, kept_summary_for

HOME_TEMPLATES = {
    "methodist": "home/home_methodist.html",
    "coordinator": "home/home_coordinator.html",
    "department": "home/home_department.html",
    "region": "home/home_region.html",
}


@login_required
def home(request):
    """Each role's own home page, with figures from the database."""
    template = HOME_TEMPLATES.get(access.role_of(request.user), "home/home_department.html")
    context = {"figures": home_figures_for(request.user), "title": "Главная"}
    if access.is_region(request.user):
        context.update(region_home(request.user))
    if may_see_attention(request.user):
        context["concerns"] = open_concerns(kept_attention_for(request.user))
    return render(request, template, context)


def region_home(user) -> dict:
    """The region's home: a row per district for the current school year."""
    year = latest_year()
    rows, total = kept_summary_for(user, year) if year else ([], None)
    return {
        "region_name": settings.MSHN_REGION_NAME,
        "year": year,
        "rows": rows,
        "total": total,
        "headers": headers(),
    }


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
        "may_send_digest": access.is_methodist(request.user),
    }
    return render(request, "home/attention.html", context)


@login_required
def documentation(request):
    """«Документация МШН»: the five documents of regulation section 4 for the current year, and what is missing."""
    if not access.reads_everything(request.user) or access.is_region(request.user):
        raise PermissionDenied  # the school's own documents; a coordinator has their organisation's pages
    year, duties = documentation_for(request.user, timezone.localdate())
    context = {"title": "Документация МШН", "year": year, "duties": duties}
    return render(request, "home/documentation.html", context)


@require_POST
@login_required
def digest_send(request):
    """The methodologist sends the digest now; the worker builds and mails it."""
    if not access.is_methodist(request.user):
        raise PermissionDenied
    send_digests_task.enqueue()
    messages.success(request, "Сводка «Требует внимания» поставлена в очередь: кураторы получат её по почте.")
    return redirect("attention")


@require_http_methods(["GET", "POST"])
def digest_unsubscribe(request, token: str):
    """Public on purpose: the link in the mail works without signing in; the signed token names the user."""
    user = user_of_token(token)
    if user is None:
        raise Http404
    if request.method == "POST":
        user.digest_subscribed = False
        user.save(update_fields=["digest_subscribed"])
        return render(request, "home/digest_unsubscribe.html", {"title": "Отписка", "done": True})
    return render(request, "home/digest_unsubscribe.html", {"title": "Отписка", "subscriber": user})
