"""Every form page fuzzed: hostile values never cause a server error, and a refused form writes nothing.

The pages come from the permissions table, so a new create/edit page is fuzzed without a new line here.
"""

from __future__ import annotations

import io
import re
import traceback
from contextlib import contextmanager

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.forms import BaseForm, BaseFormSet, FileField, IntegerField
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from registry.imports import PAIRS, PEOPLE
from tests.test_permissions import EXPECTED, data  # noqa: F401 - `data` is the fixture of records

FORM_PAGE = re.compile(r"(_create|_update|_edit|_copy|_from_decision|apply_template)$")
FORMS = sorted(name for name, (_kwargs, expected) in EXPECTED.items() if FORM_PAGE.search(name))
PERSONAS = ("methodist", "coord_a")
CASES = [(name, who) for name in FORMS for who in PERSONAS if EXPECTED[name][1].get(who) == 200]
OUR_APPS = (
    "accounts",
    "directory",
    "registry",
    "banks",
    "meetings",
    "events",
    "monitoring",
    "submissions",
    "websites",
    "reports",
)
FUZZ = settings(
    max_examples=15,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: the run stays bounded
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# --- hostile values ------------------------------------------------------------------------------

HOSTILE_CHARACTERS = st.characters(blacklist_categories=("Cs",))  # NUL and the other control characters too
SNIPPETS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE registry_person; --",
    "1' OR '1'='1",
    '=HYPERLINK("http://evil","x")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "{{ 7*7 }}{% debug %}",
    "../../etc/passwd",
    "‮gnp.exe",
    "ab\x00cd",
    "\x01\x08\x0b\x1f\x7f",
]
NUMBERS = [
    "-1",
    "0",
    "99999999999999999999999",
    "-2147483649",
    "2147483648",
    "1e309",
    "NaN",
    "inf",
    "3.14159265358979323846",
    "0x10",
    "٣",
]
DATES = ["2025-02-30", "31.02.2025", "0000-00-00", "99999-01-01", "01.13.2025", "2025-1-1T25:61", "вчера"]
IDS = ["999999999", "-5", "0", "1 OR 1=1", "1;2", "9223372036854775808", "abc"]

scalar = st.one_of(
    st.text(HOSTILE_CHARACTERS, max_size=60),
    st.sampled_from(SNIPPETS + NUMBERS + DATES + IDS),
    st.builds(lambda s, n: s * n, st.sampled_from(["ж", "<b>", "x"]), st.integers(300, 20000)),
    st.integers(-(2**70), 2**70).map(str),
    st.just(""),
)
value = st.one_of(scalar, st.lists(scalar, min_size=2, max_size=3))
upload = st.builds(
    lambda content, name: SimpleUploadedFile(name, content),
    st.binary(max_size=2000),
    st.sampled_from(["file.pdf", "file.docx", "file.xlsx", "file.png", "<x>.exe", "файл", "a\x00b.pdf"]),
)


# --- the form on a page --------------------------------------------------------------------------


def forms_in(context) -> list:
    """Every bound-or-unbound form and formset the template got."""
    found, seen = [], set()
    contexts = context if isinstance(context, list) else [context]
    items = [item for ctx in contexts for item in ctx.flatten().values()]
    for item in items:
        if isinstance(item, BaseForm | BaseFormSet) and id(item) not in seen:
            seen.add(id(item))
            found.append(item)
    return found


def fields_of(form_or_set) -> dict:
    """html name → (form field, initial value) of a form, or of a formset with its management form."""
    if isinstance(form_or_set, BaseFormSet):
        fields = fields_of(form_or_set.management_form)
        for form in form_or_set.forms:
            fields.update(fields_of(form))
        return fields
    return {
        form_or_set[name].html_name: (field, form_or_set[name].value())
        for name, field in form_or_set.fields.items()
    }


