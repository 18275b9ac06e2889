"""A whole region for load tests and benchmarks: the 34 districts of Primorsky Krai with their
organisations, ten school years, users for each role (a methodologist in every district, the regional
reader) and a registry filled by `demo.region.registry`; each district's school of mentoring gets its own
meetings, roadmap, events, documents, campaigns and website checks (`demo.region.*`).

Deterministic for a given seed. Refuses a non-empty database unless --force, which wipes the registry,
the capabilities' records, the directory and its districts and the users first (forms of mentoring and the
other reference data seeded by migrations are kept; the administrator too).
"""

from __future__ import annotations

import random
import time
from types import SimpleNamespace

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from banks.models import NormativeDocument
from core.access import Role
from core.russian import fill_sort_keys
from demo.district.accounts import DEMO_PASSWORD
from demo.region import banks, events, meetings, reports, submissions, websites
from demo.region.registry import FEMALE_NAMES, PATRONYMICS, SURNAMES, generate_registry
from directory.models import (
    AcademicYear,
    District,
    DistrictKind,
    Organization,
    OrganizationKind,
    PersonCategory,
    start_year_of,
)
from registry import models as registry_models

# District (its name in full), its centre (with its adjective for colleges), settlements; relative size.
DISTRICTS = [
    ("Владивостокский городской округ", "г. Владивосток", "Владивостокский", [], 30),
    (
        "Уссурийский городской округ",
        "г. Уссурийск",
        "Уссурийский",
        ["с. Борисовка", "с. Воздвиженка", "с. Новоникольск"],
        10,
    ),
    ("Находкинский городской округ", "г. Находка", "Находкинский", ["пгт Врангель", "пос. Ливадия"], 9),
    ("Артёмовский городской округ", "г. Артём", "Артёмовский", ["с. Кневичи", "с. Суходол"], 6),
    ("Арсеньевский городской округ", "г. Арсеньев", "Арсеньевский", [], 3),
    (
        "Дальнегорский городской округ",
        "г. Дальнегорск",
        "Дальнегорский",
        ["с. Краснореченский", "с. Рудная Пристань"],
        2,
    ),
    ("Партизанский городской округ", "г. Партизанск", "Партизанский", ["с. Авангард", "с. Углекаменск"], 2),
    ("городской округ Спасск-Дальний", "г. Спасск-Дальний", "Спасский", [], 2),
    ("Лесозаводский городской округ", "г. Лесозаводск", "Лесозаводский", ["с. Тихменево", "с. Марковка"], 2),
    ("Дальнереченский городской округ", "г. Дальнереченск", "Дальнереченский", ["с. Лазо"], 2),
    ("городской округ Большой Камень", "г. Большой Камень", "Большекаменский", [], 2),
    ("ЗАТО г. Фокино", "г. Фокино", "Фокинский", ["пгт Дунай", "с. Путятин"], 1),
    ("Анучинский муниципальный округ", "с. Анучино", "Анучинский", ["с. Гражданка", "с. Муравейка"], 1),
    ("Дальнереченский муниципальный район", "с. Веденка", "Веденкинский", ["с. Ракитное", "с. Малиново"], 1),
    (
        "Кавалеровский муниципальный округ",
        "пгт Кавалерово",
        "Кавалеровский",
        ["пгт Хрустальный", "с. Рудный"],
        1,
    ),
    (
        "Кировский муниципальный район",
        "пгт Кировский",
        "Кировский",
        ["пгт Горные Ключи", "с. Крыловка", "с. Увальное"],
        1,
    ),
    (
        "Красноармейский муниципальный округ",
        "с. Новопокровка",
        "Красноармейский",
        ["с. Рощино", "с. Вострецово"],
        1,
    ),
    ("Лазовский муниципальный округ", "с. Лазо", "Лазовский", ["с. Преображение", "с. Киевка"], 1),
    (
        "Михайловский муниципальный округ",
        "с. Михайловка",
        "Михайловский",
        ["пгт Новошахтинский", "с. Ивановка"],
        2,
    ),
    (
        "Надеждинский муниципальный район",
        "с. Вольно-Надеждинское",
        "Надеждинский",
        ["пос. Новый", "с. Прохладное"],
        2,
    ),
    ("Октябрьский муниципальный округ", "с. Покровка", "Октябрьский", ["с. Галёнки", "пгт Липовцы"], 1),
    ("Ольгинский муниципальный округ", "пгт Ольга", "Ольгинский", ["с. Веселый Яр", "с. Милоградово"], 1),
    (
        "Партизанский муниципальный округ",
        "с. Владимиро-Александровское",
        "Партизанский районный",
        ["с. Сергеевка"],
        1,
    ),
    (
        "Пограничный муниципальный округ",
        "пгт Пограничный",
        "Пограничный",
        ["с. Барабаш-Левада", "с. Жариково"],
        1,
    ),
    (
        "Пожарский муниципальный округ",
        "пгт Лучегорск",
        "Лучегорский",
        ["с. Верхний Перевал", "с. Светлогорье"],
        1,
    ),
    ("Спасский муниципальный район", "с. Спасское", "Спасский районный", ["с. Хвалынка", "с. Чкаловское"], 1),
    ("Тернейский муниципальный округ", "пгт Терней", "Тернейский", ["пгт Пластун", "с. Амгу"], 1),
    (
        "Ханкайский муниципальный округ",
        "с. Камень-Рыболов",
        "Ханкайский",
        ["с. Астраханка", "с. Турий Рог"],
        1,
    ),
    ("Хасанский муниципальный округ", "пгт Славянка", "Хасанский", ["пгт Зарубино", "пгт Посьет"], 2),
    ("Хорольский муниципальный округ", "с. Хороль", "Хорольский", ["пгт Ярославский", "с. Сиваковка"], 1),
    (
        "Черниговский муниципальный округ",
        "с. Черниговка",
        "Черниговский",
        ["пгт Сибирцево", "с. Дмитриевка"],
        1,
    ),
    ("Чугуевский муниципальный округ", "с. Чугуевка", "Чугуевский", ["с. Кокшаровка", "с. Шумный"], 1),
    ("Шкотовский муниципальный округ", "пгт Смоляниново", "Шкотовский", ["с. Шкотово", "пгт Новонежино"], 1),
    (
        "Яковлевский муниципальный округ",
        "с. Яковлевка",
        "Яковлевский",
        ["с. Варфоломеевка", "с. Новосысоевка"],
        1,
    ),
]
# kind → share of the region's organisations
KIND_SHARES = [
    (OrganizationKind.SCHOOL, 0.45),
    (OrganizationKind.KINDERGARTEN, 0.33),
    (OrganizationKind.ADDITIONAL, 0.09),
    (OrganizationKind.COLLEGE, 0.04),
    (OrganizationKind.PARTNER, 0.09),
]
SCHOOL_TYPES = [
    ("СОШ", "Средняя общеобразовательная школа", 10),
    ("ООШ", "Основная общеобразовательная школа", 2),
    ("Гимназия", "Гимназия", 1),
    ("Лицей", "Лицей", 1),
]
KINDERGARTEN_NAMES = [
    "Солнышко",
    "Берёзка",
    "Ручеёк",
    "Золотой ключик",
    "Светлячок",
    "Сказка",
    "Радуга",
    "Теремок",
    "Алёнушка",
    "Журавушка",
    "Колокольчик",
    "Ласточка",
    "Дельфин",
    "Жемчужинка",
]
ADDITIONAL_TYPES = [
    ("ЦДТ", "Центр детского творчества"),
    ("ДЮСШ", "Детско-юношеская спортивная школа"),
    ("ДШИ", "Детская школа искусств"),
    ("ЦВР", "Центр внешкольной работы"),
    ("СЮТ", "Станция юных техников"),
]
COLLEGE_TYPES = [
    "агропромышленный колледж",
    "педагогический колледж",
    "колледж технологии и сервиса",
    "политехнический колледж",
    "колледж судостроения и энергетики",
    "медицинский колледж",
]
PARTNER_TYPES = [
    ("ООО «{adj} рыбокомбинат»", "Общество с ограниченной ответственностью «{adj} рыбокомбинат»"),
    ("АО «{adj} агрохолдинг»", "Акционерное общество «{adj} агрохолдинг»"),
    (
        "МБУК «{adj} библиотечная система»",
        "Муниципальное бюджетное учреждение культуры «Централизованная библиотечная система»",
    ),
    (
        "КГБУЗ «{adj} больница»",
        "Краевое государственное бюджетное учреждение здравоохранения «Центральная больница»",
    ),
    (
        "ООО «Строительная компания „{adj}“»",
        "Общество с ограниченной ответственностью «Строительная компания „{adj}“»",
    ),
    (
        "МКУ «{adj} ЦОДОУ»",
        "Муниципальное казённое учреждение «Центр обеспечения деятельности образовательных учреждений»",
    ),
    ("ООО «{adj} порт»", "Общество с ограниченной ответственностью «Морской торговый порт»"),
]
# The district of the demo's methodologist `metodist` and department `otdel` (the first, if not loaded).
HOME_DISTRICT = "Кировский муниципальный район"
# Each capability's region generator: `generate(region) -> Counter` of the rows it created.
CAPABILITY_GENERATORS = (banks, meetings, events, submissions, websites, reports)
# Wiped with the registry: every table of these apps but those seeded by migrations (the website checklist);
# the normative documents seeded for the migrations' single district go too (banks gives every district its own).
WIPED_APPS = (
    "registry_",
    "careers_",
    "banks_",
    "meetings_",
    "events_",
    "submissions_",
    "websites_",
    "reports_",
)
SEEDED_TABLES = ("websites_checklistitem", "websites_historicalchecklistitem")
WIPED_TABLES = (
    "monitoring_answer",
    "monitoring_invitation",
    "monitoring_surveyround",
    "monitoring_historicalsurveyround",
    "directory_documentrequisites",
    "directory_historicaldocumentrequisites",
    "directory_historicaldistrict",
)
STREETS = ["Ленинская", "Советская", "Школьная", "Мира", "Центральная", "Садовая", "Партизанская", "Лесная"]


