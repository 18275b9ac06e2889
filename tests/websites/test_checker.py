"""The automatic website checker against local sites: good, without the section, slow, broken HTML, a
redirect loop, a huge response; and the round command that never stops on a bad site."""

from __future__ import annotations

import re
import time

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.conftest import client_for
from tests.factories import OrganizationFactory
from tests.websites.factories import WebsiteCheckFactory
from tests.websites.sites import (
    GOOD,
    GarbageHandler,
    HugeHandler,
    LoopHandler,
    SlowHandler,
    handler,
    serving,
)
from websites.checker import check_site
from websites.models import ChecklistItem, CheckResult
from websites.services import run_check


def items():
    return list(ChecklistItem.objects.filter(is_active=True))


def found_titles(outcome) -> set[str]:
    return {item.title for item in items() if item.pk in outcome.found}


def test_good_site_proposes_the_items_its_section_links_to(db):
    with serving(handler(GOOD)) as site:
        outcome = check_site(site.url, items(), timeout=2)
    assert outcome.section_url == site.url + "nastavnichestvo/"
    assert found_titles(outcome) == {
        "Раздел «Наставничество» и его адрес",
        "Положение о наставничестве",
        "Дорожная карта / план мероприятий",
        "Приказ о назначении куратора",
        "База наставников и наставляемых (без персональных данных)",
        "Лучшие кейсы персонализированных программ",
    }
    assert "Раздел найден" in outcome.message


def test_good_site_obeys_robots_and_stays_on_the_site(db):
    with serving(handler(GOOD)) as site:
        outcome = check_site(site.url, items(), timeout=2)
        requested = list(site.requests)
    assert "/nastavnichestvo/closed/" not in requested  # robots.txt disallows it
    assert "Приказы о закреплении пар/групп" not in found_titles(outcome)
    assert not any("example.invalid" in path for path in requested)
    assert requested[0] == "/robots.txt"


def test_page_limit_stops_the_crawl(db):
    pages = {"/": "<a href='/nastavnichestvo/0/'>Наставничество</a>"}
    pages.update(
        {f"/nastavnichestvo/{n}/": f"<a href='/nastavnichestvo/{n + 1}/'>дальше</a>" for n in range(50)}
    )
    with serving(handler(pages)) as site:
        outcome = check_site(site.url, items(), timeout=2, max_pages=5)
        requested = [path for path in site.requests if path != "/robots.txt"]
    assert outcome.pages == 5 and len(requested) == 5


def test_site_without_section_says_so(db):
    with serving(handler({"/": "<html><body><a href='/news/'>Новости</a></body></html>"})) as site:
        outcome = check_site(site.url, items(), timeout=2)
    assert outcome.found == {} and outcome.section_url == ""
    assert outcome.message == "Раздел «Наставничество» на главной странице сайта не найден."


def test_slow_site_gives_up_after_the_timeout(db):
    started = time.monotonic()
    with serving(SlowHandler) as site:
        outcome = check_site(site.url, items(), timeout=0.5)
    assert time.monotonic() - started < 4
    assert outcome.found == {} and not outcome.reachable
    assert outcome.message.startswith("Сайт недоступен: сайт не ответил за 0.5 с")


def test_broken_html_is_still_read(db):
    broken = {
        "/": "<html><body><div><a href=/nastavnichestvo>Наставничество<p></div><a href='",
        "/nastavnichestvo": "<table><tr><td><a href=/d/p.pdf>Положение о наставничестве<td></a><<<>>&#xZZ;",
    }
    with serving(handler(broken)) as site:
        outcome = check_site(site.url, items(), timeout=2)
    assert "Положение о наставничестве" in found_titles(outcome)


def test_garbage_instead_of_html_is_reported(db):
    with serving(GarbageHandler) as site:
        outcome = check_site(site.url, items(), timeout=2)
    assert outcome.message == "Проверка не выполнена: главная страница сайта не похожа на HTML."


def test_redirect_loop_is_reported(db):
    with serving(LoopHandler) as site:
        outcome = check_site(site.url, items(), timeout=2)
    assert outcome.message.startswith("Сайт недоступен: сайт перенаправляет по кругу")


def test_huge_response_is_cut_off(db):
    with serving(HugeHandler) as site:
        outcome = check_site(site.url, items(), timeout=2, max_bytes=100_000)
    assert outcome.found == {}
    assert "страница больше" in outcome.message


def test_site_that_is_down_is_reported(db):
    with serving(handler({})) as site:
        url = site.url
    outcome = check_site(url, items(), timeout=1)
    assert outcome.message.startswith("Сайт недоступен: сервер сайта отказал в соединении")
    assert not re.search("[A-Za-z]{4,}", outcome.message.split("(http")[0])  # no English «Connection refused»


