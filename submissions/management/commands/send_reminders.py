from django.core.management.base import BaseCommand

from submissions.services import send_reminders


class Command(BaseCommand):
    help = (
        "Рассылает напоминания организациям, не сдавшим данные: за 7 и за 1 день до срока и после срока "
        "(раз в неделю). Для cron раз в день; повторный запуск в тот же день ничего не повторяет."
    )

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"Напоминаний отправлено: {sent}.")
