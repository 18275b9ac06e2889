"""Targets of the monitoring indicators, set per school year by the methodologist."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorCode(models.TextChoices):
    MENTORS = "mentors", _("Наставников")
    MENTEES = "mentees", _("Наставляемых")
    PAIRS_ACTIVE = "pairs_active", _("Пар и групп действует")
    PAIRS_COMPLETED = "pairs_completed", _("Пар и групп завершено")
    PROGRAMS = "programs", _("Персонализированных программ")
    YOUNG = "young", _("Молодых педагогов")
    YOUNG_WITH_MENTOR_SHARE = "young_with_mentor_share", _("Доля молодых педагогов с наставником, %")
    PUPILS_MENTEES_SHARE = "pupils_mentees_share", _("Доля обучающихся 10–18 лет — наставляемых, %")
    PUPILS_MENTORS_SHARE = "pupils_mentors_share", _("Доля обучающихся 15–19 лет — наставников, %")
    MENTOR_SATISFACTION = "mentor_satisfaction", _("Удовлетворённость наставников, %")
    MENTEE_SATISFACTION = "mentee_satisfaction", _("Удовлетворённость наставляемых, %")
    MEETINGS_HELD = "meetings_held", _("Заседаний МШН проведено (нужно не меньше 2)")
    ROADMAP_DONE = "roadmap_done", _("Пунктов дорожной карты выполнено")
    ROADMAP_OVERDUE = "roadmap_overdue", _("Пунктов дорожной карты просрочено")
    PRACTICES_PUBLISHED = "practices_published", _("Практик опубликовано")
    PRACTICES_BEST = "practices_best", _("Лучших практик")
    WEBSITE_SHARE = "website_share", _("Соответствие сайтов перечню, %")


class IndicatorTarget(models.Model):
    year = models.ForeignKey(
        "directory.AcademicYear",
        verbose_name=_("учебный год"),
        on_delete=models.CASCADE,
        related_name="indicator_targets",
    )
    code = models.CharField(_("показатель"), max_length=40, choices=IndicatorCode.choices)
    target = models.DecimalField(_("целевое значение"), max_digits=10, decimal_places=1)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)

    class Meta:
        verbose_name = _("целевое значение показателя")
        verbose_name_plural = _("целевые значения показателей")
        ordering = ["-year__start_year", "code"]
        constraints = [models.UniqueConstraint(fields=["year", "code"], name="indicator_target_unique")]

    def __str__(self) -> str:
        return f"{self.get_code_display()}: {self.target} ({self.year})"
