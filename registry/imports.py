"""XLSX import of people and pairs: read a workbook into rows, validate every row, apply all or nothing.

Validation loads what it needs in bulk (organisations, forms, the people of the organisations the file
names), so a file of thousands of rows costs the same few queries as a file of ten; people are then
written with bulk inserts. Nothing is written while any row has an error.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history

from core import access, freshness
from core.exporters import XLSX, Exporter
from core.files import check_archive_size
from core.russian import YoAsYe, fill_sort_keys
from directory.models import MentoringForm, Organization, PersonCategory
from registry import rules, services
from registry.models import (
    Mentee,
    Mentor,
    MentorStatus,
    Pair,
    PairStatus,
    Person,
    QualificationCategory,
)
from registry.selectors import OPEN_PAIR_STATUSES

MAX_FILE_SIZE = 10 * 1024 * 1024
ZIP_SIGNATURE = b"PK\x03\x04"
BATCH_SIZE = 1000
DATE_FORMAT = "%d.%m.%Y"
QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "ё": "е"})
# Partners' and colleges' representatives may mentor in several organisations (as in PairForm).
OUTSIDE_MENTOR_CATEGORIES = (PersonCategory.EMPLOYER, PersonCategory.STUDENT)


# --- the two sheets ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    header: Any  # lazy translation
    key: str
    required: bool = False
    example: Any = ""
    hint: Any = ""
    width: int = 18


@dataclass(frozen=True)
class Sheet:
    filename: str
    title: Any
    columns: tuple[Column, ...]

    def headers(self) -> dict[str, str]:
        return {c.key: str(c.header) for c in self.columns}


ORG_HINT = gettext_lazy(
    "Краткое наименование, как в списке организаций справки. Обязательна для методиста; "
    "куратор может оставить пустой — подставится его организация."
)
BIRTH_HINT = gettext_lazy("дд.мм.гггг или ячейка с датой Excel. Нужна дата или хотя бы год рождения.")
DATE_HINT = gettext_lazy("дд.мм.гггг или ячейка с датой Excel")

PEOPLE = Sheet(
    "шаблон_люди",
    gettext_lazy("Люди"),
    (
        Column(gettext_lazy("Фамилия"), "last_name", True, "Иванова"),
        Column(gettext_lazy("Имя"), "first_name", True, "Мария"),
        Column(gettext_lazy("Отчество"), "middle_name", False, "Петровна"),
        Column(gettext_lazy("Дата рождения"), "birth_date", False, "05.03.1990", BIRTH_HINT),
        Column(
            gettext_lazy("Год рождения"),
            "birth_year",
            False,
            1990,
            gettext_lazy("Если дата рождения не нужна (например, у обучающихся)."),
        ),
        Column(
            gettext_lazy("Категория"),
            "category",
            True,
            "Педагог",
            gettext_lazy("Список — на листе «Справка»."),
        ),
        Column(gettext_lazy("Организация"), "organization", False, "", ORG_HINT, 28),
        Column(gettext_lazy("Должность"), "position", False, "учитель математики", "", 24),
        Column(gettext_lazy("Предметы"), "subjects", False, "математика", "", 22),
        Column(
            gettext_lazy("Начало педагогического стажа"),
            "experience_start",
            False,
            "01.09.2024",
            DATE_HINT,
            22,
        ),
        Column(gettext_lazy("Квалификационная категория"), "qualification", False, "первая", "", 22),
        Column(
            gettext_lazy("Класс/группа"), "class_or_group", False, "", gettext_lazy("Для обучающихся: 8А.")
        ),
        Column(gettext_lazy("E-mail"), "email", False, "ivanova@example.ru", "", 24),
        Column(gettext_lazy("Телефон"), "phone", False, "+7 900 000-00-00"),
        Column(
            gettext_lazy("Наставник"),
            "is_mentor",
            False,
            "нет",
            gettext_lazy("да — добавить в банк наставников."),
        ),
        Column(
            gettext_lazy("Наставляемый"),
            "is_mentee",
            False,
            "да",
            gettext_lazy("да — добавить в базу наставляемых."),
        ),
    ),
)

PAIRS = Sheet(
    "шаблон_пары",
    gettext_lazy("Пары"),
    (
        Column(gettext_lazy("Организация"), "organization", False, "", ORG_HINT, 28),
        Column(
            gettext_lazy("Форма наставничества"),
            "form",
            True,
            "педагог – педагог",
            gettext_lazy("Название, как на листе «Справка»."),
            24,
        ),
        Column(
            gettext_lazy("Наставник (ФИО)"),
            "mentor",
            True,
            "Петрова Анна Сергеевна",
            gettext_lazy("Человек из банка наставников."),
            30,
        ),
        Column(
            gettext_lazy("Наставник: год рождения"),
            "mentor_year",
            False,
            1975,
            gettext_lazy("Нужен, если в реестре несколько наставников с тем же ФИО."),
        ),
        Column(
            gettext_lazy("Наставляемые"),
            "mentees",
            True,
            "Иванова Мария Петровна",
            gettext_lazy("ФИО из базы наставляемых через «;»."),
            40,
        ),
        Column(gettext_lazy("Дата начала"), "started_on", True, "15.09.2025", DATE_HINT),
        Column(gettext_lazy("Плановая дата окончания"), "planned_end_on", False, "31.05.2026", DATE_HINT),
        Column(gettext_lazy("Номер приказа"), "order_number", False, "45-од"),
        Column(gettext_lazy("Дата приказа"), "order_date", False, "10.09.2025", DATE_HINT),
    ),
)


# --- errors --------------------------------------------------------------------------------------


class ImportFileError(Exception):
    """The upload is not a readable XLSX table; the message says why."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


