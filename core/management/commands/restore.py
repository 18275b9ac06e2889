"""`manage.py restore backups/<timestamp>`: the database and the uploaded files back from a backup."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = "Восстановление базы данных и загруженных файлов из резервной копии (лучше — в пустую базу)."

    def add_arguments(self, parser):
        parser.add_argument("source", help="папка резервной копии, например backups/20260101-030000-000000")
        parser.add_argument(
            "--database-url", default="", help="восстановить в эту базу, а не в DATABASE_URL сайта"
        )

    def handle(self, *args, **options):
        url = options["database_url"]
        database = dj_database_url.parse(url) if url else None
        try:
            restore_backup(Path(options["source"]), database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Восстановлено из {options['source']}"))
