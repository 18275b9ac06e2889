"""A pedagogue who leaves the district's education («Уволился») leaves the current lists and pickers, and is
found again with «Показать уволенных»; their pairs, periods and card stay."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from careers.services import dismiss_person
from registry.matching import candidates_for
from registry.models import Mentee, Mentor, Person
from tests.factories import MenteeFactory, MentorFactory, MentoringFormFactory, PairFactory, PersonFactory
from tests.helpers import count_queries

LISTS = ("registry:person_list", "registry:mentor_list", "registry:mentee_list")


def young_person(organization, **fields) -> Person:
    today = timezone.localdate()
    return PersonFactory(
        organization=organization,
        birth_date=today.replace(year=today.year - 25),
        birth_year=None,
        experience_start=today - datetime.timedelta(days=400),
        **fields,
    )


@pytest.fixture
def leaver(school_a) -> Person:
    """A young pedagogue of school A who mentors a pupil and is a mentee herself."""
    MentoringFormFactory()
    person = young_person(school_a, last_name="Уходова", first_name="Вера", middle_name="Павловна")
    mentor = MentorFactory(person=person, max_mentees=5)
    PairFactory(
        mentor=mentor, mentees=[MenteeFactory(person__organization=school_a, person__last_name="Ученикова")]
    )
    MenteeFactory(person=person)
    return person


def seen(client, leaver, school_a) -> dict[str, bool]:
    """Where the leaver's name appears: each list, the young bank, the person picker, the pair form's
    choices, the mentor a colleague is matched with."""
    pages = {name: client.get(reverse(name)).content.decode() for name in (*LISTS, "registry:young")}
    found = {name: "Уходова" in page for name, page in pages.items()}
    results = client.get(reverse("registry:person_search"), {"q": "Уход"}).json()["results"]
    found["picker"] = any("Уходова" in result["label"] for result in results)
    form = client.get(reverse("registry:pair_create"), {"organization": school_a.pk}).content.decode()
    found["pair_form"] = "Уходова" in form
    colleague = Person.objects.get(last_name="Новикова")
    found["match"] = any(c.mentor.person_id == leaver.pk for c in candidates_for(client.user, colleague))
    return found


def test_dismissed_pedagogue_leaves_every_current_list_and_picker(personas, coordinator_a, leaver, school_a):
    young_person(school_a, last_name="Новикова", middle_name="Ивановна")
    client = personas["coord_a"]
    client.user = coordinator_a
    assert all(seen(client, leaver, school_a).values()), seen(client, leaver, school_a)

    today = timezone.localdate()
    dismiss_person(leaver, on=today + datetime.timedelta(days=10), note="уходит в конце месяца")
    assert all(seen(client, leaver, school_a).values())  # dated ahead: still works until that day

    leaver.employment.update(ended_on=today - datetime.timedelta(days=1))  # the day has come
    assert not any(seen(client, leaver, school_a).values()), seen(client, leaver, school_a)

    # History stays: the card, the periods of work, the pair and its pupil.
    card = client.get(reverse("registry:person_detail", args=[leaver.pk])).content.decode()
    assert "Уходова" in card
    assert f"Уволен(а): последний рабочий день {today - datetime.timedelta(days=1):%d.%m.%Y}" in card
    career = client.get(reverse("careers:person_career", args=[leaver.pk])).content.decode()
    assert "уходит в конце месяца" in career
    pairs = client.get(reverse("registry:pair_list")).content.decode()
    assert "Уходова" in pairs and "Ученикова" in pairs


def test_show_dismissed_filter_brings_them_back(personas, leaver, school_a):
    stayer = PersonFactory(organization=school_a, last_name="Оставалова")
    MentorFactory(person=stayer)
    MenteeFactory(person=stayer)
    dismiss_person(leaver, on=timezone.localdate() - datetime.timedelta(days=1))
    client = personas["methodist"]
    for name in LISTS:
        assert "Уходова" not in client.get(reverse(name)).content.decode(), name
        both = client.get(reverse(name), {"dismissed": "all"}).content.decode()
        assert "Уходова" in both and "Оставалова" in both, name
        only = client.get(reverse(name), {"dismissed": "only"}).content.decode()
        assert "Уходова" in only and "Оставалова" not in only, name
    assert "Показать уволенных" in client.get(reverse("registry:person_list")).content.decode()


def test_one_queryset_method_for_people_mentors_and_mentees(leaver):
    dismiss_person(leaver, on=timezone.localdate() - datetime.timedelta(days=1))
    assert not Person.objects.working().filter(pk=leaver.pk).exists()
    assert list(Person.objects.dismissed()) == [leaver]
    assert list(Mentor.objects.dismissed().values_list("person", flat=True)) == [leaver.pk]
    assert list(Mentee.objects.dismissed().values_list("person", flat=True)) == [leaver.pk]
    # Before the dismissal, on a day of the past, they worked: past years' lists and figures keep them.
    past = timezone.localdate() - datetime.timedelta(days=30)
    assert Person.objects.working(past).filter(pk=leaver.pk).exists()
    assert Person.objects.young(past).filter(pk=leaver.pk).exists()


@pytest.mark.parametrize("query", ["", "?dismissed=all", "?dismissed=only"])
def test_lists_with_dismissed_keep_their_query_count(personas, school_a, query):
    def add(n):
        for _ in range(n):
            for person in (PersonFactory(organization=school_a), PersonFactory(organization=school_a)):
                MentorFactory(person=person)
                MenteeFactory(person=person)
            dismiss_person(person, on=timezone.localdate() - datetime.timedelta(days=1))

    add(2)
    urls = [reverse(name) + query for name in LISTS]
    first = [count_queries(personas["coord_a"], url) for url in urls]
    add(6)
    assert [count_queries(personas["coord_a"], url) for url in urls] == first
