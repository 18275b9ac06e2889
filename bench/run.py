"""`make bench`: how fast the main pages are on a whole region, in-process and under load.

Uses its own PostgreSQL database (created, migrated and filled by `load_region` when empty), measures
every main page as the methodologist and as a coordinator (queries, median and p95 server time),
compares each list with Django admin's change list, times the XLSX exports in a subprocess (peak
memory), then runs gunicorn and a threaded load generator on 127.0.0.1. Writes bench/results.md.
"""

from __future__ import annotations

import argparse
import datetime
import html.parser
import http.client
import json
import os
import random
import re
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PORT = 8011
PASSWORD = "mshn-demo-2026"
TARGET_MEDIAN_MS, TARGET_P95_MS, TARGET_RPS = 100, 250, 100
# README's recommended production setting: cores + 1 sync workers (persistent connections, CONN_MAX_AGE).
# The pages are CPU-bound and PostgreSQL shares the cores: on 2 cores 2–3 workers served 34–37 req/s,
# 4 workers 25 and 5 (the usual 2 × cores + 1) 21, each extra process only taking CPU from the others.
GUNICORN_WORKERS = (os.cpu_count() or 1) + 1

CAPABILITY_APPS = ("registry", "banks", "meetings", "events", "submissions", "websites")
FULL = {"database": "mshn_bench", "organizations": 1000, "people": 50000, "pairs": 20000, "practices": 2000}
SMALL = {"database": "mshn_bench_small", "organizations": 50, "people": 2000, "pairs": 800, "practices": 100}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", action="store_true", help="a small region, quick (CI)")
    parser.add_argument("--requests", type=int, default=None, help="timed requests per page")
    parser.add_argument("--load-seconds", type=int, default=None)
    parser.add_argument("--users", type=int, default=50, help="concurrent users of the load run")
    parser.add_argument("--output", default=None)
    parser.add_argument(
        "--load-only", action="store_true", help="only the load run, printed (results.md is left alone)"
    )
    parser.add_argument("--export-child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--import-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--annual-child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.region = SMALL if args.small else FULL
    args.requests = args.requests or (10 if args.small else 30)
    args.load_seconds = args.load_seconds or (10 if args.small else 30)
    args.output = args.output or str(ROOT / "bench" / ("results-small.md" if args.small else "results.md"))
    return args


def configure(database: str, static_root: str) -> None:
    os.environ.update(
        DATABASE_URL=f"postgres://root@127.0.0.1:5432/{database}",
        DJANGO_SETTINGS_MODULE="bench.settings",
        DEBUG="0",
        SECRET_KEY="bench-only-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        BENCH_STATIC_ROOT=static_root,
        LOG_LEVEL="ERROR",
    )
    # The small region's 2 000 people go through the task worker too, as a region's 50 000 do.
    os.environ.setdefault("EXPORT_TASK_ROWS", "1000" if database == SMALL["database"] else "5000")


def ensure_database(name: str) -> None:
    import psycopg

    with psycopg.connect("postgres://root@127.0.0.1:5432/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def manage(*command: str) -> None:
    subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, check=True)


# -- in-process page timings ------------------------------------------------------------------------


def percentile(values: list[float], p: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def measure(client, url: str, repeats: int) -> dict:
    from django.db import connection

    # Counted by an execute wrapper rather than CaptureQueriesContext: the test client's
    # request_started signal resets the query log in the middle of the context, so that count is 0.
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    try:
        for _ in range(3):
            client.get(url)
        with connection.execute_wrapper(count):
            response = client.get(url)
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
    except Exception as error:  # a broken page is a result, not the end of the bench
        return {"status": f"{type(error).__name__}", "queries": "—", "median": 0.0, "p95": 0.0}
    return {
        "status": response.status_code,
        "queries": len(queries),
        "median": statistics.median(times),
        "p95": percentile(times, 95),
    }


def pick_objects(coordinator) -> dict:
    """Records inside the coordinator's organisation, so both roles can open them; rich ones first."""
    from django.db.models import Count

    from directory.models import AcademicYear, MentoringForm
    from registry.models import Mentee, Mentor, Pair, Person

    org = coordinator.organization
    mentor = (
        Mentor.objects.filter(person__organization=org)
        .annotate(n=Count("pairs"))
        .order_by("-n", "pk")
        .first()
    )
    mentee = Mentee.objects.filter(person__organization=org, pairs__isnull=False).order_by("pk").first()
    pair = Pair.objects.filter(organization=org).annotate(n=Count("mentees")).order_by("-n", "pk").first()
    return {
        "directory:organization_detail": org.pk,
        "directory:year_detail": AcademicYear.objects.current().pk,
        "directory:form_detail": MentoringForm.objects.order_by("position").first().pk,
        "registry:person_detail": mentor.person_id
        if mentor
        else Person.objects.filter(organization=org).first().pk,
        "registry:mentor_detail": mentor.pk if mentor else None,
        "registry:mentee_detail": mentee.pk if mentee else None,
        "registry:pair_detail": pair.pk if pair else None,
        **capability_objects(org),
    }


def first_pk(queryset) -> int | None:
    return queryset.values_list("pk", flat=True).first()


def capability_objects(org) -> dict:
    """A rich record of each capability's detail page: the organisation's own where records belong to one."""
    from django.db.models import Count

    from banks.models import MentoringProgram, NormativeDocument, Practice
    from events.models import Event, Partner, Training
    from meetings.models import Meeting, RoadmapItem
    from submissions.models import Campaign, Submission
    from websites.models import CheckRound, WebsiteCheck

    campaign = first_pk(Campaign.objects.order_by("-deadline", "-pk"))
    round_ = first_pk(CheckRound.objects.order_by("-deadline", "-pk"))
    return {
        "banks:practice_detail": first_pk(
            Practice.objects.filter(organization=org).annotate(n=Count("authors")).order_by("-n", "pk")
        ),
        "banks:program_detail": first_pk(MentoringProgram.objects.filter(organization=org).order_by("pk")),
        "banks:document_detail": first_pk(NormativeDocument.objects.order_by("pk")),
        "banks:showcase_detail": first_pk(Practice.objects.filter(status="published").order_by("pk")),
        "meetings:meeting_detail": first_pk(
            Meeting.objects.annotate(n=Count("present")).order_by("-n", "pk")
        ),
        "meetings:roadmap_detail": first_pk(RoadmapItem.objects.order_by("-year__start_year", "pk")),
        "events:event_detail": first_pk(Event.objects.annotate(n=Count("participants")).order_by("-n", "pk")),
        "events:training_detail": first_pk(Training.objects.filter(person__organization=org).order_by("pk")),
        "events:partner_detail": first_pk(
            Partner.objects.annotate(n=Count("interactions")).order_by("-n", "pk")
        ),
        "submissions:campaign_detail": campaign,
        "submissions:submission_detail": first_pk(
            Submission.objects.filter(organization=org, campaign_id=campaign)
        ),
        "websites:round_detail": round_,
        "websites:check_detail": first_pk(WebsiteCheck.objects.filter(organization=org, round_id=round_)),
    }


LISTS = [
    "directory:organization_list",
    "directory:year_list",
    "directory:form_list",
    "registry:person_list",
    "registry:mentor_list",
    "registry:mentee_list",
    "registry:pair_list",
]


def pages(objects: dict) -> list[tuple[str, str]]:
    """(label, url) of every main page, plus every argument-free page of the capabilities."""
    from importlib import import_module

    from django.urls import reverse

    found = [("home", reverse("home"))]
    found += [(name, reverse(name)) for name in LISTS]
    found.append(
        ("registry:person_list ?category&q", reverse("registry:person_list") + "?category=pedagogue&q=Ив")
    )
    for name, pk in objects.items():
        if pk is not None:
            found.append((name, reverse(name, args=[pk])))
    found.append(("reports:dashboard", reverse("reports:dashboard")))
    known = {label for label, _url in found}
    skipped = ("export", "new", "import", "template", "copy", "pdf", ".xlsx")
    for app in CAPABILITY_APPS:
        for pattern in import_module(f"{app}.urls").urlpatterns:
            route = str(pattern.pattern)
            name = f"{app}:{pattern.name}"
            if name in known or "<" in route or any(word in route for word in skipped):
                continue
            found.append((name, reverse(name)))
    return found


def pages_section(users: dict, objects: dict, repeats: int) -> tuple[list, list]:
    from django.test import Client

    rows = []
    clients = {}
    for role, user in users.items():
        clients[role] = Client(raise_request_exception=True)
        clients[role].force_login(user)
    for label, url in pages(objects):
        roles = (
            ["methodist", "coordinator", "department"] if label == "home" else ["methodist", "coordinator"]
        )
        for role in roles:
            result = measure(clients[role], url, repeats)
            rows.append({"page": label, "url": url, "role": role, **result})
            print(
                f"  {label:40} {role:12} {result['status']} q={result['queries']} "
                f"median={result['median']:.1f} p95={result['p95']:.1f}",
                flush=True,
            )
    return rows, pages(objects)


def admin_section(admin_user, pages_rows: list, repeats: int) -> list:
    from django.test import Client
    from django.urls import reverse

    from bench.urls import list_views

    client = Client(raise_request_exception=True)
    client.force_login(admin_user)
    ours = {(r["page"], r["role"]): r for r in pages_rows}
    rows = []
    for name, view in list_views().items():
        meta = view.model._meta
        url = reverse(f"benchadmin:{meta.app_label}_{meta.model_name}_changelist")
        admin = measure(client, url, repeats)
        mine = ours[(name, "methodist")]
        ratio = mine["median"] / admin["median"] if admin["median"] else 0
        rows.append({"page": name, "ours": mine, "admin": admin, "ratio": ratio})
        print(
            f"  {name:40} ours={mine['median']:.1f} admin={admin['median']:.1f} ratio={ratio:.2f}", flush=True
        )
    return rows


# -- exports in a subprocess (peak memory of that process alone) --------------------------------------


def export_child(url_name: str) -> None:
    import django

    django.setup()
    from django.test import Client
    from django.urls import reverse

    from accounts.models import User

    client = Client(raise_request_exception=True)
    client.force_login(User.objects.get(username="metodist"))
    client.get(reverse("home"))
    name, _, arg = url_name.partition("/")
    url = reverse(name, args=[int(arg)] if arg else [])
    baseline = peak_rss_kb()
    start = time.perf_counter()
    response = client.get(url)
    if response.status_code == 302 and response["Location"].startswith("/jobs/"):
        response = file_of_job(client, response["Location"])  # a large export: built by the task worker
    if response.streaming:
        size = sum(len(chunk) for chunk in response.streaming_content)
    else:
        size = len(response.content)
    elapsed = time.perf_counter() - start
    print_result(response.status_code, elapsed, size, baseline)


def file_of_job(client, job_url: str):
    """Click → file ready: the worker builds the queued export (in this process, so its memory counts too)."""
    from django.core.management import call_command

    call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False, verbosity=0)
    return client.get(f"{job_url}download/")


def peak_rss_kb() -> int:
    """This process's peak resident memory, in KB. Not `ru_maxrss`: Linux carries the parent's peak over
    fork and exec into it, so a child of a large parent would report the parent's memory."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.M).group(1))
    except (OSError, AttributeError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def print_result(status, seconds: float, size: int, baseline: int) -> None:
    """The child's one line of JSON: its time, output size and peak memory (RSS) against the baseline."""
    peak = peak_rss_kb()
    print(
        json.dumps(
            {
                "status": status,
                "seconds": seconds,
                "bytes": size,
                "peak_mb": peak / 1024,
                "growth_mb": (peak - baseline) / 1024,
            }
        )
    )


def annual_child(kind: str) -> None:
    """The annual report of the whole district for the current year, as the methodologist: `floor` is
    build_annual alone (its aggregate queries), `xlsx` and `pdf` build and render the file."""
    import django

    django.setup()
    from accounts.models import User
    from directory.models import AcademicYear

    try:
        from reports.annual import build_annual

        exporters = import_module_first(
            ("reports.annual_files", "reports.annual"), ("AnnualXlsx", "AnnualPdf")
        )
    except ImportError as error:
        print(json.dumps({"status": f"not built yet ({error})"}))
        return
    user, year = User.objects.get(username="metodist"), AcademicYear.objects.current()
    exporter = {"xlsx": exporters[0], "pdf": exporters[1]}.get(kind)
    import openpyxl  # noqa: F401  imported before the clock starts, as in a warm worker
    import weasyprint  # noqa: F401

    baseline = peak_rss_kb()
    start = time.perf_counter()
    report = build_annual(user, year)
    size = 0
    if exporter is not None:
        rendered = exporter(report).render()
        rendered.seek(0, os.SEEK_END)
        size = rendered.tell()
    print_result(200, time.perf_counter() - start, size, baseline)


def import_module_first(modules: tuple[str, ...], names: tuple[str, ...]) -> list:
    """The named objects from the first of the modules that has them all."""
    from importlib import import_module

    for module in modules:
        try:
            found = import_module(module)
        except ImportError:
            continue
        if all(hasattr(found, name) for name in names):
            return [getattr(found, name) for name in names]
    raise ImportError(", ".join(names))


IMPORT_ROWS = 5000
SURNAMES = ("Иванова", "Петрова", "Смирнова", "Кузнецова", "Попова", "Соколова", "Лебедева", "Козлова")
NAMES = ("Анна", "Мария", "Елена", "Ольга", "Наталья", "Ирина", "Татьяна", "Светлана")


def import_file(rows: int, organization: str):
    """An XLSX of `rows` new pedagogues of one organisation, in the import template's columns."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import Workbook

    from registry.imports import PEOPLE

    headers = [str(c.header) for c in PEOPLE.columns]
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(headers)
    for n in range(rows):
        values = {
            "Фамилия": SURNAMES[n % len(SURNAMES)],
            "Имя": NAMES[(n // 8) % len(NAMES)],
            "Отчество": f"Тестовна{n}",
            "Год рождения": 1970 + n % 30,
            "Категория": "Педагог",
            "Организация": organization,
        }
        sheet.append([values.get(h) for h in headers])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("import.xlsx", buffer.getvalue())


def import_child() -> None:
    """Import a 5,000-row people file as the methodologist, then roll it back: the data set stays."""
    import django
    from django.db import transaction

    django.setup()
    from django.test import Client
    from django.urls import reverse

    from accounts.models import User
    from directory.models import Organization

    client = Client(raise_request_exception=True)
    client.force_login(User.objects.get(username="metodist"))
    organization = Organization.objects.filter(kind="school").order_by("pk").first()
    upload = import_file(IMPORT_ROWS, organization.short_name)
    baseline = peak_rss_kb()
    with transaction.atomic():
        start = time.perf_counter()
        response = client.post(
            reverse("registry:person_import"), {"file": upload, "organization": organization.pk}
        )
        elapsed = time.perf_counter() - start
        transaction.set_rollback(True)
    print_result(response.status_code, elapsed, 0, baseline)


TARGET_PEAK_MB = 300
# (label, the child's arguments, rows: a model to count or a number, target seconds or None)
EXPORT_JOBS = [
    (  # more than EXPORT_TASK_ROWS: from the click to the file ready, through the task worker
        "registry:person_export (click → file ready, task worker)",
        ["--export-child", "registry:person_export"],
        "registry.Person",
        None,
    ),
    ("registry:pair_export", ["--export-child", "registry:pair_export"], "registry.Pair", None),
    ("banks:practice_export", ["--export-child", "banks:practice_export"], "banks.Practice", None),
    ("reports:statform 1", ["--export-child", "reports:statform/1"], None, None),
    ("reports:statform 2", ["--export-child", "reports:statform/2"], None, None),
    ("reports:statform 3", ["--export-child", "reports:statform/3"], None, None),
    ("annual report: build_annual (aggregate SQL, the floor)", ["--annual-child", "floor"], None, None),
    ("annual report: XLSX", ["--annual-child", "xlsx"], None, 2.0),
    ("annual report: PDF", ["--annual-child", "pdf"], None, 10.0),
    ("registry:person_import", ["--import-child"], IMPORT_ROWS, None),
]


def run_child(arguments: list[str]) -> dict:
    done = subprocess.run(
        [PYTHON, __file__, *arguments], cwd=ROOT, capture_output=True, text=True, check=False
    )
    try:
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        errors = [line for line in done.stderr.splitlines() if re.match(r"^[\w.]+(Error|Exception)\b", line)]
        return {"status": "error: " + (errors[-1][:120] if errors else "see stderr")}


def exports_section(small: bool) -> list:
    from django.apps import apps

    rows = []
    for label, arguments, counted, seconds in EXPORT_JOBS:
        result = run_child([*arguments, "--small"] if small else arguments)  # the same database as ours
        if isinstance(counted, str):
            result["rows"] = apps.get_model(counted).objects.count()
        else:
            result["rows"] = counted if counted is not None else "—"
        result["target_seconds"] = seconds
        rows.append({"page": label, **result})
        print(f"  {label}: {result}", flush=True)
    return rows


# -- load run: gunicorn and a threaded generator --------------------------------------------------------


class FormFields(html.parser.HTMLParser):
    """The fields a browser would send from the page's main POST form (the one with most fields;
    the navbar's logout form is a POST form too)."""

    def __init__(self):
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []
        self.fields: list[tuple[str, str]] = []
        self.in_form = False
        self.select = self.textarea = None
        self.first_option = None
        self.chosen = False
        self.text = ""

    def main_form(self) -> list[tuple[str, str]]:
        return max(self.forms, key=len, default=[])

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.in_form, self.fields = True, []
            self.forms.append(self.fields)
        if not self.in_form:
            return
        if tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file"):
                self.fields.append((a["name"], a.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "select":
            self.select, self.first_option, self.chosen = a.get("name"), None, False
        elif tag == "option" and self.select:
            value = a.get("value") or ""
            if self.first_option is None:
                self.first_option = value
            if "selected" in a:
                self.fields.append((self.select, value))
                self.chosen = True
        elif tag == "textarea":
            self.textarea, self.text = a.get("name"), ""

    def handle_data(self, data):
        if self.textarea:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "select" and self.select:
            if not self.chosen and self.first_option is not None:
                self.fields.append((self.select, self.first_option))
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append((self.textarea, self.text.lstrip("\n")))
            self.textarea = None
        elif tag == "form" and self.in_form:
            self.in_form = False


class VirtualUser:
    def __init__(self, username: str, urls: list[str], edit_url: str | None):
        self.username, self.urls, self.edit_url = username, urls, edit_url
        self.cookies: dict[str, str] = {}
        self.results: list[tuple[float, bool]] = []
        self.failures: Counter = Counter()

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        conn.close()
        return response.status, text

    def timed(self, method, path, expected, body=None) -> str:
        start = time.perf_counter()
        try:
            status, text = self.request(method, path, body)
            ok = status == expected
        except (OSError, http.client.HTTPException) as error:
            ok, text, status = False, "", type(error).__name__
        if not ok:
            page = re.sub(r"/\d+/", "/<pk>/", urllib.parse.urlsplit(path).path)
            self.failures[f"{method} {page} → {status}"] += 1
        self.results.append(((time.perf_counter() - start) * 1000, ok))
        return text

    def login(self) -> bool:
        _status, page = self.request("GET", "/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode(
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token}
        )
        status, _text = self.request("POST", "/accounts/login/", body)
        return status == 302 and "sessionid" in self.cookies

    def run(self, until: float, rng: random.Random) -> None:
        step = 0
        while time.monotonic() < until:
            step += 1
            if self.edit_url and step % 10 == 0:
                page = self.timed("GET", self.edit_url, 200)
                parser = FormFields()
                parser.feed(page)
                self.timed("POST", self.edit_url, 302, urllib.parse.urlencode(parser.main_form()))
            else:
                self.timed("GET", rng.choice(self.urls), 200)


def scope_urls(user, count: int = 60) -> tuple[list[str], str | None]:
    from django.urls import reverse

    from accounts import access
    from registry import selectors

    lists = [reverse(name) for name in LISTS] + [reverse("home")]
    lists += [
        reverse("registry:person_list") + "?category=pedagogue&q=%D0%98%D0%B2",  # «Ив»
        reverse("registry:pair_list") + "?status=active",
        reverse("registry:mentee_list") + "?has_mentor=false",
    ]
    details = []
    for selector, name in (
        (selectors.people_for, "registry:person_detail"),
        (selectors.mentors_for, "registry:mentor_detail"),
        (selectors.mentees_for, "registry:mentee_detail"),
        (selectors.pairs_for, "registry:pair_detail"),
    ):
        ids = list(selector(user).order_by("?").values_list("pk", flat=True)[: count // 4])
        details += [reverse(name, args=[pk]) for pk in ids]
    edit = None
    if access.may_edit(user, coordinator_edits=True):
        person = selectors.people_for(user).filter(is_anonymised=False).order_by("?").first()
        edit = reverse("registry:person_update", args=[person.pk]) if person else None
    return lists + details, edit


def cpu_seconds(pids) -> float:
    """User and system CPU of the processes so far (Linux /proc; 0 where a process is gone)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def processes(parent: int | None = None, name: str | None = None) -> list[int]:
    """Pids of the children of `parent`, or of the processes called `name`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command, fields = (entry / "stat").read_text().rsplit(")", 1)
        except OSError:
            continue
        if (parent is not None and int(fields.split()[1]) == parent) or (
            name is not None and command.split("(", 1)[1] == name
        ):
            found.append(int(entry.name))
    return found


def cpu_of_load(server_pid: int) -> dict[str, float]:
    """CPU seconds so far of gunicorn (master and workers), PostgreSQL and this process (the load)."""
    return {
        "gunicorn": cpu_seconds([server_pid, *processes(parent=server_pid)]),
        "postgres": cpu_seconds(processes(name="postgres")),
        "load generator": sum(os.times()[:2]),
    }


def wait_for_port(seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", PORT), timeout=1).close()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not start")


def load_section(concurrency: int, seconds: int) -> dict:
    from accounts.models import User

    usernames = []
    coordinators = iter(
        User.objects.filter(role="coordinator").order_by("pk").values_list("username", flat=True)
    )
    for index in range(concurrency):
        if index % 10 == 0:
            usernames.append("otdel")
        elif index % 10 < 5:
            usernames.append("metodist")
        else:
            usernames.append(next(coordinators, "metodist"))
    by_name = {u.username: u for u in User.objects.filter(username__in=usernames)}
    plans = {name: scope_urls(by_name[name]) for name in set(usernames)}
    from registry.models import Person

    # Every editing thread edits a person of its own, so that no edit meets another's (the app would
    # rightly refuse the later one as a concurrent edit, and the run would count it as an error).
    edited = {int(re.search(r"/(\d+)/edit/", edit).group(1)) for _urls, edit in plans.values() if edit}
    users = []
    for name in usernames:
        urls, edit = plans[name]
        if name == "metodist":
            people = Person.objects.filter(is_anonymised=False).exclude(pk__in=edited)
            person = people.order_by("?").first()
            edited.add(person.pk)
            edit = f"/registry/people/{person.pk}/edit/"
        users.append(VirtualUser(name, urls, edit))

    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "mshn.wsgi",
            "--workers",
            str(GUNICORN_WORKERS),
            "--timeout",
            "60",
            "-b",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=os.environ.copy(),
    )
    try:
        wait_for_port()
        start = time.monotonic()
        logged = []
        threads = [threading.Thread(target=lambda u=u: logged.append(u.login())) for u in users]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        login_seconds = time.monotonic() - start
        until = time.monotonic() + seconds
        threads = [
            threading.Thread(target=u.run, args=(until, random.Random(i))) for i, u in enumerate(users)
        ]
        cpu_before = cpu_of_load(server.pid)
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        cpu_after = cpu_of_load(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies = sorted(ms for u in users for ms, _ok in u.results)
    errors = sum(1 for u in users for _ms, ok in u.results if not ok)
    failures = sum((u.failures for u in users), Counter())
    result = {
        "users": concurrency,
        "seconds": elapsed,
        "logins_ok": sum(logged),
        "login_seconds": login_seconds,
        "requests": len(latencies),
        "rps": len(latencies) / elapsed if elapsed else 0,
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99),
        "errors": errors,
        "failures": dict(failures.most_common(10)),
        "cpu_ms": {
            who: (cpu_after[who] - cpu_before[who]) * 1000 / max(len(latencies), 1) for who in cpu_before
        },
    }
    print(f"  load: {result}", flush=True)
    return result


# -- report -----------------------------------------------------------------------------------------------


def mark(ok: bool) -> str:
    return "✅" if ok else "❌"


def report(args, sizes: dict, page_rows, admin_rows, export_rows, load) -> str:
    out = [
        f"# МШН — `make bench{'-small' if args.small else ''}`",
        "",
        f"Date: {datetime.datetime.now():%Y-%m-%d %H:%M}; CPUs: {os.cpu_count()}; database: PostgreSQL "
        f"`{args.region['database']}`; Python {sys.version.split()[0]}; DEBUG=0, in-process Django test client; "
        f"load average at the start {args.loadavg[0]:.1f}, at the end {os.getloadavg()[0]:.1f} "
        "(PostgreSQL, gunicorn and the load generator share the machine's CPUs).",
        "",
        f"Machine speed: {args.calibration:.0f} ms of CPU for a fixed piece of Django work (compiling a list's "
        "query and rendering a 50-row template, 300 times; the best of 5). The machines of this workplace differ "
        "by up to half between sessions: compare runs with this figure beside them.",
        "",
        "Data: " + ", ".join(f"{name} {count:,}".replace(",", " ") for name, count in sizes.items()) + ".",
        "",
        f"Targets: every page under {TARGET_MEDIAN_MS} ms median and {TARGET_P95_MS} ms p95; query count not "
        "growing with data (compare with bench/results-small.md); lists not slower than the admin's; "
        f"load ≥ {TARGET_RPS} req/s with zero errors.",
        "",
        f"## Pages ({args.requests} timed requests after 3 warm-ups)",
        "",
        "| page | role | status | queries | median, ms | p95, ms | target |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in page_rows:
        ok = r["status"] == 200 and r["median"] < TARGET_MEDIAN_MS and r["p95"] < TARGET_P95_MS
        verdict = mark(ok)
        if r["status"] == 403 and r["role"] == "coordinator":
            verdict = "— (district readers only)"
        out.append(
            f"| {r['page']} | {r['role']} | {r['status']} | {r['queries']} | {r['median']:.1f} | {r['p95']:.1f} | {verdict} |"
        )
    out += [
        "",
        "## Every list against Django admin's change list of its model (methodologist vs superuser, same data)",
        "",
        "The admin shows our page size. A model without a ModelAdmin of the project gets one mirrored from our "
        "list (bench/urls.py): the same columns over the same queryset.",
        "",
        "| list | ours: queries | ours: median, ms | admin: queries | admin: median, ms | ours / admin | target |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in admin_rows:
        out.append(
            f"| {r['page']} | {r['ours']['queries']} | {r['ours']['median']:.1f} | {r['admin']['queries']} | "
            f"{r['admin']['median']:.1f} | {r['ratio']:.2f} | {mark(r['ratio'] <= 1.0)} |"
        )
    out += [
        "",
        "## Exports, reports and the import of a 5,000-row people file (methodologist, whole region, each in a separate process; the import is rolled back)",
        "",
        f"Targets: peak memory under {TARGET_PEAK_MB} MB; the annual report's XLSX under 2 s and PDF under 10 s. "
        "The floor is build_annual alone: the report's aggregate queries without writing a file.",
        "",
        "| export | rows | status | time, s | file, MB | peak RSS, MB | RSS growth, MB | target |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in export_rows:
        if "seconds" in r:
            ok = (
                r["status"] in (200, 302) and r["peak_mb"] < TARGET_PEAK_MB
            )  # the import redirects on success
            ok = ok and (r["target_seconds"] is None or r["seconds"] < r["target_seconds"])
            out.append(
                f"| {r['page']} | {r['rows']} | {r['status']} | {r['seconds']:.2f} | {r['bytes'] / 2**20:.1f} | "
                f"{r['peak_mb']:.0f} | {r['growth_mb']:.0f} | {mark(ok)} |"
            )
        else:
            out.append(f"| {r['page']} | {r['rows']} | {r['status']} | — | — | — | — | — |")
    out += [
        "",
        f"## Load: gunicorn --workers {GUNICORN_WORKERS} --timeout 60 (README's setting) on 127.0.0.1, {load['users']} concurrent users, {load['seconds']:.0f} s",
        "",
        "Each user logs in once through the login form (CSRF), then loops over lists (with filters, search, "
        "pagination), detail pages in its scope, and every 10th step opens a person's edit form and posts it "
        "back (methodologists and coordinators). Users: 1/10 department, 4/10 methodologist, 5/10 coordinators "
        "of different organisations.",
        "",
        "| requests | req/s | p50, ms | p95, ms | p99, ms | errors | logins (s) | target |",
        "|---|---|---|---|---|---|---|---|",
        f"| {load['requests']} | {load['rps']:.1f} | {load['p50']:.0f} | {load['p95']:.0f} | {load['p99']:.0f} | "
        f"{load['errors']} | {load['logins_ok']}/{load['users']} ({load['login_seconds']:.1f}) | "
        f"{mark(load['rps'] >= TARGET_RPS and load['errors'] == 0)} |",
        "",
        "CPU per request during the run (user + system; the machine's speed varies between runs, these vary less): "
        + "; ".join(f"{who} {ms:.1f} ms" for who, ms in load["cpu_ms"].items())
        + f"; in all {sum(load['cpu_ms'].values()):.1f} ms of the {os.cpu_count()} CPUs' "
        f"{os.cpu_count() * 1000 / max(load['rps'], 1):.1f} ms a request could have.",
        "",
    ]
    if load["failures"]:
        out += (
            ["Errors by request:", ""] + [f"- `{what}`: {n}" for what, n in load["failures"].items()] + [""]
        )
    return "\n".join(out)


def calibration_ms() -> float:
    """CPU milliseconds this machine takes for a fixed piece of Django-shaped work: no database, no I/O,
    so that two runs on different machines can be set side by side."""
    from django.db import DEFAULT_DB_ALIAS
    from django.template import engines

    from registry.models import Pair

    query = Pair.objects.select_related("mentor__person", "organization", "form").order_by("-started_on")
    template = engines["django"].from_string(
        "{% for row in rows %}<tr><td>{{ row }}</td><td>{{ row|add:1 }}</td></tr>{% endfor %}"
    )

    def work() -> float:
        start = time.process_time()
        for step in range(300):
            query.filter(status="active", pk__gt=step).query.get_compiler(DEFAULT_DB_ALIAS).as_sql()
            template.render({"rows": range(50)})
        return (time.process_time() - start) * 1000

    return min(work() for _ in range(5))


def data_sizes() -> dict:
    from banks.models import MentoringProgram, Practice
    from directory.models import AcademicYear, Organization
    from events.models import Event, Participation, Training
    from meetings.models import Meeting, RoadmapItem
    from registry.models import Activity, Consent, Mentee, Mentor, Pair, Person
    from submissions.models import Submission
    from websites.models import CheckResult

    return {
        "organisations": Organization.objects.count(),
        "school years": AcademicYear.objects.count(),
        "people": Person.objects.count(),
        "consents": Consent.objects.count(),
        "mentors": Mentor.objects.count(),
        "mentees": Mentee.objects.count(),
        "pairs": Pair.objects.count(),
        "activities": Activity.objects.count(),
        "practices": Practice.objects.count(),
        "bank programs": MentoringProgram.objects.count(),
        "meetings": Meeting.objects.count(),
        "roadmap items": RoadmapItem.objects.count(),
        "events": Event.objects.count(),
        "participations": Participation.objects.count(),
        "trainings": Training.objects.count(),
        "submissions": Submission.objects.count(),
        "accepted snapshots": Submission.objects.filter(snapshot__isnull=False).count(),
        "website check results": CheckResult.objects.count(),
    }


def main() -> None:
    args = parse_args()
    args.loadavg = os.getloadavg()
    static_root = os.environ.get("BENCH_STATIC_ROOT") or tempfile.mkdtemp(prefix="mshn-bench-static-")
    configure(args.region["database"], static_root)
    if args.import_child:
        import_child()
        return
    if args.annual_child:
        annual_child(args.annual_child)
        return
    if args.export_child:
        export_child(args.export_child)
        return
    ensure_database(args.region["database"])
    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    import django

    django.setup()
    from accounts.models import User
    from registry.models import Person

    if not Person.objects.exists():
        from django.core.management import call_command

        call_command(
            "load_region",
            organizations=args.region["organizations"],
            people=args.region["people"],
            pairs=args.region["pairs"],
            practices=args.region["practices"],
            force=True,
        )
    users = {
        "methodist": User.objects.get(username="metodist"),
        "coordinator": User.objects.get(username="kurator1"),
        "department": User.objects.get(username="otdel"),
    }
    if args.load_only:
        load_section(args.users, args.load_seconds)
        return
    sizes = data_sizes()
    args.calibration = calibration_ms()
    print(f"Machine speed: {args.calibration:.0f} ms", flush=True)
    print("Pages:", flush=True)
    page_rows, _pages = pages_section(users, pick_objects(users["coordinator"]), args.requests)
    print("Admin:", flush=True)
    admin_rows = admin_section(User.objects.get(username="admin"), page_rows, args.requests)
    print("Exports:", flush=True)
    export_rows = exports_section(args.small)
    print("Load:", flush=True)
    load = load_section(args.users, args.load_seconds)
    text = report(args, sizes, page_rows, admin_rows, export_rows, load)
    Path(args.output).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
