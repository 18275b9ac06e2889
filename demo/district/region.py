"""A second district of the region: the regional reader has districts to compare, and the demo shows that the
staff of one district never see another's records (its methodologist logs in as `metodist_les`)."""

from __future__ import annotations

import datetime
import random

from accounts.models import User
from core.access import Role
from demo.district.accounts import DEMO_PASSWORD
from demo.region.registry import generate_registry
from directory.models import District, DistrictKind, Organization, OrganizationKind
from meetings import services as meetings
from meetings.models import AgendaItem, Meeting
from registry.models import Person
from reports import regional
from reports.models import RegionalCampaign

NAME = "Лесозаводский муниципальный округ"
SEED = 2027
ORGANIZATIONS = (
    (OrganizationKind.SCHOOL, "МБОУ СОШ № 1 г. Лесозаводска", "ул. Калининская, 3"),
    (OrganizationKind.SCHOOL, "МБОУ СОШ № 3 г. Лесозаводска", "ул. Пушкинская, 20"),
    (OrganizationKind.KINDERGARTEN, "МБДОУ «Детский сад № 7» г. Лесозаводска", "ул. Некрасова, 14"),
    (OrganizationKind.ADDITIONAL, "МБУ ДО «ЦДТ» г. Лесозаводска", "ул. Октябрьская, 57"),
)


def load(demo) -> str:
    district, _created = District.objects.get_or_create(
        name=NAME, defaults={"kind": DistrictKind.MUNICIPAL_OKRUG}
    )
    organizations = [_organization(district, *row) for row in ORGANIZATIONS]
    if not Person.objects.filter(organization__district=district).exists():
        generate_registry(
            organizations, demo.years, random.Random(SEED), people=60, pairs=12, with_history=True
        )
    methodist = _account("metodist_les", Role.METHODIST, ("Карпенко", "Елена", "Игоревна"), district=district)
    _meeting(district, demo.years[0], methodist)
    campaign = _regional_campaign(demo, district)
    people = Person.objects.filter(organization__district=district).count()
    return (
        f"Второй район края: {district.name} — организаций {len(organizations)}, людей {people}; "
        f"вход его методиста: metodist_les (пароль {DEMO_PASSWORD}). Сбор данных края «{campaign}»: "
        f"{campaign.reports.filter(status='accepted').count()} из {campaign.reports.count()} ответов принято."
    )


def _regional_campaign(demo, second: District) -> RegionalCampaign:
    """Last year's results asked by the region: Kirovsky (its analysis approved) sent them and the region
    accepted; the second district has not answered yet."""
    previous = demo.years[1]
    found = RegionalCampaign.objects.filter(year=previous).first()
    if found is not None:
        return found
    campaign = regional.open_campaign(
        RegionalCampaign(
            year=previous,
            title=f"Итоги {previous} учебного года в министерство образования края",
            deadline=previous.end_date - datetime.timedelta(days=60),
            note="Показатели наставничества за учебный год и утверждённый анализ работы школы наставничества.",
        )
    )
    region = User.objects.get(username="krai")
    kirovsky = campaign.reports.exclude(district=second).first()
    if kirovsky is not None and regional.latest_analysis(kirovsky) is not None:
        regional.send_report(kirovsky, user=demo.users["metodist"])
        regional.accept_report(kirovsky, user=region, comment="Принято, спасибо.")
    return campaign


def _organization(district: District, kind: str, short: str, address: str) -> Organization:
    return Organization.objects.get_or_create(
        short_name=short,
        defaults={
            "district": district,
            "kind": kind,
            "full_name": f"{short} Лесозаводского муниципального округа",
            "address": f"692031, Приморский край, г. Лесозаводск, {address}",
        },
    )[0]


def _account(username: str, role: str, name: tuple[str, str, str], **fields) -> User:
    last, first, middle = name
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"role": role, "last_name": last, "first_name": first, "middle_name": middle, **fields},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def _meeting(district: District, year, methodist: User) -> None:
    """The district's school met once this year: its own meeting № 1, beside Kirovsky's."""
    if Meeting.objects.filter(district=district).exists():
        return
    people = list(Person.objects.filter(organization__district=district, category="pedagogue")[:6])
    meeting = Meeting(
        district=district,
        year=year,
        date=max(year.start_date + datetime.timedelta(days=40), year.start_date),
        place="МБОУ СОШ № 1 г. Лесозаводска, актовый зал",
        chair=people[0],
        secretary=people[1],
    )
    meetings.create_meeting(meeting, present=people)
    AgendaItem.objects.create(
        meeting=meeting,
        position=1,
        topic="Об утверждении дорожной карты школы наставничества на учебный год",
        heard="Карпенко Е. И. о проекте дорожной карты на учебный год.",
        decisions="Утвердить дорожную карту.",
    )
    meetings.approve_meeting(meeting, user=methodist)
