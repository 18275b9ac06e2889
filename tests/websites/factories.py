"""Factories of website checks, and the records the permission walk needs."""

from __future__ import annotations

import datetime

import factory

from tests.factories import OrganizationFactory
from websites.models import ChecklistItem, CheckRound, WebsiteCheck


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


def websites_data(school_a) -> dict:
    check_round = CheckRoundFactory()
    return {
        "check_round": check_round,
        "check_a": WebsiteCheckFactory(round=check_round, organization=school_a),
        "checklist_item": ChecklistItem.objects.order_by("position").first(),
    }
