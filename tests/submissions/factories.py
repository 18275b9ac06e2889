"""Factories of campaigns, and the records the permission walk needs."""

from __future__ import annotations

import datetime

import factory

from submissions.models import Campaign, Submission, SubmissionStatus
from tests.factories import AcademicYearFactory, OrganizationFactory


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    title = factory.Sequence(lambda n: f"Данные о наставничестве № {n}")
    year = factory.SubFactory(AcademicYearFactory)
    deadline = datetime.date(2026, 5, 25)


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Submission

    campaign = factory.SubFactory(CampaignFactory)
    organization = factory.SubFactory(OrganizationFactory)
    status = SubmissionStatus.NOT_STARTED


def submissions_data(school_a, school_b) -> dict:
    campaign = CampaignFactory()
    campaign.organizations.set([school_a, school_b])
    return {
        "campaign": campaign,
        "submission_a": SubmissionFactory(campaign=campaign, organization=school_a),
        "submission_sent_a": SubmissionFactory(
            campaign=CampaignFactory(), organization=school_a, status=SubmissionStatus.SENT
        ),
        "submission_accepted_a": SubmissionFactory(
            campaign=CampaignFactory(), organization=school_a, status=SubmissionStatus.ACCEPTED
        ),
    }
