"""manage.py unlock_login <логин> [--address IP]: lift a login wait at once (accounts/throttle.py)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from accounts.models import LoginFailures
from accounts.throttle import address_key, clear_account


class Command(BaseCommand):
    help = "Снимает задержку входа: для имени пользователя и (по желанию) для адреса."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", default="")
        parser.add_argument("--address", default="", help="адрес (IP), с которого шли неудачные попытки")

    def handle(self, username, address, **options):
        cleared = clear_account(username) if username else 0
        if address:
            cleared += LoginFailures.objects.filter(key=address_key(address)).delete()[0]
        self.stdout.write(f"Снято ограничений: {cleared}.")
