"""Servers the several-machines tests start for themselves (marker `cluster`): a PostgreSQL streaming replica
of the test server, application servers on their own ports, a local S3 emulator. Each one is started with a
bounded wait and stopped by its fixture's finalizer, whatever the test did."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import psycopg
from django.conf import settings
from django.db import connections

ROOT = Path(settings.BASE_DIR)
START_SECONDS = 60
# A hot standby refuses to start with less of these than its primary.
STANDBY_MATCHES_PRIMARY = (
    "max_connections",
    "max_worker_processes",
    "max_wal_senders",
    "max_prepared_transactions",
    "max_locks_per_transaction",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(ready, what: str, seconds: float = START_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not start in {seconds} s")
        time.sleep(0.2)


def database_url(settings_dict: dict) -> str:
    """postgres:// address of a connection's database (a Unix socket folder as an encoded host)."""
    host = quote(settings_dict["HOST"] or "127.0.0.1", safe="")
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{settings_dict['USER']}@{host}{port}/{settings_dict['NAME']}"


def primary_url() -> str:
    return database_url(connections["default"].settings_dict)


def _show(cursor, name: str) -> str:
    cursor.execute(f"SHOW {name}")
    return cursor.fetchone()[0]


class Replica:
    """A streaming replica of the test server made by pg_basebackup -R, running on a free TCP port.

    A server whose pg_hba.conf lets no one replicate (the machine's PostgreSQL of the helpers: wal_level and
    max_wal_senders would do, but no `replication` line) gets a copy of the test database instead, with a
    warning: the routing is tested the same, only pg_is_in_recovery() differs (`streaming`)."""

    def __init__(self):
        with connections["default"].cursor() as cursor:
            cursor.execute(
                "SELECT EXISTS (SELECT FROM pg_hba_file_rules WHERE 'replication' = ANY(database))"
            )
            self.streaming = cursor.fetchone()[0]
            self.bin_dir = self._bin_dir(cursor)
            owner = pwd.getpwuid(Path(_show(cursor, "data_directory")).stat().st_uid)
            self.limits = {name: _show(cursor, name) for name in STANDBY_MATCHES_PRIMARY}
        # PostgreSQL never runs as root: the replica runs as the primary's own system user.
        self.as_owner = ["runuser", "-u", owner.pw_name, "--"] if os.geteuid() == 0 else []
        self.folder = Path(tempfile.mkdtemp(prefix="mshn-replica-"))
        os.chown(self.folder, owner.pw_uid, owner.pw_gid)
        self.data = self.folder / "data"
        self.port = free_port()
        primary = connections["default"].settings_dict
        self.url = database_url({**primary, "HOST": "127.0.0.1", "PORT": self.port})
        self._primary = primary

    @staticmethod
    def _bin_dir(cursor) -> Path:
        if settings.POSTGRES_BIN_DIR:
            return Path(settings.POSTGRES_BIN_DIR)
        major = int(_show(cursor, "server_version_num")) // 10000
        return Path(f"/usr/lib/postgresql/{major}/bin")

    def _run(self, program: str, *args: str, timeout: float = START_SECONDS) -> None:
        subprocess.run(
            [*self.as_owner, str(self.bin_dir / program), *args],
            check=True,
            timeout=timeout,
            capture_output=True,
        )

    def start(self) -> Replica:
        if not self.streaming:
            return self._copy()
        primary = self._primary
        host = ["-h", primary["HOST"] or "127.0.0.1", "-U", primary["USER"]]
        port = ["-p", str(primary["PORT"])] if primary.get("PORT") else []
        self._run("pg_basebackup", *host, *port, "-D", str(self.data), "-R", "-X", "stream", "-c", "fast")
        self._write_own_configuration()
        options = " ".join(
            [
                f"-c port={self.port} -c listen_addresses=127.0.0.1",
                f"-c unix_socket_directories={self.folder}",
                *(f"-c {name}={value}" for name, value in self.limits.items()),
            ]
        )
        log = self.folder / "log"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(log), "-o", options, "-w", "-t", "60", "start")
        return self

    def _copy(self) -> Replica:
        if not os.environ.get("DATABASE_URL"):  # the checkout's own PostgreSQL (make test, CI) always streams
            raise RuntimeError(
                "the project's own PostgreSQL refuses replication: the test needs a streaming replica"
            )
        warnings.warn(
            "the test server refuses replication connections (no `replication` line in pg_hba.conf): "
            "the replica is a copy of the test database",
            stacklevel=2,
        )
        name = self._primary["NAME"]
        self.copy_name = f"{name}_replica"
        self.url = database_url({**self._primary, "NAME": self.copy_name})
        connections["default"].close()  # a template database must have no other session
        with self._maintenance() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.copy_name}"')
            admin.execute(f'CREATE DATABASE "{self.copy_name}" TEMPLATE "{name}"')
        return self

    def _maintenance(self):
        return psycopg.connect(database_url({**self._primary, "NAME": "postgres"}), autocommit=True)

    def freeze(self) -> None:
        """Nothing written on the primary from now on reaches the replica (its replay paused)."""
        if self.streaming:
            with psycopg.connect(self.url, autocommit=True) as standby:
                standby.execute("SELECT pg_wal_replay_pause()")

    def _write_own_configuration(self) -> None:
        """A Debian cluster keeps its configuration in /etc, outside the copied folder: the replica gets its
        own (trust on its own socket and loopback, as the tests' primary has)."""
        for name, text in {
            "postgresql.conf": "",
            "pg_hba.conf": "local all all trust\nhost all all 127.0.0.1/32 trust\n",
            "pg_ident.conf": "",
        }.items():
            path = self.data / name
            if name == "pg_hba.conf" or not path.exists():
                path.write_text(text)
                shutil.chown(path, *self._owner_ids())

    def _owner_ids(self) -> tuple[int, int]:
        stat = self.folder.stat()
        return stat.st_uid, stat.st_gid

    def stop(self) -> None:
        if not self.streaming:
            with self._maintenance() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.copy_name}" WITH (FORCE)')
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


class Processes:
    """Background programs of one test (application servers, the S3 emulator), all stopped at its end."""

    def __init__(self):
        self.running: list[subprocess.Popen] = []

    def start(self, command: list[str], env: dict, port: int | None, log: Path) -> None:
        """Start the program; with a port, wait until it listens there."""
        process = subprocess.Popen(
            command,
            env=env,
            cwd=ROOT,
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.running.append(process)

        def listening() -> bool:
            if process.poll() is not None:
                raise RuntimeError(f"{command[:3]} ended: {log.read_text(errors='replace')[-2000:]}")
            with socket.socket() as probe:
                return probe.connect_ex(("127.0.0.1", port)) == 0

        if port is not None:
            wait_until(listening, " ".join(command[:4]))

    def stop(self) -> None:
        for process in self.running:
            process.terminate()
        for process in self.running:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


@contextmanager
def processes():
    started = Processes()
    try:
        yield started
    finally:
        started.stop()


def manage(*args: str, env: dict, timeout: float = START_SECONDS) -> str:
    """A management command in its own process with the given environment; its standard output."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return done.stdout
