"""Moves from XLSX: «перевод» or «уволился» with a date, one pedagogue a row, read with the registry's import
reader (same template, same messages, nothing loaded while any row is wrong)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from careers import services
from core import access
from directory.models import Organization
from registry.imports import (
    ORG_HINT,
    Column,
    ImportRejected,
    RowError,
    RowReader,
    Sheet,
    bind_rows,
    organizations_for_import,
)
from registry.models import Person
from registry.selectors import people_for

TRANSFER, LEFT = "перевод", "уволился"
MOVES = Sheet(
    "шаблон_переводы_и_увольнения",
    gettext_lazy("Переводы и увольнения"),
    (
        Column(gettext_lazy("Фамилия"), "last_name", True, "Иванова"),
        Column(gettext_lazy("Имя"), "first_name", True, "Мария"),
        Column(gettext_lazy("Отчество"), "middle_name", False, "Петровна"),
        Column(gettext_lazy("Организация"), "organization", False, "", ORG_HINT, 28),
        Column(gettext_lazy("Действие"), "action", True, TRANSFER, gettext_lazy("«перевод» или «уволился»")),
        Column(
            gettext_lazy("Дата"),
            "on",
            True,
            "01.09.2026",
            gettext_lazy("Перевод — первый день на новом месте; увольнение — последний рабочий день."),
        ),  # fmt: skip
        Column(
            gettext_lazy("Новая организация"),
            "to",
            False,
            "",
            gettext_lazy("Для перевода: краткое наименование организации района."),
            28,
        ),  # fmt: skip
        Column(gettext_lazy("Должность"), "position", False, "учитель математики", "", 24),
        Column(
            gettext_lazy("Пояснение"),
            "note",
            False,
            "переезд",
            gettext_lazy("Для увольнения, по желанию."),
            24,
        ),
    ),
)


@dataclass
class Move:
    person: Person
    action: str
    on: datetime.date
    to: Organization | None
    position: str
    note: str


def _norm(text: str) -> str:
    return " ".join(str(text or "").lower().replace("ё", "е").split())


def import_moves(user, table) -> int:
    """Check every row, then record every move; ImportRejected lists what to fix and records nothing."""
    rows = bind_rows(table, MOVES)
    errors: list[RowError] = []
    headers = MOVES.headers()
    fixed = access.organization_for_new_records(user)
    allowed = {_norm(o.short_name): o for o in organizations_for_import(user)}
    everywhere = {_norm(o.short_name): o for o in Organization.objects.filter(is_active=True)}
    people = _people_by_name(user)
    moves = [
        _move(RowReader(n, values, headers, errors), allowed, fixed, everywhere, people) for n, values in rows
    ]
    if errors:
        raise ImportRejected(errors)
    with transaction.atomic():
        for number, move in zip((n for n, _v in rows), moves, strict=True):
            _apply(move, user, number)
    return len(moves)


def _people_by_name(user) -> dict[tuple[str, int], list[Person]]:
    found: dict[tuple[str, int], list[Person]] = {}
    for person in (
        people_for(user)
        .filter(is_anonymised=False)
        .only("last_name", "first_name", "middle_name", "organization_id", "position", "experience_start")
    ):
        found.setdefault((_norm(person.full_name), person.organization_id), []).append(person)
    return found


def _move(reader: RowReader, allowed, fixed, everywhere, people) -> Move | None:
    organization = reader.organization(allowed, fixed)
    name = " ".join(p for p in (reader.text(k, required=k != "middle_name") for k in ("last_name", "first_name", "middle_name")) if p)  # fmt: skip
    action = _norm(reader.text("action", required=True))
    on = reader.date("on", required=True)
    to = _norm(reader.text("to"))
    if action not in (TRANSFER, LEFT):
        reader.error("action", _("Впишите «перевод» или «уволился»."))
    if action == TRANSFER and to not in everywhere:
        reader.error(
            "to", _("Для перевода укажите новую организацию — краткое наименование с листа «Справка».")
        )
    if reader.failed or organization is None:
        return None
    matches = people.get((_norm(name), organization.pk), [])
    if len(matches) != 1:
        reader.error("last_name", _("В организации «%(org)s» %(what)s «%(name)s».") % {
            "org": organization.short_name, "name": name,
            "what": _("нет человека") if not matches else _("несколько людей с ФИО")})  # fmt: skip
        return None
    return Move(matches[0], action, on, everywhere.get(to), reader.text("position"), reader.text("note"))


def _apply(move: Move, user, number: int) -> None:
    try:
        if move.action == TRANSFER:
            services.transfer_person(move.person, move.to, on=move.on, position=move.position, user=user)
        else:
            services.dismiss_person(move.person, on=move.on, note=move.note, user=user)
    except ValidationError as error:
        raise ImportRejected(
            [RowError(number, str(MOVES.columns[5].header), " ".join(error.messages))]
        ) from error
