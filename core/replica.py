"""Heavy report reads on a PostgreSQL streaming replica, when DATABASE_REPLICA_URL configures one.

Nothing goes to the replica by itself: a report entry point opts in with `replica_reads()` (or the
`reads_replica` decorator) and only the reads made inside it go there. Writes, the shared cache's table and
any read inside a transaction of the primary (a page that has just written reads its own write) stay on
the primary; without a replica configured every read stays on the primary too."""

from __future__ import annotations

import functools
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
_reading = ContextVar("replica_reads", default=False)
# The database cache's model: a figure's version read from a lagging replica would cache stale figures.
_PRIMARY_ONLY_APPS = frozenset({"django_cache"})


@contextmanager
def replica_reads():
    """Reads made inside go to the replica (when there is one and no write is in progress)."""
    token = _reading.set(True)
    try:
        yield
    finally:
        _reading.reset(token)


def reads_replica(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with replica_reads():
            return function(*args, **kwargs)

    return wrapper


def replica_configured() -> bool:
    return REPLICA in connections.settings


class ReplicaRouter:
    """settings.DATABASE_ROUTERS: the replica for opted-in reads, the primary for everything else."""

    def db_for_read(self, model, **hints):
        if (
            _reading.get()
            and model._meta.app_label not in _PRIMARY_ONLY_APPS
            and replica_configured()
            and not connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, two servers: every row of the replica is a row of the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS
