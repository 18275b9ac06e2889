from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Пользователи и роли"

    def ready(self):
        from accounts import throttle  # noqa: F401 - connects the login signals
