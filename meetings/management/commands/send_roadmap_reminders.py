from django.core.management.base import BaseCommand
from django.utils import timezone

from meetings.services import send_roadmap_reminders


class Command(BaseCommand):
    help = (
        "Напоминает ответственным (людям из реестра с e-mail) о сроках пунктов дорожной карты: за 7 дней и "
        "за день. Для cron раз в день."
    )

    def handle(self, *args, **options):
        self.stdout.write(
            f"Напоминаний поставлено в очередь: {send_roadmap_reminders(timezone.localdate())}."
        )
