from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Отчёты"

    def ready(self) -> None:
        from reports import freshness

        freshness.connect()
