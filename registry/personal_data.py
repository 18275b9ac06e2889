"""Requests about personal data (152-ФЗ): one person's data as a file, and anonymisation.

Anonymisation keeps what statistics need (category, organisation, year of birth, year of the start
of pedagogical experience, the mentor and mentee records with their pairs and statuses) and removes
everything else that could name the person, in the record AND in its history: a history that keeps
the old names would make the anonymisation fake.
"""

from __future__ import annotations

import datetime
import tempfile
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import PositiveSmallIntegerField, Q, QuerySet
from django.db.models.functions import Coalesce, ExtractYear, TruncYear
from django.utils.translation import gettext as _

from core.columns import display
from core.exporters import XLSX, Exporter, cell_value
from core.history import history_of
from registry import selectors
from registry.models import EDITABLE_PERSON_FIELDS, Consent, Mentee, Mentor, Person

REASON_MAX_LENGTH = 100  # simple_history's change reason column

# Fields of the person (and of their history rows) that identify them and are simply emptied.
PERSON_CLEARED = {
    "middle_name": "",
    "position": "",
    "subjects": "",
    "qualification": "",
    "class_or_group": "",
    "email": "",
    "phone": "",
    "gender": "",
    "name_genitive": "",
    "name_dative": "",
    "name_accusative": "",
    "name_instrumental": "",
}
MENTOR_CLEARED = {"competences": "", "achievements": "", "interests": "", "training": ""}
MENTEE_CLEARED = {"main_request": ""}
CONSENT_CLEARED = {"representative_name": ""}


# --- anonymisation ------------------------------------------------------------------------------


def anonymised_name(person: Person) -> str:
    return f"{_('Обезличено')} {person.pk}"


