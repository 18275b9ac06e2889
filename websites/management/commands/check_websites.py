from django.core.management.base import BaseCommand, CommandError

from websites.models import CheckRound
from websites.services import check_website


class Command(BaseCommand):
    help = (
        "Проверяет сайты всех организаций проверки: находит раздел «Наставничество» и предлагает, какие "
        "пункты на нём есть (отметка «автоматически» остаётся до подтверждения методистом)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--round", type=int, required=True, help="номер (id) проверки сайтов")

    def handle(self, *args, **options):
        round_ = CheckRound.objects.filter(pk=options["round"]).first()
        if round_ is None:
            raise CommandError(f"Проверки сайтов № {options['round']} нет.")
        checks = round_.checks.select_related("organization").order_by("organization__sort_name")
        for check in checks:
            try:
                message = check_website.call(check.pk)
            except Exception as error:  # noqa: BLE001 - one organisation never stops the round
                message = f"Проверка не выполнена: {error}"
            self.stdout.write(f"{check.organization.short_name}: {message}")
        self.stdout.write(self.style.SUCCESS(f"Проверено сайтов: {len(checks)}."))
