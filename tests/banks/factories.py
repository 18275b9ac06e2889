"""Factories of the banks and the records the permission walk needs."""

from __future__ import annotations

import datetime
import io
import zipfile

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from banks.models import (
    MentoringProgram,
    NormativeDocument,
    Practice,
    PracticeFile,
    PracticeStatus,
    ProgramTemplate,
    TemplateActivity,
)
from tests.factories import AcademicYearFactory, MentoringFormFactory, OrganizationFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name: str = "практика.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def docx_upload(name: str = "описание.docx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


class PracticeFactory(factory.django.DjangoModelFactory):
    """A practice with one form of mentoring; pass `forms=[...]`, `authors=[...]` to set them."""

    class Meta:
        model = Practice
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Практика наставничества № {n}")
    organization = factory.SubFactory(OrganizationFactory)
    year = factory.SubFactory(AcademicYearFactory)
    audience = "молодые педагоги"
    description = "Наставник посещает уроки молодого педагога и разбирает их вместе с ним."
    results = "Молодые педагоги остались в профессии."
    status = PracticeStatus.DRAFT

    @factory.post_generation
    def forms(self, create, extracted, **kwargs):
        if create:
            self.forms.set(extracted or [MentoringFormFactory()])

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            self.authors.set(extracted)


class PublishedPracticeFactory(PracticeFactory):
    status = PracticeStatus.PUBLISHED
    published_on = factory.LazyFunction(lambda: datetime.date(2025, 10, 1))


class PracticeFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeFile

    practice = factory.SubFactory(PracticeFactory)
    file = factory.LazyFunction(pdf_upload)
    name = "практика.pdf"


class MentoringProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentoringProgram
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Программа наставничества № {n}")
    starts_on = datetime.date(2024, 9, 1)
    ends_on = datetime.date(2027, 8, 31)
    order_number = "12-од"
    order_date = datetime.date(2024, 8, 25)

    @factory.post_generation
    def forms(self, create, extracted, **kwargs):
        if create:
            self.forms.set(extracted or [MentoringFormFactory()])


class ProgramTemplateFactory(factory.django.DjangoModelFactory):
    """A template with activities 7 and 30 days after the pair starts."""

    class Meta:
        model = ProgramTemplate
        skip_postgeneration_save = True

    program = factory.SubFactory(MentoringProgramFactory)
    title = "Адаптация молодого педагога"
    goals = "Освоиться в профессии"
    directions = "Планирование уроков; работа с родителями"
    expected_results = "Самостоятельно проводит уроки"

    @factory.post_generation
    def activities(self, create, extracted, **kwargs):
        if create:
            rows = extracted if extracted is not None else [(7, "Знакомство и план"), (30, "Открытый урок")]
            for position, (offset, title) in enumerate(rows, start=1):
                TemplateActivity.objects.create(
                    template=self, position=position, offset_days=offset, title=title
                )


class NormativeDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NormativeDocument

    level = "local"
    kind = "regulation"
    number = factory.Sequence(lambda n: f"{n + 1}-од")
    issued_on = datetime.date(2024, 9, 2)
    title = "Положение о наставничестве"


def banks_data(school_a, school_b) -> dict:
    """Records for the permission walk: school A's draft (with a file), a published practice and its file,
    school A's program with a template, a normative document with a file."""
    draft = PracticeFactory(organization=school_a)
    published = PublishedPracticeFactory(organization=school_a)
    program = MentoringProgramFactory(organization=school_a, document=pdf_upload("программа.pdf"))
    return {
        "practice_a": draft,
        "practice_file_a": PracticeFileFactory(practice=draft),
        "practice_published": published,
        "practice_file_published": PracticeFileFactory(practice=published),
        "mentoring_program_a": program,
        "template_a": ProgramTemplateFactory(program=program),
        "document": NormativeDocumentFactory(file=pdf_upload("положение.pdf")),
    }
