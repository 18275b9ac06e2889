"""Factories of events, trainings and partners, and the records the permission walk needs."""

from __future__ import annotations

import datetime

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import AcademicYearFactory, PersonFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name: str = "удостоверение.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Event"

    kind = "seminar"
    title = factory.Sequence(lambda n: f"Семинар наставников № {n + 1}")
    starts_on = datetime.date(2025, 10, 15)
    year = factory.SubFactory(AcademicYearFactory, start_year=2025)
    place = "МБОУ «СОШ № 1 пгт Кировский», актовый зал"


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Participation"

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    role = "participant"
    result = "none"


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Nomination"

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    organization = factory.SelfAttribute("person.organization")


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.EventMaterial"

    event = factory.SubFactory(EventFactory)
    title = "Презентация семинара"
    file = factory.LazyFunction(lambda: pdf_upload("презентация.pdf"))
    file_name = "презентация.pdf"


class TrainingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Training"

    person = factory.SubFactory(PersonFactory)
    title = "Наставничество в образовательной организации"
    provider = "ПК ИРО"
    hours = 36
    starts_on = datetime.date(2025, 10, 1)
    ends_on = datetime.date(2025, 10, 20)
    year = factory.SubFactory(AcademicYearFactory, start_year=2025)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Partner"

    name = factory.Sequence(lambda n: f"Методический центр № {n + 1}")
    kind = "methodological"
    contact_person = "Белова Ирина Олеговна"


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Interaction"

    partner = factory.SubFactory(PartnerFactory)
    date = datetime.date(2025, 11, 12)
    kind = "meeting"
    topic = "Методическое сопровождение наставников"


def events_data(school_a, school_b) -> dict:
    """An event with a material file, a training of a school A person with a certificate, a partner."""
    event = EventFactory()
    partner = PartnerFactory()
    training_a = TrainingFactory(
        person=PersonFactory(organization=school_a),
        certificate=pdf_upload(),
        certificate_name="удостоверение.pdf",
    )
    return {
        "event": event,
        "nomination_a": NominationFactory(event=event, person=PersonFactory(organization=school_a)),
        "material": MaterialFactory(event=event),
        "training_a": training_a,
        "partner": partner,
        "interaction": InteractionFactory(partner=partner, event=event),
    }
