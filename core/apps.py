from django.apps import AppConfig, apps
from django.db import models


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Общее"

    def ready(self):
        from core import freshness
        from core.files import connect_file_cleanup
        from core.russian import YoAsYe

        # `field__yo__icontains`: searches read «ё» as «е» (core/russian.py).
        models.CharField.register_lookup(YoAsYe)
        models.TextField.register_lookup(YoAsYe)

        freshness.connect()
        # Historical models keep the file name only; the file goes when the live record goes.
        connect_file_cleanup(m for m in apps.get_models() if not m.__name__.startswith("Historical"))
