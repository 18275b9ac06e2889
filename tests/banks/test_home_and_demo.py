from __future__ import annotations

import random
from types import SimpleNamespace

from django.urls import reverse

from banks.models import MentoringProgram, NormativeDocument, Practice, PracticeStatus, ProgramTemplate
from banks.selectors import home_figures_for
from demo.district import banks as demo
from tests.banks.factories import MentoringProgramFactory, PracticeFactory, PublishedPracticeFactory
from tests.factories import AcademicYearFactory, OrganizationFactory, UserFactory


def test_home_figures_are_scoped(coordinator_a, methodist, school_a, school_b):
    PracticeFactory(organization=school_a, status=PracticeStatus.REVIEW)
    PracticeFactory(organization=school_b, status=PracticeStatus.REVIEW)
    PublishedPracticeFactory(organization=school_b, is_best=True)
    MentoringProgramFactory(organization=school_b)
    own = home_figures_for(coordinator_a)
    assert (own["practices_on_review"], own["practices_published"], own["practices_best"]) == (1, 1, 1)
    assert own["programs_active"] == 0 and own["documents"] == NormativeDocument.objects.count()
    assert home_figures_for(methodist)["practices_on_review"] == 2


def test_home_page_shows_bank_figures(as_methodist, school_a):
    PracticeFactory(organization=school_a, status=PracticeStatus.REVIEW)
    page = as_methodist.get(reverse("home")).content.decode()
    assert 'data-testid="figure-practices-review"' in page and "Практик на рассмотрении" in page


def test_menu_has_banks(as_coordinator_a):
    page = as_coordinator_a.get(reverse("home")).content.decode()
    for url in ("banks:practice_list", "banks:program_list", "banks:document_list"):
        assert f'href="{reverse(url)}"' in page


def test_demo_loads_once(db):
    organizations = [OrganizationFactory() for _ in range(10)]
    users = {
        "metodist": UserFactory(username="metodist", role="methodist"),
        "kurator1": UserFactory(username="kurator1", role="coordinator", organization=organizations[0]),
    }
    loaded = SimpleNamespace(
        organizations=organizations,
        years=[AcademicYearFactory(start_year=2025), AcademicYearFactory(start_year=2024)],
        users=users,
        rng=random.Random(1),
    )
    assert demo.load(loaded).startswith("Банки: практик 15")
    assert Practice.objects.filter(status="published").count() == 7
    assert Practice.objects.filter(is_best=True).count() == 3
    assert MentoringProgram.objects.count() == 8 and ProgramTemplate.objects.count() == 2
    assert demo.load(loaded) == "" and Practice.objects.count() == 15