class Command(BaseCommand):
    help = "Заполняет базу правдоподобным регионом (Приморский край) для нагрузочных проверок."

    def add_arguments(self, parser):
        parser.add_argument("--organizations", type=int, default=1000)
        parser.add_argument("--people", type=int, default=50000)
        parser.add_argument("--pairs", type=int, default=20000)
        parser.add_argument("--years", type=int, default=10)
        parser.add_argument("--coordinators", type=int, default=100, help="кураторы первых N организаций")
        parser.add_argument("--practices", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--history", action="store_true", help="писать и строки истории (вдвое дольше)")
        parser.add_argument("--force", action="store_true", help="сначала удалить реестр и справочники")

    def handle(self, *args, **options):
        started = time.monotonic()
        if not options["force"] and (
            Organization.objects.exists()
            or registry_models.Person.objects.exists()
            or User.objects.filter(district__isnull=False).exists()
        ):
            raise CommandError("База не пуста: запустите с --force, чтобы удалить реестр и справочники.")
        rng = random.Random(options["seed"])
        with transaction.atomic():
            if options["force"]:
                wipe()
            districts = create_districts(options["organizations"])
            organizations = create_organizations(rng, options["organizations"], districts)
            years = create_years(options["years"])
            create_users(organizations, districts, options["coordinators"])
            self.stdout.write(
                f"Районов: {len(districts)}, организаций: {len(organizations)}, учебных годов: {len(years)}"
            )

            def log(message):
                self.stdout.write(f"  {message} ({time.monotonic() - started:.1f} с)")

            counts = generate_registry(
                organizations,
                years,
                rng,
                people=options["people"],
                pairs=options["pairs"],
                with_history=options["history"],
                log=log,
            )
            region = region_of(districts, organizations, years, rng)
            for module in CAPABILITY_GENERATORS:
                options_of = {"practices": options["practices"]} if module is banks else {}
                counts.update(module.generate(region, **options_of))
                log(module.__name__.rsplit(".", 1)[-1])
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        for name, count in sorted(counts.items()):
            self.stdout.write(f"  {name}: {count}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Регион загружен за {time.monotonic() - started:.1f} с. Входы: admin, krai (край), "
                f"metodist и otdel ({home_district(districts).name}), metodist2…metodist{len(districts)} "
                f"(методисты остальных районов), "
                f"kurator1…kurator{min(options['coordinators'], len(organizations))}; пароль {DEMO_PASSWORD}"
            )
        )


