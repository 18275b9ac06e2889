from __future__ import annotations

import factory

from accounts.models import Role, User
from directory.models import AcademicYear, MentoringForm, Organization, OrganizationKind


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    kind = OrganizationKind.SCHOOL
    short_name = factory.Sequence(lambda n: f"МБОУ «СОШ № {n + 100}»")
    full_name = factory.LazyAttribute(lambda o: f"Муниципальное бюджетное общеобразовательное учреждение {o.short_name}")
    address = "пгт Кировский, ул. Советская, 1"


class AcademicYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AcademicYear
        django_get_or_create = ("start_year",)

    start_year = 2025


class MentoringFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentoringForm
        django_get_or_create = ("name",)

    name = "педагог – педагог"
    mentor_category = "pedagogue"
    mentee_category = "pedagogue"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    last_name = "Иванова"
    first_name = "Мария"
    role = Role.DEPARTMENT
    password = factory.django.Password("pass-12345")
