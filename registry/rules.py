"""The rules a person and a pair must keep, as Russian messages that say what to fix.

Forms and the XLSX import both ask `person_errors()` and `pair_errors()`, so a rule is written once;
text lengths come from the model (`field_length()`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

from django.utils.translation import gettext as _

from directory.models import MentoringForm, Organization, PersonCategory
from registry.models import Mentee, Mentor, Pair
from registry.selectors import mentor_load

# Checks other capabilities add before a pair becomes «действует» (careers: the mentor's agreement under
# art. 351.8 of the Labor Code). Each takes the pair and returns a refusal in Russian, or "".
ACTIVATION_CHECKS: list[Callable[[Pair], str]] = []


def activation_refusal(pair: Pair) -> str:
    """Why the pair may not become «действует» now, or ""."""
    return next((refusal for check in ACTIVATION_CHECKS if (refusal := check(pair))), "")


def field_length(model, name: str) -> int:
    """The longest text the model's field keeps."""
    return model._meta.get_field(name).max_length


def person_errors(
    *,
    birth_date: datetime.date | None,
    birth_year: int | None,
    experience_start: datetime.date | None,
    today: datetime.date,
    mistyped: bool = False,
) -> list[tuple[str, str]]:
    """(field, message) for each broken rule: a date or a year of birth (unless one was mistyped: that has
    its own message), both consistent, age 5 to 100; the start of experience not in the future."""
    errors = []
    if not birth_date and not birth_year:
        if not mistyped:
            errors.append(("birth_year", _("Укажите дату рождения или хотя бы год рождения.")))
    elif birth_date and birth_year and birth_date.year != birth_year:
        errors.append(("birth_year", _("Год рождения не совпадает с датой рождения: оставьте одно из двух.")))
    year = birth_date.year if birth_date else birth_year
    if year and not today.year - 100 <= year <= today.year - 5:
        key = "birth_date" if birth_date else "birth_year"
        errors.append((key, _("Возраст участника — от 5 до 100 лет: проверьте год рождения.")))
    if experience_start and experience_start > today:
        errors.append(("experience_start", _("Начало стажа не может быть в будущем.")))
    return errors


def date_order_errors(start: datetime.date | None, **ends: datetime.date | None) -> dict[str, str]:
    return {
        field: _("Дата окончания не может быть раньше даты начала (%(start)s).")
        % {"start": f"{start:%d.%m.%Y}"}
        for field, end in ends.items()
        if start and end and end < start
    }


def pair_errors(
    *,
    organization: Organization,
    form: MentoringForm,
    mentor: Mentor,
    mentees: Sequence[Mentee],
    pair: Pair | None = None,
    taken: int | None = None,
) -> dict[str, str]:
    """Field → message for every rule the pair breaks; empty when it keeps them all. `taken` is the
    mentor's current load when the caller has counted it already (an import counts all mentors at once)."""
    errors: dict[str, str] = {}
    mentee_people = {m.person_id for m in mentees}
    if mentor.person_id in mentee_people:
        errors["mentees"] = _(
            "Наставник не может быть наставляемым в своей же паре: уберите его из списка наставляемых."
        )
    category_error = _category_error(form, mentor, mentees)
    if category_error:
        errors.setdefault(category_error[0], category_error[1])
    if not form.allows_other_organizations and mentor.person.organization_id != organization.pk:
        errors.setdefault(
            "mentor",
            _(
                "Наставник из другой организации (%(org)s): форма «%(form)s» допускает только участников своей организации."
            )
            % {"org": mentor.person.organization, "form": form},
        )
    strangers = [str(m) for m in mentees if m.person.organization_id != organization.pk]
    if strangers:
        errors.setdefault(
            "mentees",
            _("Наставляемые должны быть из организации пары (%(org)s): %(names)s.")
            % {"org": organization, "names": ", ".join(strangers)},
        )
    if taken is None:
        taken = mentor_load(mentor, exclude_pair=pair)
    if taken + len(mentees) > mentor.max_mentees:
        errors.setdefault(
            "mentees",
            _(
                "У наставника %(mentor)s уже %(taken)s наставляемых при пределе %(limit)s: можно добавить не больше %(free)s."
            )
            % {
                "mentor": mentor,
                "taken": taken,
                "limit": mentor.max_mentees,
                "free": max(mentor.max_mentees - taken, 0),
            },
        )
    return errors


def _category_error(form: MentoringForm, mentor: Mentor, mentees: Sequence[Mentee]) -> tuple[str, str] | None:
    if form.mentor_category and mentor.person.category != form.mentor_category:
        return "mentor", _("В форме «%(form)s» наставник — %(need)s, а %(who)s — %(is)s.") % {
            "form": form,
            "need": PersonCategory(form.mentor_category).label.lower(),
            "who": mentor,
            "is": mentor.person.get_category_display().lower(),
        }
    wrong = [str(m) for m in mentees if form.mentee_category and m.person.category != form.mentee_category]
    if wrong:
        return "mentees", _("В форме «%(form)s» наставляемый — %(need)s; не подходят: %(names)s.") % {
            "form": form,
            "need": PersonCategory(form.mentee_category).label.lower(),
            "names": ", ".join(wrong),
        }
    return None
