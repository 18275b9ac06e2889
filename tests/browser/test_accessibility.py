"""WCAG 2.1 AA (ГОСТ Р 52872-2019): axe-core over every page of the permission walk, and keyboard-only walks.

axe-core is vendored (tests/browser/vendor/axe.min.js, from the npm registry, MPL-2.0): nothing is fetched
while the tests run. One browser context per persona walks all its pages at 1366 px, then at 683 px (a
1366 px screen at 200 % zoom), without reloading.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD, client_for
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
    if user is None:
        urls = [reverse("login"), reverse("banks:showcase")]
        urls.append(reverse("banks:showcase_detail", args=[walk_data["practice_published"].pk]))
    else:
        urls = html_pages(user, persona, walk_data)
    found = axe_violations(browser, live_server.url, user and user.username, urls)
    assert not found, f"{len(found)} serious/critical violations:\n" + "\n".join(found)
