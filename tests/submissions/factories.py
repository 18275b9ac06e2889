"""Factories of campaigns and website checks, and the records the permission walk needs."""

from __future__ import annotations

import datetime

import factory

from submissions.models import Campaign, ChecklistItem, CheckRound, Submission, SubmissionStatus, WebsiteCheck
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


class CheckRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckRound

    title = factory.Sequence(lambda n: f"Проверка сайтов № {n}")
    deadline = datetime.date(2026, 3, 1)


class WebsiteCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WebsiteCheck

    round = factory.SubFactory(CheckRoundFactory)
    organization = factory.SubFactory(OrganizationFactory)


def submissions_data(school_a, school_b) -> dict:
    campaign = CampaignFactory()
    campaign.organizations.set([school_a, school_b])
    check_round = CheckRoundFactory()
    return {
        "campaign": campaign,
        "submission_a": SubmissionFactory(campaign=campaign, organization=school_a),
        "submission_sent_a": SubmissionFactory(
            campaign=CampaignFactory(), organization=school_a, status=SubmissionStatus.SENT
        ),
        "submission_accepted_a": SubmissionFactory(
            campaign=CampaignFactory(), organization=school_a, status=SubmissionStatus.ACCEPTED
        ),
        "check_round": check_round,
        "check_a": WebsiteCheckFactory(round=check_round, organization=school_a),
        "checklist_item": ChecklistItem.objects.order_by("position").first(),
    }
