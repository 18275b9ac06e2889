from django.core.management.base import BaseCommand
from django.utils import timezone

from home.digest import is_term_start, send_digests


class Command(BaseCommand):
    help = (
        "Рассылает кураторам сводку «Требует внимания» по их организации. С --term-start — только в день "
        "начала четверти (DIGEST_TERM_STARTS): для cron раз в день."
    )

    def add_arguments(self, parser):
        parser.add_argument("--term-start", action="store_true", help="Только в день начала четверти.")

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options["term_start"] and not is_term_start(today):
            self.stdout.write(f"{today:%d.%m.%Y} — не начало четверти: сводка не рассылается.")
            return
        self.stdout.write(f"Сводок поставлено в очередь: {send_digests(today)}.")
