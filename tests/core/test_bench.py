"""The measuring tools of `make bench` measure what they say: the child's own memory, the browser's form."""

from __future__ import annotations

import subprocess
import sys
import urllib.parse

from django.conf import settings
from django.forms.models import model_to_dict
from django.test import Client, override_settings
from django.urls import reverse

from bench.exports import peak_rss_kb
from bench.load import FormFields
from core.access import Role
from directory.models import Organization
from tests.factories import OrganizationFactory, PersonFactory, UserFactory

CHILD = "from bench.exports import peak_rss_kb; print(peak_rss_kb())"


def test_a_child_reports_its_own_peak_memory_not_its_parents():
    ballast = bytearray(300 * 1024 * 1024)  # the parent touches 300 MB before starting the child
    ballast[::4096] = b"x" * len(ballast[::4096])
    child = subprocess.run(
        [sys.executable, "-c", CHILD], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
    )
    assert peak_rss_kb() > 300 * 1024
    assert int(child.stdout) < 150 * 1024
    del ballast


def test_the_load_run_posts_the_edit_form_back_as_a_browser_would(as_methodist, school_a):
    """Selects, the organisation picker, dates and check boxes are all read back from the page: an
    unchanged form posted back saves and changes nothing (a field missed would fail validation)."""
    person = PersonFactory(organization=school_a, position="Учитель математики", subjects="алгебра")
    before = model_to_dict(person)
    url = reverse("registry:person_update", args=[person.pk])
    page = as_methodist.get(url)
    parser = FormFields()
    parser.feed(page.content.decode())
    sent = dict(parser.main_form())
    assert {"csrfmiddlewaretoken", "last_name", "category", "organization"} <= set(sent)

    response = as_methodist.post(
        url, urllib.parse.urlencode(parser.main_form()), content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 302, response.context["form"].errors
    person.refresh_from_db()
    assert model_to_dict(person) == before


def test_every_list_has_an_admin_change_list_to_be_measured_against():
    from bench.urls import list_views, site

    views = list_views()
    assert {"registry:person_list", "banks:practice_list", "websites:check_list"} <= set(views)
    assert not any(name.endswith("export") for name in views)
    for name, view in views.items():
        model_admin = site._registry[view.model]
        assert model_admin.list_per_page == settings.PAGE_SIZE, name
        if type(model_admin).__name__.startswith("Bench"):  # mirrored from our list: its columns
            titles = [column.short_description for column in model_admin.list_display]
            assert titles == [str(column.title) for column in view.columns], name


@override_settings(ROOT_URLCONF="bench.urls")
def test_a_mirrored_change_list_shows_our_columns_over_our_rows(school_a):
    admin = UserFactory(username="root-admin", is_staff=True, is_superuser=True)
    person = PersonFactory(organization=school_a, last_name="Бенчева", position="Учитель химии")
    client = Client()
    client.force_login(admin)

    page = client.get(reverse("benchadmin:registry_person_changelist")).content.decode()

    assert "Бенчева" in page and "Учитель химии" in page and school_a.short_name in page
    assert person.get_category_display() in page


def test_the_bench_measures_the_methodologist_and_a_coordinator_of_the_largest_district(
    school_a, methodist, other_district, methodist_other
):
    """A methodologist reads one district: the bench takes the largest one's, and a coordinator of a school
    there, so that both open the same records."""
    from bench.data import bench_users

    for name in ("Школа Л1", "Школа Л2"):
        OrganizationFactory(district=other_district, short_name=name, full_name=f"МБОУ «{name}»")
    coordinator = UserFactory(
        username="kurator-les",
        role=Role.COORDINATOR,
        organization=Organization.objects.get(short_name="Школа Л2"),
    )
    UserFactory(username="kurator-kir", role=Role.COORDINATOR, organization=school_a)
    UserFactory(username="otdel", role=Role.DEPARTMENT)
    UserFactory(username="krai", role=Role.REGION)
    UserFactory(username="admin", role=Role.ADMIN)

    users = bench_users()

    assert users["methodist"] == methodist_other and users["coordinator"] == coordinator
    assert users["region"].username == "krai" and users["department"].username == "otdel"
