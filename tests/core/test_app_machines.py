"""Two application servers (gunicorn, two ports, two processes) against one PostgreSQL and one S3 emulator
(moto's server mode): nothing an application process keeps for itself matters to the other one."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass

import boto3
import pytest
import requests
from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.redis import RedisCache
from django.test import Client
from django.urls import reverse

from core.freshness import VERSION_KEY
from core.models import Job, JobStatus
from meetings.models import Attachment
from registry.models import Mentor
from tests.cluster import free_port, primary_url, processes, wait_until
from tests.factories import AcademicYearFactory, PersonFactory
from tests.helpers import xlsx_content_rows
from tests.meetings.factories import make_meeting

BUCKET = "mshn-files"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n" + os.urandom(64)
KEYS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"}


@dataclass
class Machines:
    first: str  # address of application server 1
    second: str  # and of server 2
    bucket: object  # the S3 bucket both write to
    cache: BaseCache  # the cache both share, as this test process sees it


@pytest.fixture(params=["database cache", "redis cache"])
def machines(request, transactional_db, tmp_path):
    """Two application servers and a task worker, three processes as on three machines, with the S3
    emulator and the shared cache: the database's or a Redis server's."""
    with processes() as started:
        shared = {}
        if request.param == "redis cache":
            port = free_port()
            redis = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
            started.start(redis, dict(os.environ), port, tmp_path / "redis.log")
            shared = {"REDIS_URL": f"redis://127.0.0.1:{port}/0"}
        s3_port = free_port()
        endpoint = f"http://127.0.0.1:{s3_port}"
        emulator = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(s3_port)]
        started.start(emulator, {**os.environ, **KEYS}, s3_port, tmp_path / "s3.log")
        bucket = boto3.resource("s3", endpoint_url=endpoint, **_boto_keys()).create_bucket(Bucket=BUCKET)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "mshn.settings",
            "DEBUG": "1",
            "SECRET_KEY": settings.SECRET_KEY,  # the sessions made by this test are signed with it
            "DATABASE_URL": primary_url(),
            "S3_BUCKET": BUCKET,
            "S3_ENDPOINT_URL": endpoint,
            "S3_ACCESS_KEY_ID": KEYS["AWS_ACCESS_KEY_ID"],
            "S3_SECRET_ACCESS_KEY": KEYS["AWS_SECRET_ACCESS_KEY"],
            "S3_REGION": KEYS["AWS_DEFAULT_REGION"],
            "EXPORT_TASK_ROWS": "1",  # every export of more than one row is built by the worker
            **shared,
        }
        addresses = []
        for number in (1, 2):
            port = free_port()
            own_disk = {"MEDIA_ROOT": str(tmp_path / f"media{number}")}  # each machine its own, unused
            server = [sys.executable, "-m", "gunicorn", "mshn.wsgi:application", "-w", "1"]
            server_env = {**env, **own_disk}
            started.start(
                [*server, "-b", f"127.0.0.1:{port}"], server_env, port, tmp_path / f"app{number}.log"
            )
            addresses.append(f"http://127.0.0.1:{port}")
        worker = [sys.executable, "manage.py", "db_worker", "--no-reload", "--queue-name", "default"]
        started.start(worker, {**env, "MEDIA_ROOT": str(tmp_path / "media3")}, None, tmp_path / "worker.log")
        if shared:
            yield Machines(*addresses, bucket, RedisCache(shared["REDIS_URL"], {}))
        else:
            yield Machines(*addresses, bucket, cache)


def _boto_keys() -> dict:
    return {
        "aws_access_key_id": KEYS["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": KEYS["AWS_SECRET_ACCESS_KEY"],
        "region_name": KEYS["AWS_DEFAULT_REGION"],
    }


def browser_of(user) -> requests.Session:
    """A browser logged in as the user: its session lives in the database, good on every machine."""
    client = Client()
    client.force_login(user)
    browser = requests.Session()
    browser.cookies.set("sessionid", client.cookies["sessionid"].value)
    return browser


def csrf_token(browser: requests.Session, page: str) -> str:
    html = browser.get(page, timeout=30).text
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


@pytest.mark.cluster
def test_a_file_uploaded_through_one_machine_downloads_through_the_other(machines, methodist, tmp_path):
    first, second, bucket = machines.first, machines.second, machines.bucket
    meeting = make_meeting()
    browser = browser_of(methodist)
    page = first + meeting.get_absolute_url()

    uploaded = browser.post(
        first + reverse("meetings:attachment_create", args=[meeting.pk]),
        data={"csrfmiddlewaretoken": csrf_token(browser, page), "title": "Приказ о наставничестве"},
        files={"file": ("Приказ.pdf", PDF, "application/pdf")},
        headers={"Referer": page},
        timeout=30,
    )
    assert uploaded.status_code == 200  # followed to the meeting's page
    attachment = Attachment.objects.get(meeting=meeting)
    assert [item.key for item in bucket.objects.all()] == [attachment.file.name]
    assert not any((tmp_path / f"media{n}").exists() for n in (1, 2, 3))  # no machine kept it on its disk

    download = second + reverse("meetings:attachment_download", args=[attachment.pk])
    served = browser.get(download, timeout=30)
    assert served.content == PDF
    assert "attachment" in served.headers["Content-Disposition"]
    # Still behind the login and the access checks of the view, on every machine.
    stranger = requests.get(download, timeout=30, allow_redirects=False)
    assert stranger.status_code == 302 and PDF not in stranger.content


def mentors_shown(browser: requests.Session, dashboard: str) -> str:
    html = browser.get(dashboard, timeout=60).text
    return re.search(r'<tr data-code="mentors">.*?<td class="text-end">([^<]*)</td>', html, re.S).group(1)


@pytest.mark.cluster
def test_a_figure_changed_through_one_machine_is_fresh_on_the_other(machines, methodist, school_a):
    first, second = machines.first, machines.second
    year = AcademicYearFactory(start_year=2025)
    person = PersonFactory(organization=school_a, last_name="Опытная")
    browser = browser_of(methodist)
    dashboard = f"{second}{reverse('reports:dashboard')}?year={year.pk}"
    assert mentors_shown(browser, dashboard) == "0"  # computed and kept in the shared cache by machine 2
    version = machines.cache.get(VERSION_KEY)

    form = first + reverse("registry:mentor_create")
    fields = {"person": person.pk, "entered_on": "01.09.2025", "max_mentees": "2", "status": "active"}
    created = browser.post(
        form, data={"csrfmiddlewaretoken": csrf_token(browser, form), **fields}, headers={"Referer": form}
    )
    assert created.status_code == 200 and Mentor.objects.filter(person=person).exists()

    assert machines.cache.get(VERSION_KEY) > version  # machine 1 raised the version every machine reads
    assert mentors_shown(browser, dashboard) == "1"


@pytest.mark.cluster
def test_an_export_queued_through_one_machine_is_built_by_the_worker(machines, methodist, school_a, tmp_path):
    PersonFactory(organization=school_a, last_name="Первая")
    PersonFactory(organization=school_a, last_name="Вторая")
    browser = browser_of(methodist)

    queued = browser.get(machines.first + reverse("registry:person_export"), timeout=30)
    job = Job.objects.get(pk=re.search(r"/jobs/([0-9a-f-]+)/$", queued.url).group(1))
    wait_until(lambda: Job.objects.get(pk=job.pk).status == JobStatus.DONE, "the worker's export", 60)

    job.refresh_from_db()
    assert job.file.name in [item.key for item in machines.bucket.objects.all()]
    served = browser.get(machines.second + reverse("job_download", args=[job.pk]), timeout=30)
    rows = xlsx_content_rows(served.content)
    names = sorted(row[0].split()[0] for row in rows[1:])
    assert names == ["Вторая", "Первая"]
    assert not (tmp_path / "media3").exists()
