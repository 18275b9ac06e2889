"""The rule of art. 351.8 of the Labor Code as the registry's pairs meet it."""

from __future__ import annotations

from django.utils.translation import gettext as _

from directory.models import PersonCategory


def needs_agreement(pair) -> bool:
    """The law binds an employee: a pair whose mentor is a pedagogue, in an organisation that asks for it."""
    return (
        pair.organization.requires_mentor_agreement
        and pair.mentor.person.category == PersonCategory.PEDAGOGUE
    )


def refusal_without_agreement(pair) -> str:
    if not needs_agreement(pair) or _has_agreement(pair):
        return ""
    return _(
        "Пара не может стать «действует»: в организации «%(org)s» наставничество педагога назначается только с "
        "его письменного согласия по дополнительному соглашению (ст. 351.8 ТК РФ). Внесите согласие и "
        "соглашение на странице пары («Соглашение о наставничестве»)."
    ) % {"org": pair.organization}


def _has_agreement(pair) -> bool:
    from careers.models import MentorAgreement

    return MentorAgreement.objects.filter(pair_id=pair.pk).exists()
