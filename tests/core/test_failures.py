"""The database going away mid-request gives the Russian error page, and the next request works."""

from __future__ import annotations

import contextlib
import json
import os
import select
import socket
import subprocess
import sys
import threading
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path

from registry.models import Person
from tests.factories import PersonFactory


def database_gone(request):
    raise OperationalError("server closed the connection unexpectedly")


def people_count(request):
    return HttpResponse(str(Person.objects.count()))


urlpatterns = [path("gone/", database_gone), path("count/", people_count)]
handler500 = "core.errors.server_error"  # as in mshn/urls.py


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_lost_database_shows_the_russian_unavailable_page(db):
    response = Client(raise_request_exception=False).get("/gone/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Сервис временно недоступен" in page
    assert "подождите минуту и повторите" in page
    assert "Traceback" not in page
    assert "OperationalError" not in page


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_next_request_after_the_failure_works(db):
    PersonFactory.create_batch(2)
    client = Client(raise_request_exception=False)
    assert client.get("/gone/").status_code == 503
    response = client.get("/count/")
    assert response.status_code == 200
    assert response.content == b"2"


def test_connections_are_checked_before_reuse():
    """A connection the database dropped is replaced at the next request instead of failing it."""
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


# A database that accepts connections and never answers (a hung server, a full connection queue).

SITE = """
import json, sys, time
import django
django.setup()
from django.db import OperationalError, connection
from django.test import Client

client = Client(raise_request_exception=False)
for line in sys.stdin:
    start = time.monotonic()
    if line.strip() == "sleep":
        try:
            connection.cursor().execute("SELECT pg_sleep(5)")
            outcome = {"status": "finished"}
        except OperationalError as error:
            outcome = {"status": type(error.__cause__).__name__}
    else:
        response = client.post("/accounts/login/", {"username": "nobody", "password": "wrong-password"})
        outcome = {"status": response.status_code, "page": response.content.decode()}
    print(json.dumps({**outcome, "seconds": time.monotonic() - start}), flush=True)
"""


class Gate:
    """A local server in front of PostgreSQL: while shut it accepts connections and never answers;
    once opened it forwards them to the database."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.opened = threading.Event()
        self.held: list[socket.socket] = []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            if not self.opened.is_set():
                self.held.append(client)  # accepted, never answered
                continue
            upstream = self.connect_upstream()
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pump, args=(source, sink), daemon=True).start()

    def connect_upstream(self) -> socket.socket:
        """TCP to a server on a port, or its Unix socket where the host is a directory (the checkout's own
        PostgreSQL of `make test`)."""
        host, port = self.target
        if not host.startswith("/"):
            return socket.create_connection(self.target)
        upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        upstream.connect(f"{host}/.s.PGSQL.{port}")
        return upstream

    @staticmethod
    def pump(source: socket.socket, sink: socket.socket):
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)

    def close(self):
        self.server.close()
        for held in self.held:
            held.close()


@pytest.fixture
def gate():
    database = connection.settings_dict
    opened = Gate(database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432))
    yield opened
    opened.close()


def site_behind(gate: Gate, **env) -> subprocess.Popen:
    database = connection.settings_dict
    user = quote(database["USER"] or "") + (f":{quote(database['PASSWORD'])}" if database["PASSWORD"] else "")
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mshn.settings_test",
        "DATABASE_URL": f"postgres://{user}@127.0.0.1:{gate.port}/{database['NAME']}",
        "DEBUG": "0",
        "LOG_LEVEL": "CRITICAL",
        **env,
    }
    return subprocess.Popen(
        [sys.executable, "-c", SITE],
        env=environment,
        cwd=settings.BASE_DIR,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )


def ask(site: subprocess.Popen, what: str = "login") -> dict:
    site.stdin.write(what + "\n")
    site.stdin.flush()
    answered, _, _ = select.select([site.stdout], [], [], 20)
    assert answered, "the site did not answer in 20 s"
    return json.loads(site.stdout.readline())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's connect and statement timeouts")
def test_hung_database_gives_the_russian_503_in_seconds_and_recovers(transactional_db, gate):
    site = site_behind(gate, DATABASE_CONNECT_TIMEOUT="2")
    try:
        hung = ask(site)
        assert hung["status"] == 503
        assert "Сервис временно недоступен" in hung["page"]
        assert hung["seconds"] < 4, hung["seconds"]  # connect_timeout 2 s, far below gunicorn's 60 s
        gate.opened.set()
        answered = ask(site)
        assert answered["status"] == 200
        assert "Пожалуйста, введите правильные имя пользователя и пароль" in answered["page"]
    finally:
        site.kill()
        site.wait()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statement_timeout")
def test_long_statement_is_cancelled_at_the_statement_timeout(transactional_db, gate):
    gate.opened.set()
    site = site_behind(gate, DATABASE_STATEMENT_TIMEOUT="1")
    try:
        cancelled = ask(site, "sleep")
        assert cancelled["status"] == "QueryCanceled"
        assert cancelled["seconds"] < 3, cancelled["seconds"]
    finally:
        site.kill()
        site.wait()