def region_of(
    districts: list[District],
    organizations: list[Organization],
    years: list[AcademicYear],
    rng: random.Random,
):
    """What the capability generators draw from: organisations, years, users, the registry's pedagogues and
    the districts' schools of mentoring (`schools`: each with its own organisations, pedagogues and
    methodologist; a district without an educational organisation with pedagogues has no school)."""
    pedagogues: dict[int, list[int]] = {}
    rows = registry_models.Person.objects.filter(category=PersonCategory.PEDAGOGUE).order_by("pk")
    for person_id, org_id in rows.values_list("pk", "organization_id"):
        pedagogues.setdefault(org_id, []).append(person_id)
    educational = [o for o in organizations if o.kind != OrganizationKind.PARTNER and o.pk in pedagogues]
    methodists = {u.district_id: u for u in User.objects.filter(role=Role.METHODIST).order_by("pk")}
    schools = []
    for district in districts:
        own = [o for o in educational if o.district_id == district.pk]
        if own:
            schools.append(
                SimpleNamespace(
                    district=district,
                    organizations=[o for o in organizations if o.district_id == district.pk],
                    educational=own,
                    methodist=methodists[district.pk],
                    **_pedagogues_of(own, pedagogues),
                )
            )
    return SimpleNamespace(
        districts=districts,
        schools=schools,
        organizations=organizations,
        educational=educational,
        years=years,
        rng=rng,
        today=timezone.localdate(),
        methodists=methodists,
        coordinators={u.organization_id: u for u in User.objects.filter(role=Role.COORDINATOR)},
        pedagogues=pedagogues,
        **_pedagogues_of(educational, pedagogues),
    )


