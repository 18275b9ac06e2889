"""`manage.py backup`: the database and the uploaded files into backups/<timestamp>/ (see core/backups.py)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, make_backup


class Command(BaseCommand):
    help = "Резервная копия базы данных и загруженных файлов в backups/<дата-время>/."

    def add_arguments(self, parser):
        parser.add_argument(
            "--into", default=str(Path(settings.BASE_DIR) / "backups"), help="папка для резервных копий"
        )

    def handle(self, *args, **options):
        try:
            target = make_backup(Path(options["into"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Резервная копия: {target}"))
