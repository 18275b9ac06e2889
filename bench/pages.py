"""In-process page timings: every main page of every capability as each role, the region's pages as the
regional reader and a district's methodologist (queries, median, p95)."""

from __future__ import annotations

import statistics
import time

from bench.data import CAPABILITY_APPS


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
    """A rich record of each capability's detail page: the organisation's own where records belong to one,
    its district's where they belong to the district."""
    from django.db.models import Count

    from banks.models import MentoringProgram, NormativeDocument, Practice
    from events.models import Event, Partner, Training
    from meetings.models import Meeting, RoadmapItem
    from submissions.models import Campaign, Submission
    from websites.models import CheckRound, WebsiteCheck

    own = {"district": org.district_id}
    campaign = first_pk(Campaign.objects.filter(**own).order_by("-deadline", "-pk"))
    round_ = first_pk(CheckRound.objects.filter(**own).order_by("-deadline", "-pk"))
    return {
        "banks:practice_detail": first_pk(
            Practice.objects.filter(organization=org).annotate(n=Count("authors")).order_by("-n", "pk")
        ),
        "banks:program_detail": first_pk(MentoringProgram.objects.filter(organization=org).order_by("pk")),
        "banks:document_detail": first_pk(NormativeDocument.objects.filter(**own).order_by("pk")),
        "banks:showcase_detail": first_pk(Practice.objects.filter(status="published").order_by("pk")),
        "meetings:meeting_detail": first_pk(
            Meeting.objects.filter(**own).annotate(n=Count("present")).order_by("-n", "pk")
        ),
        "meetings:roadmap_detail": first_pk(
            RoadmapItem.objects.filter(**own).order_by("-year__start_year", "pk")
        ),
        "events:event_detail": first_pk(
            Event.objects.filter(**own).annotate(n=Count("participants")).order_by("-n", "pk")
        ),
        "events:training_detail": first_pk(Training.objects.filter(person__organization=org).order_by("pk")),
        "events:partner_detail": first_pk(
            Partner.objects.filter(**own).annotate(n=Count("interactions")).order_by("-n", "pk")
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
    skipped = ("export", "new", "import", "template", "copy", "pdf", "docx", ".xlsx")
    for app in CAPABILITY_APPS:
        for pattern in import_module(f"{app}.urls").urlpatterns:
            route = str(pattern.pattern)
            name = f"{app}:{pattern.name}"
            if name in known or "<" in route or any(word in route for word in skipped):
                continue
            found.append((name, reverse(name)))
    from bench.urls import list_views  # every list is measured: the admin comparison reads its row

    known = {label for label, _url in found}
    found += [(name, reverse(name)) for name in list_views() if name not in known]
    return found


def region_pages(district_id: int) -> list[tuple[str, str]]:
    """(label, url) of the region's pages: the summary of its districts (and its XLSX), the dashboard of the
    whole region and of one district, the districts' list. The statistical forms of the whole region are
    files: the exports measure them (bench/exports.py)."""
    from django.urls import reverse

    dashboard = reverse("reports:dashboard")
    return [
        ("reports:region_summary", reverse("reports:region_summary")),
        ("reports:region_summary_export", reverse("reports:region_summary_export")),
        ("reports:dashboard ?district", f"{dashboard}?district={district_id}"),
        ("directory:district_list", reverse("directory:district_list")),
    ]


# Who opens which page besides the methodologist and the coordinator (every main page).
MORE_ROLES = {
    "home": ("department", "region"),
    "reports:dashboard": ("region",),
}
REGION_ROLES = ("region", "methodist")


def pages_section(users: dict, objects: dict, repeats: int) -> tuple[list, list]:
    from django.test import Client

    rows = []
    clients = {}
    for role, user in users.items():
        clients[role] = Client(raise_request_exception=True)
        clients[role].force_login(user)
    ours = pages(objects)
    region = region_pages(users["methodist"].district_id)
    region_labels = {label for label, _url in region}
    main = [(label, url) for label, url in ours if label not in region_labels]
    for label, url in main + region:
        if label in region_labels:
            roles = REGION_ROLES
        else:
            roles = ("methodist", "coordinator", *MORE_ROLES.get(label, ()))
        for role in roles:
            result = measure(clients[role], url, repeats)
            rows.append({"page": label, "url": url, "role": role, **result})
            print(
                f"  {label:40} {role:12} {result['status']} q={result['queries']} "
                f"median={result['median']:.1f} p95={result['p95']:.1f}",
                flush=True,
            )
    return rows, ours
