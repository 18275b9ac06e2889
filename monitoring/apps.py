from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = "Мониторинг программ наставничества"

    def ready(self):
        from monitoring import personal_data
        from registry import personal_data as registry_personal_data

        if personal_data.answers_sheet not in registry_personal_data.EXTRA_SHEETS:
            registry_personal_data.EXTRA_SHEETS.append(personal_data.answers_sheet)
            registry_personal_data.ANONYMISERS.append(personal_data.anonymise_answers)