def _pedagogues_of(organizations: list[Organization], pedagogues: dict[int, list[int]]) -> dict:
    """Every pedagogue of the organisations and those of their kindergartens, in a stable order."""
    ids = sorted(o.pk for o in organizations)
    kindergartens = sorted(o.pk for o in organizations if o.kind == OrganizationKind.KINDERGARTEN)
    return {
        "all_pedagogues": [pk for org_id in ids for pk in pedagogues.get(org_id, [])],
        "kindergarten_pedagogues": [pk for org_id in kindergartens for pk in pedagogues.get(org_id, [])],
    }


def wipe() -> None:
    """Delete the registry and the capabilities' records (not what migrations seeded), every user but the
    administrators (the district staff, the coordinators and the regional reader are made again), the
    directory's organisations, years and districts."""
    historical = [Organization.history.model, AcademicYear.history.model]
    tables = [
        t
        for t in connection.introspection.table_names()
        if (t.startswith(WIPED_APPS) and t not in SEEDED_TABLES) or t in WIPED_TABLES
    ]
    tables += [m._meta.db_table for m in historical]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(sorted(tables))} RESTART IDENTITY CASCADE")
    User.objects.exclude(role=Role.ADMIN).exclude(is_superuser=True).delete()
    User.objects.filter(district__isnull=False).update(district=None)
    # Raw deletes: the ORM would write a «deleted» history row for each organisation.
    Organization.objects.all()._raw_delete(using=connection.alias)
    AcademicYear.objects.all()._raw_delete(using=connection.alias)


