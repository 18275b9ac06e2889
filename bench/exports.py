"""Exports, the annual report and the XLSX import, each in a child process (time and peak memory)."""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import time
from pathlib import Path

from bench.data import PYTHON, ROOT


def export_child(url_name: str) -> None:
    """`name[/argument][@role]`: the export as the bench's user of the role (the methodologist by default)."""
    import django

    django.setup()
    from django.test import Client
    from django.urls import reverse

    from bench.data import bench_users

    url_name, _, role = url_name.partition("@")
    client = Client(raise_request_exception=True)
    client.force_login(bench_users()[role or "methodist"])
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
    from bench.data import bench_users
    from directory.models import AcademicYear

    try:
        from reports.annual import build_annual

        exporters = import_module_first(
            ("reports.annual_files", "reports.annual"), ("AnnualXlsx", "AnnualPdf")
        )
    except ImportError as error:
        print(json.dumps({"status": f"not built yet ({error})"}))
        return
    user, year = bench_users()["methodist"], AcademicYear.objects.current()
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

    from bench.data import bench_users
    from directory.models import Organization

    methodist = bench_users()["methodist"]
    client = Client(raise_request_exception=True)
    client.force_login(methodist)
    organization = (
        Organization.objects.filter(kind="school", district=methodist.district).order_by("pk").first()
    )
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
    # the regional reader's forms: every district of the region
    ("reports:statform 1, region", ["--export-child", "reports:statform/1@region"], None, None),
    ("reports:statform 2, region", ["--export-child", "reports:statform/2@region"], None, None),
    ("reports:statform 3, region", ["--export-child", "reports:statform/3@region"], None, None),
    ("annual report: build_annual (aggregate SQL, the floor)", ["--annual-child", "floor"], None, None),
    ("annual report: XLSX", ["--annual-child", "xlsx"], None, 2.0),
    ("annual report: PDF", ["--annual-child", "pdf"], None, 10.0),
    ("registry:person_import", ["--import-child"], IMPORT_ROWS, None),
]


def run_child(arguments: list[str]) -> dict:
    done = subprocess.run(
        [PYTHON, "-m", "bench.run", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        errors = [line for line in done.stderr.splitlines() if re.match(r"^[\w.]+(Error|Exception)\b", line)]
        return {"status": "error: " + (errors[-1][:120] if errors else "see stderr")}


def exports_section(small: bool) -> list:
    from django.apps import apps

    from bench.data import bench_users
    from core.access import in_district

    district_id = bench_users()["methodist"].district_id
    rows = []
    for label, arguments, counted, seconds in EXPORT_JOBS:
        result = run_child([*arguments, "--small"] if small else arguments)  # the same database as ours
        if isinstance(counted, str):  # the rows of the methodologist's district
            result["rows"] = in_district(apps.get_model(counted).objects.all(), district_id).count()
        else:
            result["rows"] = counted if counted is not None else "—"
        result["target_seconds"] = seconds
        rows.append({"page": label, **result})
        print(f"  {label}: {result}", flush=True)
    return rows
