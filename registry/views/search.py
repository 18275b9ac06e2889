"""The people search behind the person pickers of forms: a region has 50,000 people, too many for a list."""

from __future__ import annotations

from django.http import JsonResponse
from django.urls import path
from django.views import View

from core.generic import AccessMixin
from core.pickers import person_label
from directory.filters import matching
from directory.models import PersonCategory
from registry import selectors
from registry.filters import NAME_FIELDS

RESULTS = 20
MIN_LENGTH = 2


class PersonSearch(AccessMixin, View):
    """?q=Иван Пет — up to 20 people of the user's scope, by name; ?adults=1 leaves pupils out."""

    def get(self, request):
        query = request.GET.get("q", "").strip()
        if len(query) < MIN_LENGTH:
            return JsonResponse({"results": []})
        people = selectors.people_for(request.user).filter(is_anonymised=False)
        if request.GET.get("adults"):
            people = people.exclude(category=PersonCategory.PUPIL)
        found = matching(people, query, NAME_FIELDS).order_by(*NAME_FIELDS, "pk")[:RESULTS]
        return JsonResponse({"results": [{"id": p.pk, "label": person_label(p)} for p in found]})


urlpatterns = [path("people/search/", PersonSearch.as_view(), name="person_search")]
