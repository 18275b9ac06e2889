"""WCAG 2.1 AA (ГОСТ Р 52872-2019): axe-core over every page of the permission walk, and keyboard-only walks.

axe-core is vendored (tests/browser/vendor/axe.min.js, from the npm registry, MPL-2.0): nothing is fetched
while the tests run. One browser context per persona walks all its pages at 1366 px, then at 683 px (a
1366 px screen at 200 % zoom), without reloading.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from registry.models import Pair
from tests.conftest import PASSWORD, client_for
from tests.factories import (
    AcademicYearFactory,
    MenteeFactory,
    MentorFactory,
    MentoringFormFactory,
    PersonFactory,
)
from tests.test_permissions import EXPECTED, permission_data

pytestmark = pytest.mark.django_db(transaction=True)

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
WIDTHS = (1366, 683)
SERIOUS = ("serious", "critical")
NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
RUN_AXE = r"""async () => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
  const found = result.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 3), count: v.nodes.length}));
  const dangling = [...document.querySelectorAll("[aria-describedby]")].filter(e => e.getAttribute("aria-describedby").split(/\s+/).some(id => id && !document.getElementById(id)));
  if (dangling.length) found.push({id: "aria-describedby-missing-id", impact: "serious", nodes: dangling.slice(0, 3).map(e => e.id || e.name), count: dangling.length});
  return found;
}"""


def html_pages(user, persona: str, data: dict) -> list[str]:
    """The permission walk's pages this persona opens (200, HTML): downloads and JSON are not pages."""
    client = client_for(user)
    urls = []
    for name, (kwargs_of, expected) in sorted(EXPECTED.items()):
        if expected.get(persona) != 200:
            continue
        url = reverse(name, kwargs=kwargs_of(data))
        response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            urls.append(url)
    return urls


def axe_violations(browser, base_url: str, username: str | None, urls: list[str]) -> list[str]:
    context = browser.new_context(base_url=base_url, locale="ru-RU", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    if username:
        page.goto("/accounts/login/")
        page.get_by_label("Имя пользователя").fill(username)
        page.get_by_label("Пароль").fill(PASSWORD)
        page.get_by_role("button", name="Войти").click()
        page.wait_for_url("**/")
    found = []
    for url in urls:
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(url)
        page.evaluate(AXE)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            page.evaluate(NEXT_FRAME)  # the page's resize handlers run, as they would for a person
            for violation in page.evaluate(RUN_AXE):
                if violation["impact"] in SERIOUS:
                    found.append(
                        f"{width}px {url} {violation['id']} ×{violation['count']}: {violation['nodes']}"
                    )
    context.close()
    return found


@pytest.fixture
def walk_data(school_a, school_b):
    return permission_data(school_a, school_b)


@pytest.mark.parametrize(
    ("persona", "fixture"), [("methodist", "methodist"), ("coord_a", "coordinator_a"), ("anon", None)]
)
def test_no_serious_axe_violation_on_any_page(request, browser, live_server, walk_data, persona, fixture):
    user = request.getfixturevalue(fixture) if fixture else None
    urls = html_pages(user, persona, walk_data)  # a guest: the login, the open site and its showcase
    found = axe_violations(browser, live_server.url, user and user.username, urls)
    assert not found, f"{len(found)} serious/critical violations:\n" + "\n".join(found)


FOCUS_SHOWN = """() => {
  const e = document.activeElement, s = getComputedStyle(e);
  const ring = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
  return {tag: e.tagName, id: e.id, text: (e.textContent || "").trim().slice(0, 40), shown: ring || s.boxShadow !== "none"};
}"""


def focused(page) -> dict:
    """The focused element; it must never be <body>, and its focus must be visible."""
    state = page.evaluate(FOCUS_SHOWN)
    assert state["tag"] != "BODY", "the focus was lost to <body>"
    assert state["shown"], f"focus not visible on {state}"
    return state


def tab_to(page, wanted, limit: int = 60) -> dict:
    """Press Tab until `wanted(state)`; every stop on the way shows its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focused(page)
        if wanted(state):
            return state
    raise AssertionError("not reached by Tab")


def test_keyboard_alone_logs_in_creates_a_pair_and_downloads_a_report(methodist, school_a, school_b, page):
    MentoringFormFactory()
    year = AcademicYearFactory(start_year=2025)
    mentor = MentorFactory(person__organization=school_a)
    mentee = MenteeFactory(person__organization=school_a)
    page.goto("/accounts/login/")
    assert focused(page)["id"] == "id_username"  # autofocus
    page.keyboard.type("metodist")
    tab_to(page, lambda s: s["id"] == "id_password")
    page.keyboard.type("wrong-password")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    summary = page.locator(":focus")  # the error summary is announced and takes the focus
    assert summary.get_attribute("role") == "alert" and "пароль" in summary.text_content()
    focused(page)
    tab_to(page, lambda s: s["id"] == "id_password")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    assert tab_to(page, lambda s: True, limit=1)["text"] == "Перейти к содержанию"

    page.goto("/registry/pairs/new/")
    tab_to(page, lambda s: s["id"] == "id_organization")
    page.keyboard.press("ArrowDown")  # Школа А: the lists of mentors and mentees follow without a reload
    expect_options = page.locator("#id_mentor option", has_text=mentor.person.last_name)
    expect_options.wait_for(state="attached")
    assert page.url.endswith("/registry/pairs/new/") and focused(page)["id"] == "id_organization"
    tab_to(page, lambda s: s["id"] == "id_form")
    page.keyboard.press("ArrowDown")
    tab_to(page, lambda s: s["id"] == "id_mentor")
    page.keyboard.press("ArrowDown")
    tab_to(page, lambda s: s["id"] == "id_mentees")
    page.keyboard.press("ArrowDown")
    tab_to(page, lambda s: s["id"] == "id_started_on")
    page.keyboard.type("15.09.2025")
    page.keyboard.press("Enter")
    page.get_by_text("Пара сохранена.").wait_for()
    pair = Pair.objects.get()
    assert (pair.mentor, list(pair.mentees.all())) == (mentor, [mentee])

    page.goto(f"/reports/?year={year.pk}")
    tab_to(page, lambda s: s["text"] == "Статистическая форма 1 (XLSX)")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".xlsx")
    assert focused(page)["text"] == "Статистическая форма 1 (XLSX)"


def test_picker_is_a_combobox_used_by_keyboard(methodist, school_a, login):
    for first_name in ("Анна", "Вера", "Галина"):
        PersonFactory(organization=school_a, last_name="Кравцова", first_name=first_name)
    page = login("metodist")
    page.goto("/registry/mentors/new/")
    box = page.get_by_role("combobox", name="Человек")
    page.get_by_role("button", name="Сохранить").click()  # the required picker left empty
    assert page.get_by_text("Выберите значение: начните вводить и выберите из списка.").is_visible()
    assert focused(page)["id"] == "id_person_search" and box.get_attribute("aria-invalid") == "true"

    box.press_sequentially("Кравц")
    page.get_by_role("option").first.wait_for()
    assert page.locator("#id_person_status").text_content().startswith("Найдено: 3")
    assert box.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    assert "Вера" in page.locator(f"#{active}").text_content()
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "id_person_search" and box.get_attribute("aria-expanded") == "false"
    assert page.locator("#id_person option:checked").text_content().startswith("Кравцова Вера")
    assert page.locator("#id_person_status").text_content().startswith("Выбрано: Кравцова Вера")

    box.press_sequentially("Нетакой")
    page.get_by_text("Ничего не найдено").wait_for()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    assert box.input_value() == ""