def create_districts(organizations: int) -> list[District]:
    """The region's districts afresh, as many as get an organisation (each gets one school first). The
    migrations' single district goes, with the normative documents they seeded for it: every district gets
    its own from the banks' generator."""
    for model in (NormativeDocument, NormativeDocument.history.model, District):
        model.objects.all()._raw_delete(using=connection.alias)
    rows = DISTRICTS[: max(1, min(organizations, len(DISTRICTS)))]
    districts = [District(name=row[0], kind=district_kind(row[0])) for row in rows]
    District.objects.bulk_create(fill_sort_keys(districts))
    return districts


def district_kind(name: str) -> str:
    """The kind named by the district's name: «… муниципальный район», «… муниципальный округ», else a city
    («… городской округ», «ЗАТО г. …»)."""
    if "муниципальный район" in name:
        return DistrictKind.MUNICIPAL_DISTRICT
    if "муниципальный округ" in name:
        return DistrictKind.MUNICIPAL_OKRUG
    return DistrictKind.CITY_OKRUG


def home_district(districts: list[District]) -> District:
    return next((d for d in districts if d.name == HOME_DISTRICT), districts[0])


def create_organizations(rng: random.Random, total: int, districts: list[District]) -> list[Organization]:
    counters: dict = {}
    names: set[str] = set()
    orgs = []
    rows = list(zip(DISTRICTS, districts, strict=False))
    weights = [row[4] for row, _district in rows]
    kinds = [k for k, _share in KIND_SHARES]
    shares = [share for _k, share in KIND_SHARES]
    attempts = 0
    while len(orgs) < total and attempts < total * 20:
        attempts += 1
        if len(orgs) < len(rows):
            district = rows[len(orgs)]  # every district has at least one school
            kind = OrganizationKind.SCHOOL
        else:
            district = rng.choices(rows, weights)[0]
            kind = rng.choices(kinds, shares)[0]
        org = organization(rng, district, kind, counters)
        if org.short_name in names or org.full_name in names:
            continue
        names |= {org.short_name, org.full_name}
        orgs.append(org)
    rng.shuffle(orgs)
    # The first organisations get coordinators: make them schools of a believable size.
    orgs.sort(key=lambda o: o.kind != OrganizationKind.SCHOOL)
    Organization.objects.bulk_create(fill_sort_keys(orgs), batch_size=1000)
    return orgs


def organization(rng: random.Random, district, kind: str, counters: dict) -> Organization:
    (area, centre, adjective, villages, _size), district = district
    place = centre if not villages or rng.random() < 0.6 else rng.choice(villages)
    key = (area, kind)
    counters[key] = counters.get(key, 0) + 1
    number = counters[key]
    if kind == OrganizationKind.SCHOOL:
        types = SCHOOL_TYPES if place == centre else SCHOOL_TYPES[:2]  # no lyceums in villages
        short_type, long_type, _w = rng.choices(types, [t[2] for t in types])[0]
        short = f"МБОУ «{short_type} № {number} {place}»"
        full = (
            f"Муниципальное бюджетное общеобразовательное учреждение «{long_type} № {number} {place}» {area}"
        )
    elif kind == OrganizationKind.KINDERGARTEN:
        title = rng.choice(KINDERGARTEN_NAMES)
        short = f"МБДОУ «Детский сад № {number} „{title}“ {place}»"
        full = f"Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № {number} „{title}“» {place}, {area}"
    elif kind == OrganizationKind.ADDITIONAL:
        short_type, long_type = rng.choice(ADDITIONAL_TYPES)
        short = f"МБУ ДО «{short_type} № {number} {place}»"
        full = f"Муниципальное бюджетное учреждение дополнительного образования «{long_type} № {number}» {place}, {area}"
    elif kind == OrganizationKind.COLLEGE:
        college = COLLEGE_TYPES[(number - 1) % len(COLLEGE_TYPES)]
        suffix = f" № {number}" if number > len(COLLEGE_TYPES) else ""
        short = f"КГБ ПОУ «{adjective} {college}{suffix}»"
        full = f"Краевое государственное бюджетное профессиональное образовательное учреждение «{adjective} {college}{suffix}»"
    else:
        short_tpl, full_tpl = PARTNER_TYPES[(number - 1) % len(PARTNER_TYPES)]
        suffix = f" ({place}, {number})" if number > len(PARTNER_TYPES) else ""
        short = short_tpl.format(adj=adjective) + suffix
        full = f"{full_tpl.format(adj=adjective)} {area}{suffix}"
    surname, female = rng.choice(SURNAMES)[1], rng.random() < 0.8
    head = (
        f"{rng.choice(SURNAMES)[1 if female else 0]} {rng.choice('АВГЕИЛМНОСТ')}. {rng.choice('АВГЕИМНПС')}."
    )
    curator = f"{surname} {rng.choice(FEMALE_NAMES)} {rng.choice(PATRONYMICS)[1]}"
    is_partner = kind == OrganizationKind.PARTNER
    return Organization(
        district=district,
        kind=kind,
        short_name=short,
        full_name=full,
        address=f"Приморский край, {area}, {place}, ул. {rng.choice(STREETS)}, {rng.randint(1, 120)}",
        website="" if is_partner else f"https://{_slug(adjective)}-{kind[:3]}{number}.edu.ru",
        head_name=head,
        curator_name="" if is_partner else curator,
        is_base_school=kind == OrganizationKind.SCHOOL and rng.random() < 0.05,
        is_internship_site=kind != OrganizationKind.PARTNER and rng.random() < 0.04,
    )


