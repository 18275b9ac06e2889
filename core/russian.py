"""Russian names done right whatever the database server: alphabetical order, «ё» as «е», declension.

Order. PostgreSQL sorts text by the server's collation; the C.UTF-8 one puts «Ё» before «А» and «ё» after «я».
Every record ordered by a name keeps a sort key (`sort_key`: small letters, «ё» as «е», numbers padded so «№ 2»
comes before «№ 10») in a column of the "C" collation (`SortKeyField`), which every server has and which
compares the key letter by letter: а–я in their code order is the Russian alphabet. `SortNamed` keeps the
key with the record on save(); bulk paths call `fill_sort_keys` before bulk_create.

Search. `YoAsYe` (the `__yo` lookup of text fields, registered in core.apps) compares with «ё» read as «е»:
`last_name__yo__icontains=yo_as_ye(word)` finds «Берёзовский» by «Березовский» and the reverse.

Declension. `name_in_case` gives a full name in the genitive, dative, accusative or instrumental by gender with pytrovich
(the rules of the petrovich project); `detect_gender` reads the gender off the patronymic and the names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from django.db import models
from django.utils.translation import gettext_lazy as _

SORT_KEY_LENGTH = 255
# Quotes and the like carry no letter: «МБОУ „СОШ № 1“» sorts as МБОУ СОШ № 1.
_IGNORED = re.compile(r"[«»„“”\"'`]")
_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"\d+")


def yo_as_ye(text: str) -> str:
    return text.replace("ё", "е").replace("Ё", "Е")


def sort_key(*parts: str | None) -> str:
    """The key of a name (or of a person's last, first and middle names): compared byte by byte, it gives the
    Russian order — «ё» as «е», capital and small letters alike, numbers by value."""
    text = " ".join(p for p in parts if p)
    text = _SPACES.sub(" ", _IGNORED.sub("", yo_as_ye(text).casefold())).strip()
    return _NUMBER.sub(lambda m: m.group().zfill(8), text)[:SORT_KEY_LENGTH]


class SortKeyField(models.CharField):
    """The stored sort key: the "C" collation compares it the same on every server."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", SORT_KEY_LENGTH)
        kwargs.setdefault("db_collation", "C")
        kwargs.setdefault("editable", False)
        kwargs.setdefault("default", "")
        kwargs.setdefault("verbose_name", _("ключ сортировки"))
        super().__init__(*args, **kwargs)


class SortNamed(models.Model):
    """A record ordered by a name: `sort_name` follows the fields named in `SORT_FIELDS` on every save."""

    SORT_FIELDS: tuple[str, ...] = ()
    sort_name = SortKeyField()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.sort_name = self.compute_sort_name()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) & set(self.SORT_FIELDS):
            kwargs["update_fields"] = {*update_fields, "sort_name"}
        super().save(*args, **kwargs)

    def compute_sort_name(self) -> str:
        return sort_key(*(getattr(self, name) for name in self.SORT_FIELDS))


def fill_sort_keys(records: Iterable[models.Model]) -> list:
    """The keys of records about to be bulk-created (bulk_create calls no save()); other records pass as they are."""
    records = list(records)
    for record in records:
        if isinstance(record, SortNamed):
            record.sort_name = record.compute_sort_name()
    return records


class YoAsYe(models.Transform):
    """The text with «ё» read as «е»: `field__yo__icontains=yo_as_ye(word)`."""

    lookup_name = "yo"

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.lhs)
        return f"TRANSLATE({sql}, %s, %s)", (*params, "Ёё", "Ее")


# --- declension ---------------------------------------------------------------------------------


class Gender(models.TextChoices):
    MALE = "male", _("мужской")
    FEMALE = "female", _("женский")


class Case(models.TextChoices):
    GENITIVE = "genitive", _("родительный (кого?)")
    DATIVE = "dative", _("дательный (кому?)")
    ACCUSATIVE = "accusative", _("винительный (кого?)")
    INSTRUMENTAL = "instrumental", _("творительный (кем?)")


@cache
def _maker():
    from pytrovich.maker import PetrovichDeclinationMaker

    return PetrovichDeclinationMaker()


@cache
def _detector():
    from pytrovich.detector import PetrovichGenderDetector

    return PetrovichGenderDetector()


def detect_gender(last_name: str, first_name: str, middle_name: str = "") -> str:
    """Gender by the patronymic first (…вич / …вна, оглы / кызы), then by the names; "" when they do not tell."""
    from pytrovich.enums import Gender as PetrovichGender

    if not (last_name or first_name or middle_name):
        return ""
    detected = _detector().detect(
        lastname=last_name or None, firstname=first_name or None, middlename=middle_name or None
    )
    return {PetrovichGender.MALE: Gender.MALE, PetrovichGender.FEMALE: Gender.FEMALE}.get(detected, "")


def name_in_case(last_name: str, first_name: str, middle_name: str, *, gender: str, case: str) -> str:
    """«Иванова Мария Петровна» in the dative → «Ивановой Марии Петровне». Each part of a double surname is
    declined; a name without a known gender is left as it is (a wrong ending is worse than none)."""
    from pytrovich.enums import Case as PetrovichCase
    from pytrovich.enums import Gender as PetrovichGender
    from pytrovich.enums import NamePart

    full = " ".join(p for p in (last_name, first_name, middle_name) if p)
    if gender not in Gender.values or case not in Case.values:
        return full
    sex = PetrovichGender.MALE if gender == Gender.MALE else PetrovichGender.FEMALE
    grammatical = getattr(PetrovichCase, case.upper())
    parts = (
        (NamePart.LASTNAME, last_name),
        (NamePart.FIRSTNAME, first_name),
        (NamePart.MIDDLENAME, middle_name),
    )
    return " ".join(_maker().make(part, sex, grammatical, value) for part, value in parts if value)


def filling_sort_keys(app_label: str, model_name: str, *fields: str):
    """A data migration's step: the sort keys of the rows already there, in batches."""
    from django.db import migrations

    def fill(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        batch = []
        for record in model.objects.order_by().only("pk", *fields).iterator(chunk_size=2000):
            record.sort_name = sort_key(*(getattr(record, name) for name in fields))
            batch.append(record)
            if len(batch) == 2000:
                model.objects.bulk_update(batch, ["sort_name"])
                batch = []
        model.objects.bulk_update(batch, ["sort_name"])

    return migrations.RunPython(fill, migrations.RunPython.noop, elidable=True)
