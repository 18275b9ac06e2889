"""Records of careers for the tests and the permission walk."""

from __future__ import annotations

import datetime

from careers.models import AcceptedRetention, Certificate, MentorAgreement
from tests.events.factories import pdf_upload


def agreement_for(pair, **fields) -> MentorAgreement:
    values = {
        "consent_on": datetime.date(2025, 9, 1),
        "number": "12",
        "signed_on": datetime.date(2025, 9, 3),
        "starts_on": datetime.date(2025, 9, 15),
        "ends_on": datetime.date(2026, 5, 31),
        "content": "адаптация молодого педагога, посещение и разбор уроков",
        "payment": "доплата 3 000 руб. в месяц",
        **fields,
    }
    return MentorAgreement.objects.create(pair=pair, **values)


def certificate_for(person, **fields) -> Certificate:
    values = {
        "number": "СН-2026/0001",
        "issued_on": datetime.date(2026, 3, 2),
        "organization": person.organization,
        "person_name": person.full_name,
        "issuer_name": person.organization.full_name,
        "period_from": datetime.date(2023, 9, 1),
        "period_to": datetime.date(2026, 3, 1),
        "content": {"pairs": [], "training_hours": 0},
        **fields,
    }
    return Certificate.objects.create(person=person, **values)


def accepted_for(organization, **fields) -> AcceptedRetention:
    from tests.factories import AcademicYearFactory

    values = {"cohort_year": AcademicYearFactory(start_year=2019), "with_mentor": True, "cohort": 6,
              "after_1": 6, "after_2": 5, "after_3": 4, **fields}  # fmt: skip
    return AcceptedRetention.objects.create(organization=organization, **values)


def careers_data(pair_a, person_a) -> dict:
    """Pair A's agreement, ended early, with a consent scan; a справка of person A; accepted retention
    figures of school A's cohort 2019/2020."""
    agreement = agreement_for(
        pair_a,
        consent_scan=pdf_upload("согласие.pdf"),
        consent_scan_name="согласие.pdf",
        ended_by="mentor",
        notice_on=datetime.date(2026, 2, 2),
        ended_early_on=datetime.date(2026, 2, 9),
    )
    return {
        "agreement_a": agreement,
        "certificate_a": certificate_for(person_a),
        "accepted": accepted_for(person_a.organization),
    }