def create_years(count: int) -> list[AcademicYear]:
    current = start_year_of(timezone.localdate())
    years = [AcademicYear(start_year=year) for year in range(current - count + 1, current + 1)]
    AcademicYear.objects.bulk_create(years)
    return years


def create_users(organizations: list[Organization], districts: list[District], coordinators: int) -> None:
    """The administrator, the regional reader, a methodologist of every district (`metodist` and the
    department `otdel` in the home district, `metodist2`… in the others) and coordinators of the first
    organisations."""
    password = make_password(DEMO_PASSWORD)  # hashed once: PBKDF2 per user would take minutes
    home = home_district(districts)
    users = [
        User(username="admin", role=Role.ADMIN, is_staff=True, is_superuser=True, last_name="Орлов"),
        User(
            username="krai", role=Role.REGION, last_name="Краева", first_name="Ирина", middle_name="Павловна"
        ),
        User(
            username="metodist", role=Role.METHODIST, district=home, last_name="Суровцева", first_name="Ольга"
        ),
        User(username="otdel", role=Role.DEPARTMENT, district=home, last_name="Сухов", first_name="Семён"),
    ]
    users += [
        User(
            username=f"metodist{number}",
            role=Role.METHODIST,
            district=district,
            last_name=SURNAMES[number * 7 % len(SURNAMES)][1],
            first_name=FEMALE_NAMES[number * 5 % len(FEMALE_NAMES)],
            middle_name=PATRONYMICS[number * 3 % len(PATRONYMICS)][1],
        )
        for number, district in enumerate([d for d in districts if d != home], start=2)
    ]
    users += [
        User(
            username=f"kurator{index}",
            role=Role.COORDINATOR,
            organization=org,
            last_name=org.curator_name.split()[0],
            first_name=org.curator_name.split()[1],
            middle_name=org.curator_name.split()[2],
        )
        for index, org in enumerate(organizations[:coordinators], start=1)
        if org.curator_name
    ]
    existing = set(
        User.objects.filter(username__in=[u.username for u in users]).values_list("username", flat=True)
    )
    for user in users:
        user.password = password
        user.email = f"{user.username}@mshn.example"
    User.objects.bulk_create([u for u in users if u.username not in existing])


def _slug(text: str) -> str:
    table = str.maketrans("абвгдеёжзийклмнопрстуфхцчшщыэюя", "abvgdeejziiklmnoprstufhccssyeuy")
    return "".join(ch for ch in text.lower().split()[0].translate(table) if ch.isascii() and ch.isalnum())
