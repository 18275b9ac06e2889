"""The people search behind the person pickers of forms: a region has 50,000 people, too many for a list."""

from __future__ import annotations

from django.urls import path

from core.generic import PickerSearchView
from core.pickers import person_label
from directory.filters import matching
from directory.models import PersonCategory
from registry import selectors
from registry.filters import NAME_FIELDS


class PersonSearch(PickerSearchView):
    """?q=Иван Пет — people of the user's scope who work now (pickers choose people for new records), by
    name; ?adults=1 leaves pupils out."""

    def found(self, query: str):
        people = selectors.people_for(self.request.user).filter(is_anonymised=False).working()
        if self.request.GET.get("adults"):
            people = people.exclude(category=PersonCategory.PUPIL)
        return matching(people, query, NAME_FIELDS).order_by("sort_name", "pk")

    def label(self, record) -> str:
        return person_label(record)


urlpatterns = [path("people/search/", PersonSearch.as_view(), name="person_search")]
