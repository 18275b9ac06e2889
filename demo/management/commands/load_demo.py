import random
from types import SimpleNamespace

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.district import (
    banks,
    careers,
    events,
    meetings,
    monitoring,
    public,
    region,
    reports,
    submissions,
    websites,
)
from demo.district.accounts import ACCOUNTS, DEMO_PASSWORD, load_users
from demo.district.directory import load_organizations, load_requisites, load_years
from demo.region.registry import generate_registry
from registry.models import Person

DEMO_SEED = 2026
DEMO_PEOPLE = 300
DEMO_PAIRS = 60
# Each capability's demo module has `load(demo) -> str` and fills its records once; reports come last
# (they read what the others wrote; monitoring comes before submissions, whose accepted reports freeze the
# figures computed from its answers; the open site publishes before reports, so the archived analysis has its
# direction; careers last: its moves come after the approved year's report).
# The second district of the region comes last: the first district's records are made while it is the only one.
CAPABILITY_DEMOS = (
    banks,
    meetings,
    events,
    websites,
    monitoring,
    submissions,
    public,
    reports,
    careers,
    region,
)


class Command(BaseCommand):
    help = "Загружает демонстрационный район (повторный запуск ничего не дублирует и не теряет)."

    @transaction.atomic
    def handle(self, *args, **options):
        organizations = load_organizations()
        years = load_years()
        load_requisites(organizations[0].district)
        users = load_users(organizations)
        if not Person.objects.exists():  # the registry is filled once; a second run keeps what is there
            counts = generate_registry(
                organizations,
                years,
                random.Random(DEMO_SEED),
                people=DEMO_PEOPLE,
                pairs=DEMO_PAIRS,
                with_history=True,
            )
            self.stdout.write(
                f"Реестр: людей {counts['person']}, наставников {counts['mentor']}, "
                f"наставляемых {counts['mentee']}, пар и групп {counts['pair']}."
            )
        demo = SimpleNamespace(
            organizations=organizations,
            years=years,
            users={u.username: u for u in users},
            rng=random.Random(DEMO_SEED),
        )
        for module in CAPABILITY_DEMOS:
            line = module.load(demo)
            if line:
                self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Демо-район загружен. Входы (пароль у всех: {DEMO_PASSWORD}):"))
        for (username, *_rest), user in zip(ACCOUNTS, users, strict=True):
            where = f" — {user.organization}" if user.organization else ""
            self.stdout.write(f"  {username:<10} {user.get_role_display()}{where}")
