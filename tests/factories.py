from __future__ import annotations

import factory
from django.conf import settings

from accounts.models import User
from core.access import Role
from directory.models import AcademicYear, District, MentoringForm, Organization, OrganizationKind


class DistrictFactory(factory.django.DjangoModelFactory):
    """The installation's first district (the one the migration makes) unless a name is given."""

    class Meta:
        model = District
        django_get_or_create = ("name",)

    name = settings.MSHN_DISTRICT_NAME


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    district = factory.SubFactory(DistrictFactory)
    kind = OrganizationKind.SCHOOL
    short_name = factory.Sequence(lambda n: f"МБОУ «СОШ № {n + 100}»")
    full_name = factory.LazyAttribute(
        lambda o: f"Муниципальное бюджетное общеобразовательное учреждение {o.short_name}"
    )
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
    district = factory.LazyAttribute(
        lambda user: DistrictFactory() if user.role in (Role.METHODIST, Role.DEPARTMENT) else None
    )


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "registry.Person"

    last_name = factory.Iterator(["Смирнова", "Кузнецов", "Попова", "Васильев", "Петрова", "Соколов"])
    first_name = factory.Iterator(["Анна", "Иван", "Мария", "Сергей", "Елена", "Дмитрий"])
    middle_name = "Александровна"
    birth_year = 1995
    category = "pedagogue"
    organization = factory.SubFactory(OrganizationFactory)
    position = "учитель математики"


class PupilFactory(PersonFactory):
    category = "pupil"
    birth_year = 2012
    position = ""
    class_or_group = "8А"


class MentorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "registry.Mentor"

    person = factory.SubFactory(PersonFactory, birth_year=1975, last_name="Наставникова")
    max_mentees = 3


class MenteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "registry.Mentee"

    person = factory.SubFactory(PersonFactory)
    main_request = "Освоить работу с родителями"


class PairFactory(factory.django.DjangoModelFactory):
    """A pair of the mentor's organisation, with its program; pass `mentees=[...]` to add mentees."""

    class Meta:
        model = "registry.Pair"
        skip_postgeneration_save = True

    mentor = factory.SubFactory(MentorFactory)
    organization = factory.LazyAttribute(lambda o: o.mentor.person.organization)
    form = factory.SubFactory(MentoringFormFactory)
    started_on = factory.LazyFunction(lambda: __import__("datetime").date(2025, 9, 15))
    status = "active"

    @factory.post_generation
    def mentees(self, create, extracted, **kwargs):
        if create:
            self.mentees.set(extracted or [])
            from registry.models import Program

            Program.objects.get_or_create(pair=self)


class YoungPedagogueFactory(PersonFactory):
    """A pedagogue young by the rule on 1 September 2024: 24 years old, one year of experience."""

    birth_date = factory.LazyFunction(lambda: __import__("datetime").date(2000, 3, 14))
    birth_year = None
    experience_start = factory.LazyFunction(lambda: __import__("datetime").date(2023, 9, 1))
