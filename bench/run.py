"""`make bench`: how fast the main pages are on a whole region, in-process and under load.

Uses its own PostgreSQL database (created, migrated and filled by `load_region` when empty), measures
every main page as the methodologist of the largest district and as a coordinator there, the regional
pages as the regional reader (queries, median and p95 server time),
compares each list with Django admin's change list, times the XLSX exports in a subprocess (peak
memory), then runs gunicorn and a threaded load generator on 127.0.0.1. Writes bench/results.md.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from bench.admin_comparison import admin_section
from bench.data import FULL, ROOT, SMALL, bench_users, configure, data_sizes, ensure_database, manage
from bench.exports import annual_child, export_child, exports_section, import_child
from bench.load import load_section
from bench.pages import pages_section, pick_objects
from bench.report import calibration_ms, report


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
    parser.add_argument(
        "--region-only",
        action="store_true",
        help="only the region's pages and its statistical forms, printed (results.md is left alone)",
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
    ensure_database(args.region["database"], fresh=args.region is SMALL)
    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    import django

    django.setup()
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
    users = bench_users()
    if args.load_only:
        load_section(args.users, args.load_seconds)
        return
    if args.region_only:
        region_only(users, args)
        return
    sizes = data_sizes()
    args.calibration = calibration_ms()
    print(f"Machine speed: {args.calibration:.0f} ms", flush=True)
    print("Pages:", flush=True)
    page_rows, _pages = pages_section(users, pick_objects(users["coordinator"]), args.requests)
    print("Admin:", flush=True)
    admin_rows = admin_section(users.pop("admin"), args.requests)
    print("Exports:", flush=True)
    export_rows = exports_section(args.small)
    print("Load:", flush=True)
    load = load_section(args.users, args.load_seconds)
    text = report(args, sizes, page_rows, admin_rows, export_rows, load)
    Path(args.output).write_text(text, encoding="utf-8")
    print(text)


def region_only(users: dict, args) -> None:
    """The region's pages as the regional reader and the largest district's methodologist, and the
    statistical forms of the whole region, without the rest of the bench (a quick look after a change)."""
    from django.test import Client
    from django.urls import reverse

    from bench.exports import EXPORT_JOBS, run_child
    from bench.pages import REGION_ROLES, measure, region_pages

    clients = {}
    for role in REGION_ROLES:
        clients[role] = Client(raise_request_exception=True)
        clients[role].force_login(users[role])
    pages = [("home", reverse("home")), ("reports:dashboard", reverse("reports:dashboard"))]
    for label, url in pages + region_pages(users["methodist"].district_id):
        for role in REGION_ROLES:
            r = measure(clients[role], url, args.requests)
            print(
                f"| {label} | {role} | {r['status']} | {r['queries']} | {r['median']:.1f} | {r['p95']:.1f} |"
            )
    for label, arguments, _rows, _seconds in EXPORT_JOBS:
        if "statform" in label:
            r = run_child([*arguments, "--small"] if args.small else arguments)
            print(
                f"| {label} | {r.get('status')} | {r.get('seconds', 0):.2f} s | {r.get('peak_mb', 0):.0f} MB |"
            )


if __name__ == "__main__":
    main()
