from django.apps import AppConfig


class BanksConfig(AppConfig):
    name = "banks"
    verbose_name = "Банки практик и программ, нормативные документы"
