from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.demo import ACCOUNTS, DEMO_PASSWORD, load_users
from directory.demo import load_organizations, load_years


class Command(BaseCommand):
    help = "Загружает демонстрационный район (повторный запуск ничего не дублирует и не теряет)."

    @transaction.atomic
    def handle(self, *args, **options):
        organizations = load_organizations()
        load_years()
        users = load_users(organizations)
        self.stdout.write(self.style.SUCCESS(f"Демо-район загружен. Входы (пароль у всех: {DEMO_PASSWORD}):"))
        for (username, *_rest), user in zip(ACCOUNTS, users, strict=True):
            where = f" — {user.organization}" if user.organization else ""
            self.stdout.write(f"  {username:<10} {user.get_role_display()}{where}")