def test_unknown_host_is_reported_in_russian(db):
    outcome = check_site("http://nonexistent.invalid/", items(), timeout=1)
    assert outcome.message.startswith("Сайт недоступен: имя сайта не найдено (DNS)")


def test_unreachable_site_records_no_answers_and_is_not_counted_as_checked(db, methodist):
    with serving(handler({})) as site:
        url = site.url
    check = WebsiteCheckFactory(organization=OrganizationFactory(website=url))
    run_check(check, user=methodist, timeout=1)
    check.refresh_from_db()
    assert check.outcome.startswith("Сайт недоступен: сервер сайта отказал в соединении")
    assert check.checked_at is None and not CheckResult.objects.filter(check_record=check).exists()


def test_site_deadline_stops_a_slow_crawl(db):
    started = time.monotonic()
    with serving(SlowHandler) as site:
        outcome = check_site(site.url, items(), timeout=0.8, deadline=1)
    assert time.monotonic() - started < 3
    assert "не уложилась в 1 с" in outcome.message or "не ответил за" in outcome.message


def test_private_address_is_refused_in_production(db, settings):
    settings.WEBSITE_CHECK_ALLOW_PRIVATE = False
    with serving(handler(GOOD)) as site:
        outcome = check_site(site.url, items(), timeout=2)
        requests = site.requests
    assert outcome.message.startswith("Сайт недоступен: адрес сайта ведёт во внутреннюю сеть (127.0.0.1)")
    assert requests == [] and outcome.found == {}


def test_run_check_records_proposals_as_automatic(db, methodist):
    with serving(handler(GOOD)) as site:
        check = WebsiteCheckFactory(organization=OrganizationFactory(website=site.url))
        run_check(check, user=methodist, timeout=2)
    results = CheckResult.objects.filter(check_record=check)
    assert results.count() == len(items()) and all(r.is_automatic for r in results)
    assert results.filter(found=True).count() == 6
    check.refresh_from_db()
    assert check.checked_by == methodist and check.section_url.endswith("/nastavnichestvo/")


def test_confirmed_result_survives_a_new_automatic_run(db, as_methodist, methodist):
    with serving(handler(GOOD)) as site:
        check = WebsiteCheckFactory(organization=OrganizationFactory(website=site.url))
        run_check(check, user=methodist, timeout=2)
        pairs_item = ChecklistItem.objects.get(title="Приказы о закреплении пар/групп")
        data = {f"found_{item.pk}": "on" for item in items() if item.pk != pairs_item.pk}
        data[f"found_{pairs_item.pk}"] = "on"
        data[f"url_{pairs_item.pk}"] = site.url + "docs/prikaz_pary.pdf"
        response = as_methodist.post(reverse("websites:check_confirm", args=[check.pk]), data)
        assert response.status_code == 302
        run_check(check, user=methodist, timeout=2)
    result = CheckResult.objects.get(check_record=check, item=pairs_item)
    assert result.found and not result.is_automatic and result.checked_by == methodist
    assert not CheckResult.objects.filter(check_record=check, is_automatic=True).exists()


def test_round_command_checks_every_site_and_survives_bad_ones(db):
    with serving(handler(GOOD)) as good, serving(LoopHandler) as loop:
        check_good = WebsiteCheckFactory(organization=OrganizationFactory(short_name="А", website=good.url))
        round_ = check_good.round
        WebsiteCheckFactory(round=round_, organization=OrganizationFactory(short_name="Б", website=loop.url))
        WebsiteCheckFactory(round=round_, organization=OrganizationFactory(short_name="В", website=""))
        from io import StringIO

        out = StringIO()
        call_command("check_websites", "--round", str(round_.pk), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("А: Раздел найден")
    assert lines[1].startswith("Б: Сайт недоступен: сайт перенаправляет по кругу")
    assert lines[2] == "В: У организации в справочнике не указан сайт."
    assert round_.checks.filter(checked_at__isnull=False).count() == 1  # the unreachable ones are not checked


@pytest.mark.django_db(transaction=True)
def test_slow_site_never_holds_the_request_and_the_worker_checks_it(methodist, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    with serving(SlowHandler) as slow, serving(handler(GOOD)) as good:
        check = WebsiteCheckFactory(organization=OrganizationFactory(website=slow.url))
        other = WebsiteCheckFactory(round=check.round, organization=OrganizationFactory(website=good.url))
        client = client_for(methodist)
        started = time.monotonic()
        for queued in (check, other):
            response = client.post(reverse("websites:check_run", args=[queued.pk]))
            assert response["Location"] == queued.get_absolute_url()
        assert time.monotonic() - started < 2
        page = client.get(response["Location"]).content.decode()
        assert "Проверка сайта поставлена в очередь" in page
        settings.WEBSITE_CHECK_DEADLINE_SECONDS = 2
        call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False, verbosity=0)
    check.refresh_from_db()
    other.refresh_from_db()
    assert check.outcome.startswith("Сайт недоступен: ") and check.checked_at is None
    assert other.outcome.startswith("Раздел найден") and other.checked_by == methodist


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False, verbosity=0)