class ImportRejected(Exception):
    """At least one row is wrong; nothing was imported."""

    def __init__(self, errors: Sequence[RowError]):
        super().__init__(f"{len(errors)} errors")
        self.errors = sorted(errors, key=lambda e: e.row)


# --- reading the file ----------------------------------------------------------------------------


@dataclass
class Table:
    header: tuple
    rows: list[tuple[int, tuple]]  # (row number in Excel, cell values)


def read_table(upload) -> Table:
    """The first sheet's header and non-empty rows; ImportFileError when the file cannot be used."""
    if upload.size > MAX_FILE_SIZE:
        raise ImportFileError(_("Файл больше 10 МБ: разделите таблицу на несколько файлов."))
    signature = upload.read(len(ZIP_SIGNATURE))
    upload.seek(0)
    if signature != ZIP_SIGNATURE:
        raise ImportFileError(_not_xlsx_message())
    book = _open_workbook(upload)
    try:
        return _table_of(book.worksheets[0])
    finally:
        book.close()


def _not_xlsx_message() -> str:
    return _(
        "Файл не похож на таблицу Excel (XLSX). Откройте его в Excel или LibreOffice, сохраните как "
        "«Книга Excel (.xlsx)» и загрузите снова, либо заполните шаблон с этой страницы."
    )


def _check_unpacked_size(upload) -> None:
    """A zip bomb is refused from the zip's directory, before openpyxl unpacks anything."""
    try:
        with zipfile.ZipFile(upload) as archive:
            check_archive_size(archive, upload.name)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
        raise ImportFileError(_not_xlsx_message()) from error
    except ValidationError as error:
        raise ImportFileError(error.messages[0]) from error
    finally:
        upload.seek(0)