@transaction.atomic
def anonymise_person(person: Person, *, user, reason: str) -> Person:
    """Remove what names the person from the record, its consents, roles and all their history.

    Keeps the category, organisation, year of birth, year of the start of experience and the pairs;
    records one final history entry by `user` with `reason`. Raises ValidationError when the reason
    is empty or the person is already anonymised.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Укажите причину обезличивания."))
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.is_anonymised:
        raise ValidationError(_("Данные этого человека уже обезличены."))
    _scrub_person_history(person)
    _scrub(Consent.objects.filter(person=person), CONSENT_CLEARED)
    _scrub(Mentor.objects.filter(person=person), MENTOR_CLEARED)
    _scrub(Mentee.objects.filter(person=person), MENTEE_CLEARED)
    _anonymise_record(person)
    person._history_user = user
    person._change_reason = reason[:REASON_MAX_LENGTH]
    person.save()
    return person


def _anonymise_record(person: Person) -> None:
    person.last_name, person.first_name = anonymised_name(person), ""
    person.birth_year, person.birth_date = person.year_of_birth, None
    if person.experience_start:
        person.experience_start = datetime.date(person.experience_start.year, 1, 1)
    for name, value in PERSON_CLEARED.items():
        setattr(person, name, value)
    person.is_anonymised = True


def _scrub_person_history(person: Person) -> None:
    """Earlier versions of the person keep only what the anonymised record keeps."""
    Person.history.filter(id=person.pk).update(
        last_name=anonymised_name(person),
        first_name="",
        birth_year=Coalesce(
            "birth_year", ExtractYear("birth_date"), output_field=PositiveSmallIntegerField()
        ),
        birth_date=None,
        experience_start=TruncYear("experience_start"),
        **PERSON_CLEARED,
    )


def _scrub(queryset: QuerySet, values: dict) -> None:
    """Empty the fields in the records and in every historical version of them."""
    ids = list(queryset.values_list("pk", flat=True))
    queryset.update(**values)
    queryset.model.history.filter(id__in=ids).update(**values)


# --- export of one person's data ----------------------------------------------------------------


Sheet = tuple[str, Sequence[str], Iterable[Sequence[Any]]]


class XlsxWorkbook(Exporter):
    """Several sheets, each with a bold frozen header row."""

    content_type = XLSX
    extension = "xlsx"

    def __init__(self, filename: str, sheets: Sequence[Sheet]):
        super().__init__(filename)
        self.sheets = sheets

    def render(self):
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        for title, headers, rows in self.sheets:
            _write_sheet(workbook, title, headers, rows)
        stream = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
        workbook.save(stream)
        stream.seek(0)
        return stream


def _write_sheet(workbook, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title[:31])
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(14, min(60, len(header) + 4))
    header_cells = [WriteOnlyCell(sheet, value=header) for header in headers]
    for cell in header_cells:
        cell.font = Font(bold=True)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_cell(sheet, cell_value(value)) for value in row])


def _cell(sheet, value):
    if not isinstance(value, datetime.date):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = "DD.MM.YYYY HH:MM" if isinstance(value, datetime.datetime) else "DD.MM.YYYY"
    return cell


PERSON_FIELDS = (
    *EDITABLE_PERSON_FIELDS,
    "gender",
    "name_genitive",
    "name_dative",
    "name_accusative",
    "name_instrumental",
    "is_anonymised",
)
MENTOR_FIELDS = (
    "entered_on",
    "status",
    "competences",
    "achievements",
    "interests",
    "training",
    "max_mentees",
)
MENTEE_FIELDS = ("entered_on", "status", "main_request")


def person_data_export(person: Person, *, user) -> XlsxWorkbook:
    """Everything the registry holds on one person, for their access request."""
    surname = person.last_name.replace(" ", "_")
    return XlsxWorkbook(
        _("персональные_данные_%(surname)s") % {"surname": surname},
        [
            _person_sheet(person),
            _consent_sheet(person),
            _roles_sheet(person),
            _pairs_sheet(person, user),
            _history_sheet(person),
        ],
    )


def _field_value(obj, name: str) -> Any:
    field = obj._meta.get_field(name)
    if field.choices:
        return getattr(obj, f"get_{name}_display")()
    value = getattr(obj, name)
    return str(value) if field.is_relation and value is not None else value


def _fields_rows(obj, names: Sequence[str], prefix: str = "") -> list[list]:
    rows = []
    for name in names:
        label = str(obj._meta.get_field(name).verbose_name)
        rows.append([*([prefix] if prefix else []), label, _field_value(obj, name)])
    return rows


def _person_sheet(person: Person) -> Sheet:
    return _("Человек"), [_("Поле"), _("Значение")], _fields_rows(person, PERSON_FIELDS)


def _consent_sheet(person: Person) -> Sheet:
    headers = [_("Вид"), _("Кто подписал"), _("Законный представитель"), _("Дата"), _("Объём"), _("Отозвано")]
    rows = [
        [
            c.get_kind_display(),
            c.get_signer_display(),
            c.representative_name,
            c.signed_on,
            c.scope,
            c.revoked_on,
        ]
        for c in person.consents.all()
    ]
    return _("Согласия"), headers, rows


def _roles_sheet(person: Person) -> Sheet:
    rows: list[list] = []
    mentor = Mentor.objects.filter(person=person).first()
    mentee = Mentee.objects.filter(person=person).first()
    if mentor:
        rows += _fields_rows(mentor, MENTOR_FIELDS, prefix=_("наставник"))
    if mentee:
        rows += _fields_rows(mentee, MENTEE_FIELDS, prefix=_("наставляемый"))
    return _("Наставник и наставляемый"), [_("Запись"), _("Поле"), _("Значение")], rows


def _pairs_sheet(person: Person, user) -> Sheet:
    """Pairs the person takes part in; other mentees of a group are third parties and are only counted."""
    headers = [
        _("Роль в паре"),
        _("Организация"),
        _("Форма"),
        _("Наставник"),
        _("Наставляемых в паре"),
        _("Начало"),
        _("Плановое окончание"),
        _("Окончание"),
        _("Состояние"),
    ]
    pairs = selectors.pairs_for(user).filter(Q(mentor__person=person) | Q(mentees__person=person)).distinct()
    rows = [_pair_row(pair, person) for pair in pairs]
    return _("Пары"), headers, rows


def _pair_row(pair, person: Person) -> list:
    role = _("наставник") if pair.mentor.person_id == person.pk else _("наставляемый")
    return [
        role,
        pair.organization.short_name,
        pair.form.name,
        pair.mentor.person.full_name,
        len(pair.mentees.all()),
        pair.started_on,
        pair.planned_end_on,
        pair.ended_on,
        pair.get_status_display(),
    ]


def _history_sheet(person: Person) -> Sheet:
    headers = [_("Когда"), _("Кто"), _("Что"), _("Поле"), _("Было"), _("Стало")]
    rows = []
    for change in history_of(person, limit=1000):
        who = display(change.who) if change.who else _("система")
        for name, old, new in change.fields or [("", "", "")]:
            rows.append([change.when, who, change.kind, name, old, new])
    return _("История изменений"), headers, rows
