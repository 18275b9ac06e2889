"""Backups of the database and the uploaded files, and their restore.

A backup is a folder `backups/<timestamp>/` with the database (`db.dump` from `pg_dump -Fc`),
`media.tar.gz` of MEDIA_ROOT and `manifest.json` with the sha256 of each file, checked before anything
is restored.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone

MANIFEST = "manifest.json"
MEDIA = "media.tar.gz"
DUMP = "db.dump"


class BackupError(Exception):
    """A backup that cannot be made or trusted; the message says why, in Russian."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def libpq_env(database: dict) -> dict[str, str]:
    """Connection settings for pg_dump / pg_restore, the password kept off the command line."""
    env = dict(os.environ)
    values = {
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGDATABASE": database.get("NAME"),
    }
    env.update({key: str(value) for key, value in values.items() if value})
    return env


def program(name: str) -> str:
    """pg_dump / pg_restore of the server's version: POSTGRES_BIN_DIR (the embedded server's) or PATH."""
    return str(Path(settings.POSTGRES_BIN_DIR) / name) if settings.POSTGRES_BIN_DIR else name


def run(command: list[str], database: dict) -> None:
    result = subprocess.run(
        [program(command[0]), *command[1:]], env=libpq_env(database), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} завершился с ошибкой: {result.stderr.strip()}")


def dump_database(database: dict, target: Path) -> Path:
    path = target / DUMP
    run(["pg_dump", "--format=custom", "--file", str(path)], database)
    return path


def archive_media(media_root: Path, target: Path) -> Path:
    path = target / MEDIA
    with tarfile.open(path, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname=".")
    return path


def write_manifest(target: Path, files: list[Path]) -> None:
    manifest = {
        "created": timezone.now().isoformat(),
        "database": "postgresql",
        "files": {path.name: sha256_of(path) for path in files},
    }
    (target / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")


def backup_name(moment) -> str:
    """The folder of a backup taken at `moment`: the local time (TIME_ZONE) people read on the clock."""
    return timezone.localtime(moment).strftime("%Y%m%d-%H%M%S-%f")


def make_backup(root: Path, database: dict | None = None) -> Path:
    """Writes a new backup folder under root and returns it."""
    database = database or settings.DATABASES["default"]
    target = root / backup_name(timezone.now())
    target.mkdir(parents=True)
    files = [dump_database(database, target), archive_media(Path(settings.MEDIA_ROOT), target)]
    write_manifest(target, files)
    return target


def read_manifest(source: Path) -> dict:
    """The manifest, after every file it lists has been found intact."""
    path = source / MANIFEST
    if not path.exists():
        raise BackupError(f"В папке {source} нет {MANIFEST}: это не резервная копия МШН.")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    for name, expected in manifest["files"].items():
        if not (source / name).exists() or sha256_of(source / name) != expected:
            raise BackupError(f"Файл {name} в {source} повреждён или отсутствует: восстановление отменено.")
    return manifest


def restore_database(source: Path, database: dict) -> None:
    command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error"]
    run([*command, "--dbname", database["NAME"], str(source / DUMP)], database)


def restore_media(source: Path, media_root: Path) -> None:
    """Unpacks the files over MEDIA_ROOT; files added after the backup stay."""
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / MEDIA, "r:gz") as archive:
        archive.extractall(media_root, filter="data")


def restore_backup(source: Path, database: dict | None = None) -> None:
    database = database or settings.DATABASES["default"]
    read_manifest(source)
    restore_database(source, database)
    restore_media(source, Path(settings.MEDIA_ROOT))