def _open_workbook(upload):
    from openpyxl import load_workbook

    _check_unpacked_size(upload)
    try:
        return load_workbook(upload, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds of errors on a damaged or foreign zip
        raise ImportFileError(_not_xlsx_message()) from error


def _table_of(sheet) -> Table:
    cells = sheet.iter_rows(values_only=True)
    header = next(cells, None)
    if not header or not any(_cell_text(v) for v in header):
        raise ImportFileError(
            _("В первой строке листа нет заголовков колонок: возьмите шаблон с этой страницы.")
        )
    rows = []
    for number, values in enumerate(cells, start=2):
        if any(_cell_text(v) for v in values):
            rows.append((number, values))
        if len(rows) > settings.IMPORT_MAX_ROWS:
            raise ImportFileError(
                _("В файле больше %(max)s строк: разделите его на части.") % {"max": settings.IMPORT_MAX_ROWS}
            )
    if not rows:
        raise ImportFileError(_("В файле нет строк с данными: заполните таблицу под строкой заголовков."))
    return Table(tuple(header), rows)


def bind_rows(table: Table, sheet: Sheet) -> list[tuple[int, dict[str, Any]]]:
    """Rows as {column key: value}; ImportRejected when a required column is missing."""
    by_header = {_norm(c.header): c.key for c in sheet.columns}
    positions = {by_header[_norm(h)]: i for i, h in enumerate(table.header) if _norm(h) in by_header}
    missing = [c for c in sheet.columns if c.required and c.key not in positions]
    if missing:
        raise ImportRejected(
            [
                RowError(1, str(c.header), _("Нет колонки «%(h)s»: возьмите шаблон.") % {"h": c.header})
                for c in missing
            ]
        )
    return [
        (number, {key: values[i] if i < len(values) else None for key, i in positions.items()})
        for number, values in table.rows
    ]


# --- reading one row -----------------------------------------------------------------------------


def _norm(value: Any) -> str:
    """Case, ё/е, quotes and spaces do not matter when names are compared."""
    return " ".join(str(value or "").lower().translate(QUOTES).split())


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return f"{value:{DATE_FORMAT}}"
    return str(value).strip()


class RowReader:
    """Typed values of one row; every bad cell adds an error naming its row and column."""

    def __init__(self, number: int, values: dict[str, Any], headers: dict[str, str], errors: list[RowError]):
        self.number, self.values, self.headers, self.errors = number, values, headers, errors
        self.failed_keys: set[str] = set()

    @property
    def failed(self) -> bool:
        return bool(self.failed_keys)

    def error(self, key: str, message: str) -> None:
        self.failed_keys.add(key)
        self.errors.append(RowError(self.number, self.headers.get(key, ""), message))

    def text(self, key: str, *, max_length: int = 0, required: bool = False) -> str:
        value = _cell_text(self.values.get(key))
        if required and not value:
            self.error(key, _("Заполните ячейку «%(column)s».") % {"column": self.headers[key]})
        elif max_length and len(value) > max_length:
            self.error(
                key, _("Не длиннее %(max)s знаков, а здесь %(len)s.") % {"max": max_length, "len": len(value)}
            )
        return value

    def date(self, key: str, *, required: bool = False) -> datetime.date | None:
        value = self.values.get(key)
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = self.text(key, required=required)
        if not text:
            return None
        try:
            return datetime.datetime.strptime(text, DATE_FORMAT).date()
        except ValueError:
            self.error(key, _("Дата «%(value)s» не распознана: впишите её как дд.мм.гггг.") % {"value": text})
            return None

    def year(self, key: str) -> int | None:
        text = self.text(key)
        if not text:
            return None
        if not (text.isdigit() and len(text) == 4):
            self.error(
                key, _("Год «%(value)s» не распознан: впишите четыре цифры, например 1990.") % {"value": text}
            )
            return None
        return int(text)

    def choice(self, key: str, options: dict[str, Any], *, required: bool = False) -> Any:
        text = self.text(key, required=required)
        if not text:
            return None
        if _norm(text) not in options:
            self.error(
                key,
                _("«%(value)s» нет в списке: выберите одно из значений листа «Справка».") % {"value": text},
            )
        return options.get(_norm(text))

    def yes_no(self, key: str) -> bool:
        text = _norm(_cell_text(self.values.get(key)))
        if text not in ("", "да", "нет"):
            self.error(key, _("Впишите «да» или «нет» (или оставьте ячейку пустой)."))
        return text == "да"

    def organization(
        self, allowed: dict[str, Organization], fixed: Organization | None
    ) -> Organization | None:
        text = self.text("organization")
        if fixed is not None:
            if text and _norm(text) != _norm(fixed.short_name):
                self.error(
                    "organization",
                    _(
                        "Вы загружаете данные только своей организации «%(own)s»: оставьте ячейку пустой "
                        "или впишите «%(own)s»."
                    )
                    % {"own": fixed.short_name},
                )
            return fixed
        if not text:
            self.error("organization", _("Укажите краткое наименование организации с листа «Справка»."))
            return None
        if _norm(text) not in allowed:
            self.error(
                "organization",
                _(
                    "Организации «%(value)s» нет в справочнике: впишите краткое наименование с листа «Справка»."
                )
                % {"value": text},
            )
        return allowed.get(_norm(text))


# --- reference data for a user -------------------------------------------------------------------


def organizations_for_import(user) -> list[Organization]:
    """A coordinator imports only into their own organisation; the methodologist into any active one of the
    district."""
    fixed = access.organization_for_new_records(user)
    return (
        [fixed]
        if fixed is not None
        else list(access.scope(user, Organization.objects.filter(is_active=True), "id"))
    )


def _options(choices: Iterable[tuple[str, Any]]) -> dict[str, str]:
    return {_norm(label): value for value, label in choices}


# --- people --------------------------------------------------------------------------------------


@dataclass
class PeoplePlan:
    new_people: list[Person] = field(default_factory=list)
    new_mentors: list[Person] = field(default_factory=list)
    new_mentees: list[Person] = field(default_factory=list)
    total: int = 0
    matched: int = 0


@dataclass
class PersonRow:
    number: int
    person: Person
    is_mentor: bool
    is_mentee: bool


@dataclass(frozen=True)
class PeopleResult:
    total: int
    matched: int


def import_people(user, table: Table) -> PeopleResult:
    """Validate every row; create the new people (and their mentor/mentee records) only if all pass."""
    plan = validate_people(user, bind_rows(table, PEOPLE))
    return apply_people(plan, user)


@dataclass
class PeopleLookups:
    """Everything a row is checked against, built once per file (translations are slow per row)."""

    headers: dict[str, str]
    organizations: dict[str, Organization]
    fixed: Organization | None
    categories: dict[str, str]
    qualifications: dict[str, str]
    today: datetime.date

    @classmethod
    def for_user(cls, user) -> PeopleLookups:
        return cls(
            headers=PEOPLE.headers(),
            organizations={_norm(o.short_name): o for o in organizations_for_import(user)},
            fixed=access.organization_for_new_records(user),
            categories=_options(PersonCategory.choices),
            qualifications=_options(QualificationCategory.choices),
            today=timezone.localdate(),
        )


def validate_people(user, rows: list[tuple[int, dict[str, Any]]]) -> PeoplePlan:
    errors: list[RowError] = []
    lookups = PeopleLookups.for_user(user)
    parsed = [_person_row(RowReader(n, v, lookups.headers, errors), lookups) for n, v in rows]
    parsed = [p for p in parsed if p is not None]
    existing = _existing_people({p.person.organization_id for p in parsed})
    plan = _plan_people(parsed, existing, errors)
    if errors:
        raise ImportRejected(errors)
    return plan


def _person_row(reader: RowReader, lookups: PeopleLookups) -> PersonRow | None:
    organization = reader.organization(lookups.organizations, lookups.fixed)
    person = Person(
        last_name=reader.text("last_name", max_length=rules.field_length(Person, "last_name"), required=True),
        first_name=reader.text(
            "first_name", max_length=rules.field_length(Person, "first_name"), required=True
        ),
        middle_name=reader.text("middle_name", max_length=rules.field_length(Person, "middle_name")),
        birth_date=reader.date("birth_date"),
        birth_year=reader.year("birth_year"),
        category=reader.choice("category", lookups.categories, required=True) or "",
        position=reader.text("position", max_length=rules.field_length(Person, "position")),
        subjects=reader.text("subjects", max_length=rules.field_length(Person, "subjects")),
        experience_start=reader.date("experience_start"),
        qualification=reader.choice("qualification", lookups.qualifications) or "",
        class_or_group=reader.text("class_or_group", max_length=rules.field_length(Person, "class_or_group")),
        email=_email(reader),
        phone=reader.text("phone", max_length=rules.field_length(Person, "phone")),
    )
    for key, message in rules.person_errors(
        birth_date=person.birth_date,
        birth_year=person.birth_year,
        experience_start=person.experience_start,
        today=lookups.today,
        mistyped=bool(reader.failed_keys & {"birth_date", "birth_year"}),
    ):
        reader.error(key, message)
    is_mentor, is_mentee = reader.yes_no("is_mentor"), reader.yes_no("is_mentee")
    if reader.failed or organization is None:
        return None
    person.organization = organization
    return PersonRow(reader.number, person, is_mentor, is_mentee)


def _email(reader: RowReader) -> str:
    value = reader.text("email", max_length=rules.field_length(Person, "email"))
    try:
        if value:
            validate_email(value)
    except ValidationError:
        reader.error("email", _("Адрес «%(value)s» не похож на e-mail.") % {"value": value})
    return value


def _person_key(person: Person) -> tuple:
    return (_norm(person.full_name), person.organization_id)


def _same_birth(a: Person, b: Person) -> bool:
    if a.birth_date and b.birth_date:
        return a.birth_date == b.birth_date
    return a.year_of_birth == b.year_of_birth


def _existing_people(organization_ids: set[int]) -> dict[tuple, list[Person]]:
    """The registry's people of the organisations in the file, with whether they are mentors/mentees."""
    people = (
        Person.objects.filter(organization_id__in=organization_ids, is_anonymised=False)
        .only("last_name", "first_name", "middle_name", "birth_date", "birth_year", "organization_id")
        .annotate(
            has_mentor_record=Exists(Mentor.objects.filter(person=OuterRef("pk"))),
            has_mentee_record=Exists(Mentee.objects.filter(person=OuterRef("pk"))),
        )
        .order_by("pk")
    )
    index: dict[tuple, list[Person]] = defaultdict(list)
    for person in people:
        index[_person_key(person)].append(person)
    return index


def _plan_people(parsed: list[PersonRow], existing, errors: list[RowError]) -> PeoplePlan:
    plan = PeoplePlan(total=len(parsed))
    seen: dict[tuple, list[PersonRow]] = defaultdict(list)
    for row in parsed:
        key = _person_key(row.person)
        earlier = next((r for r in seen[key] if _same_birth(r.person, row.person)), None)
        if earlier is not None:
            message = _("Строка повторяет строку %(row)s (тот же человек): удалите одну из них.")
            errors.append(
                RowError(row.number, PEOPLE.headers()["last_name"], message % {"row": earlier.number})
            )
            continue
        seen[key].append(row)
        _plan_person(plan, row, next((p for p in existing[key] if _same_birth(p, row.person)), None))
    return plan


def _plan_person(plan: PeoplePlan, row: PersonRow, match: Person | None) -> None:
    """A person already in the registry is kept as is; only a missing mentor/mentee record is added."""
    person = match or row.person
    if match is None:
        plan.new_people.append(person)
    else:
        plan.matched += 1
    if row.is_mentor and not getattr(person, "has_mentor_record", False):
        plan.new_mentors.append(person)
    if row.is_mentee and not getattr(person, "has_mentee_record", False):
        plan.new_mentees.append(person)


@transaction.atomic
def apply_people(plan: PeoplePlan, user) -> PeopleResult:
    """Bulk-create the new people and the mentor/mentee records, each with its history record."""
    _bulk_create(Person, plan.new_people, user)
    _bulk_create(Mentor, [Mentor(person=p) for p in plan.new_mentors], user)
    _bulk_create(Mentee, [Mentee(person=p) for p in plan.new_mentees], user)
    freshness.bump()  # bulk inserts send no signal: the cached figures are told once
    return PeopleResult(total=plan.total, matched=plan.matched)


def _bulk_create(model, objects: list, user) -> None:
    if objects:
        bulk_create_with_history(fill_sort_keys(objects), model, batch_size=BATCH_SIZE, default_user=user)


# --- pairs ---------------------------------------------------------------------------------------


@dataclass
class PairRow:
    reader: RowReader
    organization: Organization
    form: MentoringForm
    mentor_name: str
    mentor_year: int | None
    mentee_names: list[str]
    pair: Pair
    mentor: Mentor | None = None
    mentees: list[Mentee] = field(default_factory=list)


@dataclass
class PairContext:
    user: Any
    mentors: dict[str, list[Mentor]]
    mentees: dict[tuple[str, int], list[Mentee]]
    loads: dict[int, int] = field(default_factory=dict)
    added: dict[int, int] = field(default_factory=lambda: defaultdict(int))


def import_pairs(user, table: Table) -> int:
    """Validate every row against the pair rules (also across rows); create the pairs only if all pass."""
    plan = validate_pairs(user, bind_rows(table, PAIRS))
    return apply_pairs(plan)


def validate_pairs(user, rows: list[tuple[int, dict[str, Any]]]) -> list[PairRow]:
    errors: list[RowError] = []
    fixed = access.organization_for_new_records(user)
    allowed = {_norm(o.short_name): o for o in organizations_for_import(user)}
    forms = {_norm(f.name): f for f in MentoringForm.objects.filter(is_active=True)}
    headers = PAIRS.headers()
    parsed = [_pair_row(RowReader(n, v, headers, errors), allowed, fixed, forms) for n, v in rows]
    parsed = [p for p in parsed if p is not None]
    context = _pair_context(user, parsed)
    for row in parsed:
        _resolve_people(row, context)
    context.loads = _mentor_loads({row.mentor.pk for row in parsed if row.mentor})
    for row in parsed:
        _check_pair(row, context)
    if errors:
        raise ImportRejected(errors)
    return parsed


def _pair_row(reader: RowReader, allowed, fixed, forms) -> PairRow | None:
    organization = reader.organization(allowed, fixed)
    form = reader.choice("form", forms, required=True)
    mentor_name = reader.text("mentor", max_length=300, required=True)
    mentor_year = reader.year("mentor_year")
    mentee_names = list(
        dict.fromkeys(n.strip() for n in reader.text("mentees", required=True).split(";") if n.strip())
    )
    pair = Pair(
        started_on=reader.date("started_on", required=True),
        planned_end_on=reader.date("planned_end_on"),
        order_number=reader.text("order_number", max_length=rules.field_length(Pair, "order_number")),
        order_date=reader.date("order_date"),
        status=PairStatus.FORMING,
    )
    for key, message in rules.date_order_errors(pair.started_on, planned_end_on=pair.planned_end_on).items():
        reader.error(key, message)
    if reader.failed or organization is None or form is None:
        return None
    pair.organization, pair.form = organization, form
    return PairRow(reader, organization, form, mentor_name, mentor_year, mentee_names, pair)


def _pair_context(user, parsed: list[PairRow]) -> PairContext:
    """Mentors and mentees the file may name, loaded in bulk and indexed by normalised ФИО."""
    org_ids = {row.organization.pk for row in parsed}
    mentors = Mentor.objects.select_related("person__organization").exclude(status=MentorStatus.LEFT)
    in_orgs = Q(person__organization_id__in=org_ids)
    if any(row.form.allows_other_organizations for row in parsed):
        last_names = {_norm(row.mentor_name).split(" ")[0] for row in parsed if row.mentor_name}
        mentors = mentors.annotate(last=Lower(YoAsYe("person__last_name")))  # as _norm reads «ё»
        in_orgs |= Q(last__in=last_names)
    by_name: dict[str, list[Mentor]] = defaultdict(list)
    for mentor in mentors.filter(in_orgs).order_by("pk"):
        by_name[_norm(mentor.person.full_name)].append(mentor)
    mentees: dict[tuple[str, int], list[Mentee]] = defaultdict(list)
    for mentee in Mentee.objects.select_related("person__organization").filter(
        person__organization_id__in=org_ids
    ):
        mentees[(_norm(mentee.person.full_name), mentee.person.organization_id)].append(mentee)
    return PairContext(user, by_name, mentees)


def _mentor_loads(mentor_ids: set[int]) -> dict[int, int]:
    """Mentees each mentor already takes in forming and active pairs (as selectors.mentor_load counts)."""
    loads = (
        Pair.objects.filter(mentor_id__in=mentor_ids, status__in=OPEN_PAIR_STATUSES)
        .values("mentor_id")
        .annotate(taken=Count("mentees"))
    )
    totals: dict[int, int] = defaultdict(int)
    for load in loads:
        totals[load["mentor_id"]] += load["taken"]
    return totals


def _resolve_people(row: PairRow, context: PairContext) -> None:
    row.mentor = _find_mentor(row, context)
    for name in row.mentee_names:
        found = context.mentees.get((_norm(name), row.organization.pk), [])
        if len(found) == 1:
            row.mentees.append(found[0])
        elif not found:
            row.reader.error(
                "mentees",
                _(
                    "«%(name)s» нет в базе наставляемых организации %(org)s: сначала загрузите или добавьте его."
                )
                % {"name": name, "org": row.organization},
            )
        else:
            row.reader.error(
                "mentees",
                _("В базе наставляемых несколько человек «%(name)s»: уточните данные в реестре.")
                % {"name": name},
            )


def _find_mentor(row: PairRow, context: PairContext) -> Mentor | None:
    candidates = [m for m in context.mentors.get(_norm(row.mentor_name), []) if _mentor_fits(m, row, context)]
    if row.mentor_year:
        candidates = [m for m in candidates if m.person.year_of_birth == row.mentor_year]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        message = _("«%(name)s» нет в банке наставников, доступных для этой организации и формы.")
    else:
        message = _("В банке наставников несколько человек «%(name)s»: укажите год рождения наставника.")
    row.reader.error("mentor", message % {"name": row.mentor_name})
    return None


def _mentor_fits(mentor: Mentor, row: PairRow, context: PairContext) -> bool:
    if mentor.person.organization_id == row.organization.pk:
        return True
    if not row.form.allows_other_organizations:
        return False
    return access.is_methodist(context.user) or mentor.person.category in OUTSIDE_MENTOR_CATEGORIES


def _check_pair(row: PairRow, context: PairContext) -> None:
    """The rules of registry.rules, plus the mentor's limit counting the file's earlier rows."""
    if row.mentor is None or not row.mentees:
        return
    taken = context.loads.get(row.mentor.pk, 0)
    errors = rules.pair_errors(
        organization=row.organization, form=row.form, mentor=row.mentor, mentees=row.mentees, taken=taken
    )
    for key, message in errors.items():
        row.reader.error(key, message)
    earlier = context.added[row.mentor.pk]
    limit = row.mentor.max_mentees
    if earlier and taken + len(row.mentees) <= limit < taken + earlier + len(row.mentees):
        row.reader.error("mentees", _limit_message(row.mentor, taken, earlier))
    context.added[row.mentor.pk] += len(row.mentees)


def _limit_message(mentor: Mentor, taken: int, earlier: int) -> str:
    return _(
        "У наставника %(mentor)s уже %(taken)s наставляемых в реестре и %(earlier)s в предыдущих строках файла "
        "при пределе %(limit)s: можно добавить не больше %(free)s."
    ) % {
        "mentor": mentor,
        "taken": taken,
        "earlier": earlier,
        "limit": mentor.max_mentees,
        "free": max(mentor.max_mentees - taken - earlier, 0),
    }


@transaction.atomic
def apply_pairs(rows: list[PairRow]) -> int:
    """Create each pair «формируется» with its mentees and personalised program."""
    for row in rows:
        row.pair.mentor = row.mentor
        services.save_pair(row.pair, row.mentees)
    return len(rows)


# --- the template to fill in ---------------------------------------------------------------------


class ImportTemplate(Exporter):
    """The sheet's headers with an example and a hint as a comment, and a «Справка» sheet for the user."""

    content_type = XLSX
    extension = "xlsx"

    def __init__(self, sheet: Sheet, user):
        super().__init__(sheet.filename)
        self.sheet, self.user = sheet, user

    def render(self):
        from openpyxl import Workbook

        book = Workbook()
        _write_header(book.active, self.sheet)
        _write_reference(book.create_sheet(_("Справка")), self.sheet, self.user)
        stream = io.BytesIO()
        book.save(stream)
        stream.seek(0)
        return stream


def _write_header(ws, sheet: Sheet) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws.title = str(sheet.title)
    ws.freeze_panes = "A2"
    for index, column in enumerate(sheet.columns, start=1):
        cell = ws.cell(row=1, column=index, value=str(column.header))
        cell.font = Font(bold=True)
        cell.comment = Comment(_column_note(column), "МШН", width=260, height=110)
        ws.column_dimensions[get_column_letter(index)].width = column.width


def _column_note(column: Column) -> str:
    parts = [_("Обязательная колонка.")] if column.required else []
    if column.example not in ("", None):
        parts.append(_("Пример: %(example)s.") % {"example": column.example})
    if column.hint:
        parts.append(str(column.hint))
    return "\n".join(parts)


def _write_reference(ws, sheet: Sheet, user) -> None:
    from openpyxl.styles import Font

    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 70
    for title, lines in reference_sections(sheet, user):
        ws.append([title])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
        for line in lines:
            ws.append(list(line))
        ws.append([])


def reference_sections(sheet: Sheet, user) -> list[tuple[str, list[tuple[str, str]]]]:
    """What the user may write in the columns with fixed values; shown on the page and in «Справка»."""
    columns = [(str(c.header), _column_note(c).replace("\n", " ")) for c in sheet.columns]
    organizations = [(o.short_name, o.full_name) for o in organizations_for_import(user)]
    sections = [(_("Колонки"), columns), (_("Организации (колонка «Организация»)"), organizations)]
    if sheet is PEOPLE:
        sections.append((_("Категории"), [(str(label), "") for _value, label in PersonCategory.choices]))
        sections.append(
            (
                _("Квалификационные категории"),
                [(str(label), "") for _value, label in QualificationCategory.choices],
            )
        )
    else:
        forms = [(f.name, _form_note(f)) for f in MentoringForm.objects.filter(is_active=True)]
        sections.append((_("Формы наставничества"), forms))
    return sections


def _form_note(form: MentoringForm) -> str:
    mentor = PersonCategory(form.mentor_category).label if form.mentor_category else _("любой")
    mentee = PersonCategory(form.mentee_category).label if form.mentee_category else _("любой")
    outside = _("наставник может быть из другой организации") if form.allows_other_organizations else ""
    return "; ".join(p for p in (_("наставник: %s") % mentor, _("наставляемый: %s") % mentee, outside) if p)