def has_errors(form_or_set) -> bool:
    if isinstance(form_or_set, BaseFormSet):
        return form_or_set.is_bound and form_or_set.total_error_count() > 0
    return form_or_set.is_bound and bool(form_or_set.errors)


def initial_value(initial):
    if initial is None or isinstance(initial, FieldFile) and not initial:
        return ""
    if isinstance(initial, list | tuple):
        return [getattr(v, "pk", v) for v in initial]
    return getattr(initial, "pk", initial)


def payload(draw, fields: dict) -> dict:
    """Each field keeps its initial value or gets a hostile one (so some posts save and some do not)."""
    posted = {}
    for name, (field, initial) in fields.items():
        choice = draw(st.sampled_from(["keep", "hostile", "hostile", "omit"]))
        if choice == "keep" and not isinstance(field, FileField):  # a browser never sends a stored file back
            posted[name] = initial_value(initial)
        elif choice == "hostile":
            posted[name] = draw(upload if isinstance(field, FileField) else value)
    return posted


def row_counts() -> dict:
    models = [m for label in OUR_APPS for m in apps.get_app_config(label).get_models()]
    return {m._meta.label: m._default_manager.count() for m in models}


def client_as(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@contextmanager
def rolled_back():
    """Each example starts from the same records, so hypothesis can replay and shrink it."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def check_post(client: Client, url: str, posted: dict) -> None:
    before = row_counts()
    response = client.post(url, posted)
    if response.status_code >= 500:
        trace = "".join(traceback.format_exception(*response.exc_info)) if response.exc_info else ""
        pytest.fail(f"server error on {url} with {posted!r}\n{trace}")
    if response.status_code == 302:
        return
    if response.status_code == 400:  # a control character: refused as a whole, in Russian
        assert "Неверный запрос" in response.content.decode()
        assert row_counts() == before, f"{url} refused the request but changed the database"
        return
    assert response.status_code == 200, response.status_code
    refused = [f for f in forms_in(response.context) if has_errors(f)] or response.context.get("errors")
    assert refused, f"{url} re-rendered without an error"
    assert row_counts() == before, f"{url} refused the form but changed the database"


class Quiet(dict):
    """Fixtures hypothesis prints in a failure report; the records' own reprs are not needed there."""

    def __repr__(self) -> str:
        return f"<{len(self)} fixtures>"


@pytest.fixture
def users(methodist, coordinator_a):
    return Quiet(methodist=methodist, coord_a=coordinator_a)


@pytest.fixture
def records(data):  # noqa: F811
    return Quiet(data)


@pytest.mark.parametrize(("name", "who"), CASES)
@FUZZ
@given(hypo=st.data())
def test_form_survives_hostile_values(name, who, users, records, hypo):
    client = client_as(users[who])
    url = reverse(name, kwargs=EXPECTED[name][0](records))
    with rolled_back():
        page = client.get(url)
        assert page.status_code == 200
        fields = {}
        for form in forms_in(page.context):
            fields.update(fields_of(form))
        assert fields, f"{name}: no form in the page context"
        check_post(client, url, payload(hypo.draw, fields))


# --- the lists' filters and search -------------------------------------------------------------

LISTS = sorted(name for name in EXPECTED if name.endswith(("_list", "_search")))


@pytest.mark.parametrize("name", LISTS)
@FUZZ
@given(hypo=st.data())
def test_list_filters_survive_hostile_values(name, users, records, hypo):
    client = client_as(users["methodist"])
    url = reverse(name, kwargs=EXPECTED[name][0](records))
    page = client.get(url)
    names = [
        "q",
        "sort",
        "page",
        *(page.context["filter"].form.fields if page.context and page.context.get("filter") else []),
    ]
    query = hypo.draw(st.dictionaries(st.sampled_from(names), scalar.map(str), min_size=1, max_size=4))
    response = client.get(url, query)
    if response.status_code >= 500:
        trace = "".join(traceback.format_exception(*response.exc_info)) if response.exc_info else ""
        pytest.fail(f"server error on {url} with {query!r}\n{trace}")
    assert response.status_code in (200, 400, 404 if "page" in query else 200), response.status_code
    if response.status_code == 400:
        assert "Неверный запрос" in response.content.decode()


# --- the XLSX imports ----------------------------------------------------------------------------

cell = st.one_of(
    scalar,
    st.integers(-(2**60), 2**60),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.booleans(),
    st.none(),
)


def workbook(headers: list, rows: list[list]) -> bytes:
    book = Workbook()
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def safe_cell(item):
    """openpyxl refuses control characters in cells; a real file could not hold them either."""
    if isinstance(item, str):
        return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", item)[:32767]
    return item


IMPORTS = [("registry:person_import", PEOPLE), ("registry:pair_import", PAIRS)]


@pytest.mark.parametrize(("name", "sheet"), IMPORTS)
@pytest.mark.parametrize("who", PERSONAS)
@FUZZ
@given(hypo=st.data())
def test_import_survives_random_cells(name, sheet, who, users, records, hypo):
    headers = [str(c.header) for c in sheet.columns]
    headers = hypo.draw(st.one_of(st.just(headers), st.permutations(headers), st.lists(scalar, max_size=5)))
    rows = hypo.draw(st.lists(st.lists(cell, max_size=len(headers) + 2), min_size=0, max_size=6))
    content = workbook([safe_cell(h) for h in headers], [[safe_cell(c) for c in row] for row in rows])
    with rolled_back():
        check_post(client_as(users[who]), reverse(name), {"file": SimpleUploadedFile("t.xlsx", content)})


@pytest.mark.parametrize(("name", "sheet"), IMPORTS)
@FUZZ
@given(content=st.one_of(st.binary(max_size=4000), st.binary(max_size=400).map(lambda b: b"PK\x03\x04" + b)))
def test_import_survives_random_bytes(name, sheet, users, records, content):
    with rolled_back():
        check_post(
            client_as(users["methodist"]), reverse(name), {"file": SimpleUploadedFile("t.xlsx", content)}
        )


# --- numbers no column holds ---------------------------------------------------------------------


def typed_number(field) -> bool:
    """A whole number a person types (formsets' hidden counters are not)."""
    return type(field) is IntegerField and not field.widget.is_hidden


def number_errors(context) -> dict[str, list[str]]:
    """html name → errors of every whole-number field in the re-rendered forms."""
    errors = {}
    for form_or_set in forms_in(context):
        for form in form_or_set.forms if isinstance(form_or_set, BaseFormSet) else [form_or_set]:
            for name, field in form.fields.items():
                if typed_number(field):
                    errors[form[name].html_name] = list(form[name].errors)
    return errors


def test_huge_numbers_are_refused_in_russian(users, records):
    """10^30 in every whole-number field of every form: a Russian message on each field, nothing saved."""
    messages = []
    for name, who in CASES:
        client = client_as(users[who])
        url = reverse(name, kwargs=EXPECTED[name][0](records))
        with rolled_back():
            page = client.get(url)
            fields = {}
            for form in forms_in(page.context):
                fields.update(fields_of(form))
            numbers = [
                html
                for html, (field, _initial) in fields.items()
                if typed_number(field) and "__prefix__" not in html
            ]
            if not numbers:
                continue
            posted = {html: initial_value(initial) for html, (_f, initial) in fields.items()}
            posted.update({html: str(10**30) for html in numbers})
            before = row_counts()
            response = client.post(url, posted)
            assert response.status_code == 200, f"{name}: {response.status_code}"
            errors = number_errors(response.context)
            assert all(re.search("[а-я]", " ".join(errors[html])) for html in numbers), f"{name}: {errors}"
            assert row_counts() == before
            messages += [message for html in numbers for message in errors[html]]
    assert len(messages) >= 8
    assert any(message.startswith("Слишком большое число") for message in messages)
