from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.access import Role


class User(AbstractUser):
    middle_name = models.CharField(_("отчество"), max_length=150, blank=True)
    role = models.CharField(_("роль"), max_length=20, choices=Role.choices, default=Role.DEPARTMENT)
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("организация"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text=_("Обязательна для куратора ОО: он видит и правит только её записи."),
    )
    district = models.ForeignKey(
        "directory.District",
        verbose_name=_("муниципальное образование"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text=_(
            "Обязательно для методиста и отдела образования: они видят записи только своего муниципального "
            "образования. У куратора — то, где его организация; у регионального оператора и администратора — пусто."
        ),
    )
    digest_subscribed = models.BooleanField(
        _("получает сводку «Требует внимания»"),
        default=True,
        help_text=_("Письмо куратору в начале каждой четверти; отписаться можно по ссылке в письме."),
    )

    class Meta:
        verbose_name = _("пользователь")
        verbose_name_plural = _("пользователи")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="coordinator") | Q(organization__isnull=False),
                name="coordinator_has_organization",
                violation_error_message=_("Куратору ОО нужно указать организацию."),
            ),
            models.CheckConstraint(
                condition=Q(is_superuser=True)
                | ~Q(role__in=["methodist", "department"])
                | Q(district__isnull=False),
                name="district_staff_have_district",
                violation_error_message=_(
                    "Методисту и отделу образования нужно указать муниципальное образование."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)


class LoginFailures(models.Model):
    """Recent wrong passwords against one account or from one address (accounts/throttle.py)."""

    key = models.CharField(max_length=300, unique=True)  # "account:<login>" or "address:<ip>"
    count = models.PositiveIntegerField(default=0)
    last_at = models.DateTimeField()

    class Meta:
        verbose_name = _("неудачные входы")
        verbose_name_plural = _("неудачные входы")

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
