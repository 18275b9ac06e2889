"""Records of the reports for the permission walk and the tests of the archive."""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile

from core.access import Role
from reports import regional
from reports.models import ApprovedReport, DistrictReport, DistrictReportStatus, RegionalCampaign
from tests.banks.factories import PDF, NormativeDocumentFactory, PracticeFactory, PublishedPracticeFactory
from tests.events.factories import EventFactory, ParticipationFactory, TrainingFactory
from tests.factories import (
    AcademicYearFactory,
    DistrictFactory,
    MenteeFactory,
    MentorFactory,
    MentoringFormFactory,
    PairFactory,
    PersonFactory,
    UserFactory,
)
from tests.meetings.factories import agenda_item, make_meeting, make_roadmap_item
from tests.websites.factories import CheckRoundFactory, WebsiteCheckFactory
from websites.models import ChecklistItem, CheckResult


def approved_report(year, organization, version: int = 1) -> ApprovedReport:
    """An approved version with stand-in files (the real ones are made by `approve_annual`)."""
    author = UserFactory(username="approver", role=Role.METHODIST)
    district = organization.district if organization else DistrictFactory()  # the district's own: the first
    record = ApprovedReport(
        district=district, year=year, organization=organization, version=version, approved_by=author
    )
    record.pdf.save("report.pdf", ContentFile(PDF), save=False)
    record.xlsx.save("report.xlsx", ContentFile(b"PK\x03\x04 stand-in"), save=False)
    record.save()
    return record


def regional_campaign(year, title: str = "Итоги года в край") -> RegionalCampaign:
    return regional.open_campaign(
        RegionalCampaign(year=year, title=title, deadline=datetime.date(2026, 6, 20))
    )


def reports_data(school_a, school_b) -> dict:
    year = AcademicYearFactory(start_year=2024)
    waiting = regional_campaign(year).reports.get()
    sent = regional_campaign(year, "Промежуточные итоги в край").reports.get()
    DistrictReport.objects.filter(pk=sent.pk).update(status=DistrictReportStatus.SENT)
    return {
        "approved_a": approved_report(year, school_a),
        "regional_campaign": waiting.campaign,
        "district_report_waiting": waiting,
        "district_report_sent": sent,
    }


BANK_ENTRY = datetime.date(2024, 9, 1)  # mentors and mentees enter the bank before their pairs start


def make_pair(school, mentees=1, **kwargs):
    mentor = MentorFactory(person__organization=school, entered_on=BANK_ENTRY)
    return PairFactory(
        mentor=mentor,
        mentees=[MenteeFactory(person__organization=school, entered_on=BANK_ENTRY) for _ in range(mentees)],
        **kwargs,
    )


def annual_district(year, school_a, school_b, methodist=None) -> dict:
    """A year with figures known in advance for every section of the annual report.

    School A: two active pairs of the form «педагог – педагог» (3 mentees) and one completed pair of
    «ученик – ученик»; school B: one active pair «педагог – педагог». One published best practice of A,
    one draft of B; two meetings (one approved with two agenda items); roadmap: 3 items (one done, two
    overdue once the year is over, one of them school A's); one seminar with 2 participants of A (one winner) and 1 of B; training:
    2 people of A on one course (36 h each); website check: A has 7 of 10 items, B has 4.
    """
    teacher = MentoringFormFactory(name="педагог – педагог")
    pupils = MentoringFormFactory(name="ученик – ученик", mentor_category="pupil", mentee_category="pupil")
    make_pair(school_a, mentees=2, form=teacher)
    make_pair(school_a, form=teacher)
    make_pair(school_a, form=pupils, status="completed", ended_on=datetime.date(2026, 5, 1))
    make_pair(school_b, form=teacher)
    PublishedPracticeFactory(
        organization=school_a, year=year, title="Клуб молодого педагога", is_best=True,
        published_on=datetime.date(2026, 2, 10),
    )  # fmt: skip
    PracticeFactory(organization=school_b, year=year, title="Черновик практики")
    make_meeting(
        year, date=datetime.date(2025, 10, 15), approved=True, user=methodist,
        agenda=[agenda_item("О дорожной карте"), agenda_item("О банке наставников")],
    )  # fmt: skip
    make_meeting(year, date=datetime.date(2026, 3, 20), agenda=[agenda_item("Об итогах полугодия")])
    make_roadmap_item(
        year, activity="Семинар для наставников", status="done", done_on=datetime.date(2025, 11, 1)
    )
    make_roadmap_item(year, activity="Конкурс «Наставник года»", due_on=datetime.date(2025, 12, 1))
    make_roadmap_item(year, activity="Открытый урок в Школе А", responsible_organization=school_a,
                      due_on=datetime.date(2026, 8, 30))  # fmt: skip
    seminar = EventFactory(year=year, title="Семинар «Наставник и молодой учитель»")
    ParticipationFactory(event=seminar, person=PersonFactory(organization=school_a), result="winner")
    ParticipationFactory(event=seminar, person=PersonFactory(organization=school_a))
    ParticipationFactory(event=seminar, person=PersonFactory(organization=school_b))
    for _ in range(2):
        TrainingFactory(person=PersonFactory(organization=school_a), year=year, title="Школа наставника")
    check_round = CheckRoundFactory(title="Проверка сайтов весной", deadline=datetime.date(2026, 3, 1))
    items = list(ChecklistItem.objects.filter(is_active=True).order_by("position")[:10])
    for school, found in ((school_a, 7), (school_b, 4)):
        check = WebsiteCheckFactory(
            round=check_round, organization=school, section_url="https://school.example/mentoring",
            checked_at=datetime.datetime(2026, 2, 20, 10, tzinfo=datetime.UTC),
        )  # fmt: skip
        CheckResult.objects.bulk_create(
            CheckResult(check_record=check, item=item, found=n < found) for n, item in enumerate(items)
        )
    NormativeDocumentFactory(
        title="Положение о муниципальной Школе наставничества", issued_on=datetime.date(2024, 9, 2)
    )
    return {"teacher": teacher, "pupils": pupils, "seminar": seminar}
