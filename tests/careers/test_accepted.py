"""Accepted retention figures of the years before the registry, kept in the browser: the methodologist
enters and corrects them, the department reads, a coordinator is refused; the ledger counts them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from careers.models import AcceptedRetention
from tests.careers.factories import accepted_for
from tests.factories import AcademicYearFactory, OrganizationFactory
from tests.helpers import count_queries


@pytest.fixture
def year_2019(db):
    return AcademicYearFactory(start_year=2019)


def posted(year, organization, **fields) -> dict:
    return {"cohort_year": year.pk, "organization": organization.pk, "with_mentor": "on", "cohort": "8",
            "after_1": "7", "after_2": "6", "after_3": "", **fields}  # fmt: skip


def test_methodist_enters_figures_and_history_keeps_who(personas, methodist, year_2019, school_a):
    response = personas["methodist"].post(reverse("careers:accepted_create"), posted(year_2019, school_a))
    record = AcceptedRetention.objects.get()
    assert response["Location"] == record.get_absolute_url()
    assert (record.cohort, record.after_1, record.after_2, record.after_3) == (8, 7, 6, None)
    url = reverse("careers:accepted_update", args=[record.pk])
    version = personas["methodist"].get(url).context["form"].initial["_loaded_version"]
    personas["methodist"].post(url, {**posted(year_2019, school_a, after_3="5"), "_loaded_version": version})
    record.refresh_from_db()
    assert record.after_3 == 5
    assert [h.history_user for h in record.history.all()] == [methodist, methodist]
    detail = personas["department"].get(record.get_absolute_url()).content.decode()
    assert "Суровцева" in detail and "2019/2020" in detail and "Изменить" not in detail


def test_retained_more_than_the_cohort_is_refused_in_russian(personas, year_2019, school_a):
    response = personas["methodist"].post(
        reverse("careers:accepted_create"), posted(year_2019, school_a, after_2="9")
    )
    page = response.content.decode()
    assert "Работающих через 2 года не может быть больше, чем педагогов в когорте (8)." in page
    assert 'name="after_1" value="7"' in page  # the form comes back filled
    assert not AcceptedRetention.objects.exists()


def test_empty_cohort_and_second_entry_are_refused(personas, year_2019, school_a):
    url = reverse("careers:accepted_create")
    page = (
        personas["methodist"]
        .post(url, posted(year_2019, school_a, cohort="0", after_1="", after_2=""))
        .content
    )
    assert "В когорте должен быть хотя бы один молодой педагог." in page.decode()
    accepted_for(school_a, cohort_year=year_2019)
    page = personas["methodist"].post(url, posted(year_2019, school_a)).content.decode()
    assert "уже внесены: откройте их в списке и измените" in page
    assert AcceptedRetention.objects.count() == 1


def test_department_reads_and_coordinator_is_refused(personas, year_2019, school_a):
    accepted_for(school_a, cohort_year=year_2019)
    page = personas["department"].get(reverse("careers:accepted_list")).content.decode()
    assert "Школа А" in page and "2019/2020" in page and reverse("careers:accepted_create") not in page
    assert (
        personas["department"]
        .post(reverse("careers:accepted_create"), posted(year_2019, school_a))
        .status_code
        == 403
    )
    assert personas["coord_a"].get(reverse("careers:accepted_list")).status_code == 403
    assert AcceptedRetention.objects.count() == 1


def test_list_filters_by_cohort_year_and_organisation(personas, year_2019, school_a, school_b):
    accepted_for(school_a, cohort_year=year_2019)
    accepted_for(school_b, cohort_year=AcademicYearFactory(start_year=2020))
    url = reverse("careers:accepted_list")
    page = personas["methodist"].get(url, {"cohort_year": year_2019.pk}).content.decode()
    assert "Школа А" in page and "Школа Б" not in page
    page = personas["methodist"].get(url, {"organization": school_b.pk}).content.decode()
    assert "Школа Б" in page and "2019/2020</a>" not in page and "2020/2021</a>" in page


def test_ledger_page_links_to_the_figures_for_the_district_only(personas):
    link = reverse("careers:accepted_list")
    assert link in personas["methodist"].get(reverse("reports:retention")).content.decode()
    assert link not in personas["coord_a"].get(reverse("reports:retention")).content.decode()


def test_accepted_list_queries_do_not_grow(personas):
    def add(start, n):
        for offset in range(n):
            accepted_for(OrganizationFactory(), cohort_year=AcademicYearFactory(start_year=start + offset))

    add(2010, 2)
    url = reverse("careers:accepted_list")
    first = count_queries(personas["methodist"], url)
    add(2012, 6)
    assert count_queries(personas["methodist"], url) == first
