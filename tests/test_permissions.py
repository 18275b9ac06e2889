"""Every named URL with every persona. A new URL without its row here fails the suite."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import AcademicYearFactory, MentoringFormFactory

ANON = 302
READ_ALL = {"methodist": 200, "coord_a": 200, "coord_b": 200, "department": 200, "anon": ANON}
READ_A = {**READ_ALL, "coord_b": 404}  # a record of school A
METHODIST_WRITES = {"methodist": 200, "coord_a": 403, "coord_b": 403, "department": 403, "anon": ANON}
LOGGED_IN_REDIRECT = {"methodist": 302, "coord_a": 302, "coord_b": 302, "department": 302, "anon": 200}
POST_ONLY = {"methodist": 405, "coord_a": 405, "coord_b": 405, "department": 405, "anon": 405}


def no_args(data):
    return {}


def pk_of(name):
    return lambda data: {"pk": data[name].pk}


# url name: (kwargs from the data, expected status per persona)
EXPECTED = {
    "home": (no_args, READ_ALL),
    "login": (no_args, LOGGED_IN_REDIRECT),
    "logout": (no_args, POST_ONLY),
    "password_change": (no_args, {**READ_ALL}),
    "password_change_done": (no_args, {**READ_ALL}),
    "directory:organization_list": (no_args, READ_ALL),
    "directory:organization_export": (no_args, READ_ALL),
    "directory:organization_create": (no_args, METHODIST_WRITES),
    "directory:organization_detail": (pk_of("school_a"), READ_A),
    "directory:organization_update": (pk_of("school_a"), {**METHODIST_WRITES, "coord_a": 403, "coord_b": 403}),
    "directory:year_list": (no_args, READ_ALL),
    "directory:year_export": (no_args, READ_ALL),
    "directory:year_create": (no_args, METHODIST_WRITES),
    "directory:year_detail": (pk_of("year"), READ_ALL),
    "directory:year_update": (pk_of("year"), METHODIST_WRITES),
    "directory:form_list": (no_args, READ_ALL),
    "directory:form_export": (no_args, READ_ALL),
    "directory:form_create": (no_args, METHODIST_WRITES),
    "directory:form_detail": (pk_of("form"), READ_ALL),
    "directory:form_update": (pk_of("form"), METHODIST_WRITES),
}

SKIPPED_NAMESPACES = {"admin"}  # Django admin guards itself (staff only)


def named_urls(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in SKIPPED_NAMESPACES:
                continue
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from named_urls(pattern, namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{prefix}{pattern.name}"


def test_every_named_url_has_a_row():
    missing = sorted(set(named_urls()) - set(EXPECTED))
    assert not missing, f"URLs without a row in EXPECTED: {missing}"


@pytest.fixture
def data(school_a, school_b):
    return {
        "school_a": school_a,
        "school_b": school_b,
        "year": AcademicYearFactory(start_year=2025),
        "form": MentoringFormFactory(),
    }


@pytest.mark.smoke
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_url_answers_each_persona_as_expected(name, personas, data):
    kwargs_of, expected = EXPECTED[name]
    url = reverse(name, kwargs=kwargs_of(data))
    answers = {persona: personas[persona].get(url).status_code for persona in expected}
    assert answers == expected


@pytest.mark.smoke
def test_anonymous_is_sent_to_login_with_next(personas):
    response = personas["anon"].get(reverse("directory:organization_list"))
    assert response["Location"] == "/accounts/login/?next=/directory/organizations/"
