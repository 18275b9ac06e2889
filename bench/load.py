"""The load run: gunicorn as in production and a threaded generator of virtual users on 127.0.0.1."""

from __future__ import annotations

import html.parser
import http.client
import os
import random
import re
import socket
import subprocess
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

from bench.data import GUNICORN_WORKERS, PASSWORD, PORT, ROOT
from bench.pages import LISTS, percentile


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

    from core import access
    from registry import selectors
    from registry.audit import may_open_card

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
        records = list(selector(user).order_by("?")[: count // 4])
        if name == "registry:person_detail":  # the department opens no minor's card (it would get 403)
            records = [person for person in records if may_open_card(user, person)]
        details += [reverse(name, args=[record.pk]) for record in records]
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
    from bench.data import bench_users

    methodist = bench_users()["methodist"]
    usernames = []
    coordinators = iter(
        User.objects.filter(role="coordinator").order_by("pk").values_list("username", flat=True)
    )
    for index in range(concurrency):
        if index % 10 == 0:
            usernames.append("otdel")
        elif index % 10 < 5:
            usernames.append(methodist.username)
        else:
            usernames.append(next(coordinators, methodist.username))
    by_name = {u.username: u for u in User.objects.filter(username__in=usernames)}
    plans = {name: scope_urls(by_name[name]) for name in set(usernames)}
    from registry.models import Person

    # Every editing thread edits a person of its own, so that no edit meets another's (the app would
    # rightly refuse the later one as a concurrent edit, and the run would count it as an error).
    edited = {int(re.search(r"/(\d+)/edit/", edit).group(1)) for _urls, edit in plans.values() if edit}
    users = []
    for name in usernames:
        urls, edit = plans[name]
        if name == methodist.username:  # a person of the methodologist's district
            people = Person.objects.filter(is_anonymised=False, organization__district=methodist.district)
            people = people.exclude(pk__in=edited)
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
