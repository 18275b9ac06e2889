"""The public showcase: published practices, open without login — the open site's (public/) «Практики».

Nothing unpublished is found here, and an author's name is shown only with a publication consent in force.
Like every page of the open site it is the same for every visitor and cacheable (`core.public`).
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, View
from django_filters.views import FilterView

from banks import selectors
from banks.filters import PublicPracticeFilter
from banks.models import PracticeFile
from banks.views.common import serve
from core.generic import style_filters
from core.public import public_page


@method_decorator(public_page, name="dispatch")
class Showcase(FilterView):
    template_name = "banks/showcase.html"
    filterset_class = PublicPracticeFilter
    title = _("Банк наставнических практик Кировского муниципального района")

    def get_queryset(self):
        return selectors.published_practices().order_by("-is_best", "-published_on", "-id")

    def get_paginate_by(self, queryset):
        return settings.PAGE_SIZE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        style_filters(context["filter"])
        context["title"] = self.title
        context["section"] = "practices"
        context["description"] = _(
            "Опубликованные практики наставничества школ и детских садов района с поиском."
        )
        context["querystring"] = self.request.GET.urlencode()
        return context


@method_decorator(public_page, name="dispatch")
class ShowcaseDetail(DetailView):
    template_name = "banks/showcase_detail.html"
    context_object_name = "practice"

    def get_queryset(self):
        return selectors.published_practices()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = self.object.title
        context["section"] = "practices"
        context["description"] = self.object.description[:200]
        context["authors"] = selectors.public_authors(self.object)
        return context


@method_decorator(public_page, name="dispatch")
class ShowcaseFile(View):
    def get(self, request, pk):
        attachment = get_object_or_404(
            PracticeFile, pk=pk, practice__in=selectors.published_practices().values("pk")
        )
        return serve(attachment.file, attachment.name)


urlpatterns = [
    path("showcase/", Showcase.as_view(), name="showcase"),
    path("showcase/<int:pk>/", ShowcaseDetail.as_view(), name="showcase_detail"),
    path("showcase/files/<int:pk>/", ShowcaseFile.as_view(), name="showcase_file"),
]
