"""The table of results (bench/results.md) and the machine's speed it is read against."""

from __future__ import annotations

import datetime
import os
import sys
import time

from bench.data import GUNICORN_WORKERS
from bench.exports import TARGET_PEAK_MB

TARGET_MEDIAN_MS, TARGET_P95_MS, TARGET_RPS = 100, 250, 100


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
        elif r["status"] == 403 and r["role"] == "region":
            verdict = "— (no personal data for the region)"
        out.append(
            f"| {r['page']} | {r['role']} | {r['status']} | {r['queries']} | {r['median']:.1f} | {r['p95']:.1f} | {verdict} |"
        )
    out += [
        "",
        "## Every list against Django admin's change list of its model (both as the administrator: every district, same data)",
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
        "## Exports, reports and the import of a 5,000-row people file (the largest district's methodologist; "
        "«region»: the regional reader, every district; each in a separate process; the import is rolled back)",
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
        "back (methodologists and coordinators). Users: 1/10 department, 4/10 the largest district's "
        "methodologist, 5/10 coordinators of different organisations.",
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
