from __future__ import annotations

import datetime

from django.urls import reverse

from registry.models import Consent
from tests.banks.factories import PracticeFactory, PracticeFileFactory, PublishedPracticeFactory
from tests.conftest import client_for
from tests.factories import OrganizationFactory, PersonFactory


def test_showcase_is_open_without_login_and_lists_only_published(school_a):
    PublishedPracticeFactory(organization=school_a, title="Опубликованная практика")
    for status in ("draft", "review", "returned"):
        PracticeFactory(organization=school_a, title=f"Скрытая {status}", status=status)
    response = client_for(None).get(reverse("banks:showcase"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Опубликованная практика" in page and "Скрытая" not in page
    assert 'href="/accounts/login/"' in page and 'data-testid="menu"' not in page


def test_unpublished_practice_and_its_file_are_404_on_public_pages(school_a):
    attachment = PracticeFileFactory(practice=PracticeFactory(organization=school_a, status="review"))
    anon = client_for(None)
    assert anon.get(reverse("banks:showcase_detail", args=[attachment.practice.pk])).status_code == 404
    assert anon.get(reverse("banks:showcase_file", args=[attachment.pk])).status_code == 404
    assert anon.get(reverse("banks:practice_file", args=[attachment.pk])).status_code == 302  # to login


def test_published_file_is_served_publicly(school_a):
    attachment = PracticeFileFactory(practice=PublishedPracticeFactory(organization=school_a))
    response = client_for(None).get(reverse("banks:showcase_file", args=[attachment.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert "практика.pdf" in response["Content-Disposition"] or "filename*" in response["Content-Disposition"]


def test_author_named_only_with_publication_consent_in_force(school_a):
    consented = PersonFactory(
        organization=school_a, last_name="Согласная", email="s@example.ru", phone="+7 900"
    )
    revoked = PersonFactory(organization=school_a, last_name="Отозвавшая")
    processing_only = PersonFactory(organization=school_a, last_name="Толькообработка")
    Consent.objects.create(person=consented, kind="publication", signed_on=datetime.date(2025, 9, 1))
    Consent.objects.create(
        person=revoked,
        kind="publication",
        signed_on=datetime.date(2025, 9, 1),
        revoked_on=datetime.date(2025, 10, 1),
    )
    Consent.objects.create(person=processing_only, kind="processing", signed_on=datetime.date(2025, 9, 1))
    practice = PublishedPracticeFactory(organization=school_a, authors=[consented, revoked, processing_only])
    page = client_for(None).get(reverse("banks:showcase_detail", args=[practice.pk])).content.decode()
    assert "Согласная" in page
    assert "Отозвавшая" not in page and "Толькообработка" not in page
    # the two without a consent in one phrase
    assert f"{consented.full_name}, ещё 2 автора (согласие на публикацию не дано)" in page
    assert "s@example.ru" not in page and "+7 900" not in page and "1995" not in page
    assert "История изменений" not in page


def test_showcase_filters_by_organization_and_search(school_a):
    other = OrganizationFactory(short_name="Школа В")
    PublishedPracticeFactory(organization=school_a, title="Клуб наставников")
    PublishedPracticeFactory(organization=other, title="Спортивная секция", description="Тренер")
    anon = client_for(None)
    page = anon.get(reverse("banks:showcase"), {"organization": other.pk}).content.decode()
    assert "Спортивная секция" in page and "Клуб наставников" not in page
    page = anon.get(reverse("banks:showcase"), {"q": "наставников"}).content.decode()
    assert "Клуб наставников" in page and "Спортивная секция" not in page