def progress(client, round_, *checks) -> dict:
    ids = ",".join(str(check.pk) for check in checks)
    return client.get(reverse("websites:round_progress", args=[round_.pk]), {"ids": ids}).json()


@pytest.mark.django_db(transaction=True)
def test_round_run_queues_every_site_and_shows_each_organisations_progress(methodist, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    with serving(handler(GOOD)) as good, serving(LoopHandler) as loop:
        read = WebsiteCheckFactory(organization=OrganizationFactory(short_name="А", website=good.url))
        round_ = read.round
        looping = WebsiteCheckFactory(
            round=round_, organization=OrganizationFactory(short_name="Б", website=loop.url)
        )
        client = client_for(methodist)
        response = client.post(reverse("websites:round_run", args=[round_.pk]))
        assert response["Location"] == round_.get_absolute_url()
        page = client.get(response["Location"]).content.decode()
        assert "Поставлено в очередь сайтов: 2." in page
        assert "Проверено сайтов: 0 из 2" in page and "js/checks.js" in page
        queued = progress(client, round_, read, looping)
        assert (queued["pending"], queued["started"], queued["percent"]) == (2, 2, 0)
        assert queued["checks"][str(read.pk)][1] == "в очереди"
        assert client.post(reverse("websites:round_run", args=[round_.pk])).status_code == 302
        assert progress(client, round_)["started"] == 2  # a waiting site is not queued twice
        run_worker()
    done = progress(client, round_, read, looping)
    assert (done["pending"], done["finished"], done["percent"]) == (0, 2, 100)
    assert done["text"] == "Все поставленные в очередь сайты проверены: 2."
    assert done["checks"][str(read.pk)][1] == "сайт прочитан"
    state, label, outcome = done["checks"][str(looping.pk)]
    assert label == "сайт недоступен" and outcome.startswith("Сайт недоступен: сайт перенаправляет по кругу")
    page = client.get(round_.get_absolute_url()).content.decode()
    assert "js/checks.js" not in page  # nothing waits: the page stops asking


@pytest.mark.django_db(transaction=True)
def test_failing_check_says_so_in_russian_and_the_next_one_runs(methodist, settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

    def crawler_bug(website, *args, **kwargs):  # a defect of the crawler on one organisation's site
        if "broken" in website:
            raise RuntimeError("crawler bug")
        return check_site(website, *args, **kwargs)

    monkeypatch.setattr("websites.services.check_site", crawler_bug)
    with serving(handler(GOOD)) as good:
        broken = WebsiteCheckFactory(
            organization=OrganizationFactory(short_name="А", website=good.url + "broken")
        )
        fine = WebsiteCheckFactory(
            round=broken.round, organization=OrganizationFactory(short_name="Б", website=good.url)
        )
        client = client_for(methodist)
        client.post(reverse("websites:round_run", args=[broken.round.pk]))
        run_worker()
    broken.refresh_from_db()
    fine.refresh_from_db()
    assert broken.get_auto_state_display() == "не выполнена" and broken.checked_at is None
    assert broken.outcome.startswith("Автоматическая проверка не выполнена из-за ошибки программы.")
    assert fine.get_auto_state_display() == "сайт прочитан" and fine.outcome.startswith("Раздел найден")
    page = client.get(broken.get_absolute_url()).content.decode()
    assert "Запустите её ещё раз" in page


def test_round_progress_is_two_queries_whatever_the_page(db, as_methodist, django_assert_num_queries):
    round_ = WebsiteCheckFactory().round
    checks = [WebsiteCheckFactory(round=round_) for _ in range(3)]
    url = reverse("websites:round_progress", args=[round_.pk])
    for shown in (checks[:1], checks):
        ids = ",".join(str(check.pk) for check in shown)
        with django_assert_num_queries(5):  # session, user, the round, its counts, the states shown
            assert len(as_methodist.get(url, {"ids": ids}).json()["checks"]) == len(shown)
