"""«История изменений»: who changed which fields of a record, when, old → new."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from simple_history.utils import get_app_model_primary_key_name, get_history_model_for_model

from core.columns import display


@dataclass
class Change:
    when: object
    who: object
    kind: str  # «создание», «изменение», «удаление»
    fields: list[tuple[str, str, str]] = field(default_factory=list)


_KINDS = {"+": "создание", "~": "изменение", "-": "удаление"}


def has_history(obj) -> bool:
    return hasattr(type(obj)._meta, "simple_history_manager_attribute")


@functools.cache
def _history_model(model):
    # `obj.history` builds a new manager class on every access (simple_history's descriptor): found once.
    return get_history_model_for_model(model), get_app_model_primary_key_name(model)


def history_records(obj):
    """The historical records of `obj` (what `obj.history` gives, without building a manager class)."""
    model, key = _history_model(type(obj))
    return model._default_manager.filter(**{key: obj.pk})


def history_of(obj, limit: int = 50) -> list[Change]:
    """The record's changes, newest first, in two queries plus one per changed foreign key model; a save that
    changed no field is left out."""
    records = list(
        history_records(obj)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[: limit + 1]
    )
    records.reverse()
    model = obj._meta.model
    pairs = list(zip([None, *records], records, strict=False))[-limit:]
    m2m = [f.name for f in getattr(model, "_history_m2m_fields", [])]
    members = _m2m_members(records, m2m)
    diffs = [
        (
            rec,
            [*rec.diff_against(prev, excluded_fields=m2m).changes, *_m2m_changes(prev, rec, m2m, members)]
            if prev
            else [],
        )
        for prev, rec in pairs
    ]
    names = _foreign_names(model, diffs)
    changes = []
    for rec, delta in reversed(diffs):
        if rec.history_type == "~" and not delta:
            continue  # saved without changing anything: nothing to show
        rows = [_row(model, c.field, c.old, c.new, names) for c in delta]
        changes.append(Change(rec.history_date, rec.history_user, _KINDS[rec.history_type], rows))
    return changes


@dataclass
class _M2MChange:
    field: str
    old: list
    new: list


def _m2m_members(records, fields) -> dict:
    """(field, history id) → sorted related ids, one query per many-to-many field."""
    members: dict = defaultdict(list)
    for name in fields if records else []:
        through = getattr(records[0], name).model
        key = records[0].instance_type._meta.get_field(name).related_model._meta.model_name
        rows = through.objects.filter(history__in=[r.pk for r in records]).values_list("history_id", key)
        for history_id, related_id in rows.order_by(key):
            members[(name, history_id)].append({key: related_id})
    return members


def _m2m_changes(prev, rec, fields, members) -> list[_M2MChange]:
    changes = []
    for name in fields:
        old, new = members.get((name, prev.pk), []), members.get((name, rec.pk), [])
        if old != new:
            changes.append(_M2MChange(name, old, new))
    return changes


def _row(model, name, old, new, names):
    field_ = model._meta.get_field(name)
    return (str(field_.verbose_name), _show(field_, old, names), _show(field_, new, names))


def _show(field_, value, names) -> str:
    if field_.many_to_many:
        key = field_.related_model._meta.model_name
        return ", ".join(names.get((field_.name, item[key]), f"#{item[key]}") for item in value or []) or "—"
    if field_.is_relation and value is not None:
        return names.get((field_.name, value), f"#{value}")
    if field_.choices:
        return str(dict(field_.flatchoices).get(value, display(value)))
    return display(value)


def _foreign_names(model, diffs) -> dict:
    wanted: dict[str, set] = defaultdict(set)
    for _rec, delta in diffs:
        for change in delta:
            field_ = model._meta.get_field(change.field)
            if field_.many_to_many:
                key = field_.related_model._meta.model_name
                wanted[change.field].update(item[key] for item in [*(change.old or []), *(change.new or [])])
            elif isinstance(field_, models.ForeignKey):
                wanted[change.field].update(v for v in (change.old, change.new) if v is not None)
    names = {}
    for name, ids in wanted.items():
        related = model._meta.get_field(name).related_model
        for item in related._default_manager.select_related().filter(pk__in=ids):
            names[(name, item.pk)] = str(item)
    return names


def row_history(
    model, parent: str, parent_id, label_field: str, title: str, limit: int = 100
) -> list[Change]:
    """Changes of a record's table rows (an event's participants, a program's activities), deleted rows
    included, newest first: «Участник: добавлен …», «Мероприятие программы «…»: срок: 01.10 → 15.10».
    Two queries plus one for the rows' names when `label_field` is a foreign key."""
    history = get_history_model_for_model(model)
    records = list(
        history._default_manager.filter(**{f"{parent}_id": parent_id})
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:limit]
    )
    records.reverse()
    label_of = _row_labels(model, label_field, records)
    previous: dict = {}
    changes = []
    for rec in records:
        before = previous.get(rec.id)
        previous[rec.id] = rec
        changes.append(Change(rec.history_date, rec.history_user, _KINDS[rec.history_type],
                              _row_fields(model, parent, title, label_of(rec), before, rec)))  # fmt: skip
    return [c for c in reversed(changes) if c.fields]


def _row_labels(model, label_field: str, records):
    field_ = model._meta.get_field(label_field)
    if not field_.is_relation:
        return lambda rec: display(getattr(rec, label_field))
    ids = {getattr(rec, field_.attname) for rec in records}
    names = {item.pk: str(item) for item in field_.related_model._default_manager.filter(pk__in=ids)}
    return lambda rec: names.get(getattr(rec, field_.attname), "—")


def _row_fields(model, parent, title, label, before, rec) -> list[tuple[str, str, str]]:
    if rec.history_type == "+":
        return [(title, "—", label)]
    if rec.history_type == "-":
        return [(title, label, "—")]
    if before is None:
        return []
    delta = rec.diff_against(before, excluded_fields=[parent]).changes
    return [
        (f"{title} «{label}»: {name}", old, new)
        for name, old, new in (_row(model, c.field, c.old, c.new, {}) for c in delta)
    ]


def merged(*histories: list[Change], limit: int = 50) -> list[Change]:
    """Several histories as one, newest first (a record's own and its rows')."""
    return sorted((c for h in histories for c in h), key=lambda c: c.when, reverse=True)[:limit]
