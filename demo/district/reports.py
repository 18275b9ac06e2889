"""This capability's part of the demo district (called by `load_demo`; must be idempotent).

Targets for the previous and the current school year, the methodologist's conclusions and plan for
the previous year, and that year's district report approved once (its files in the archive).
"""

from __future__ import annotations

from decimal import Decimal

from directory.models import AcademicYear
from reports.models import AnnualText, ApprovedReport, IndicatorTarget
from reports.services import approve_annual

TARGETS = {
    "mentors": 30,
    "mentees": 60,
    "pairs_active": 40,
    "young_with_mentor_share": 70,
    "pupils_mentees_share": 10,
    "pupils_mentors_share": 3,
    "mentor_satisfaction": 80,
    "mentee_satisfaction": 80,
    "meetings_held": 2,
    "practices_published": 4,
    "website_share": 80,
}
CONCLUSIONS = (
    "Целевая модель наставничества внедрена во всех общеобразовательных организациях района; "
    "персонифицированный учёт наставников и наставляемых ведётся в реестре МШН.\n"
    "Доля молодых педагогов, закреплённых за наставниками, ниже целевого значения: в двух детских садах "
    "наставники не назначены.\n"
    "Проведены два заседания Школы наставничества; дорожная карта выполнена не полностью — пункты "
    "о банке программ перенесены на следующий год."
)
PLAN = (
    "Закрепить наставников за всеми молодыми педагогами детских садов до 1 октября.\n"
    "Пополнить муниципальный банк программ наставничества программами всех школ.\n"
    "Провести муниципальный конкурс «Наставник года» и семинар для кураторов в ноябре.\n"
    "Довести соответствие сайтов перечню до 80 %."
)


def load(demo) -> str:
    current = AcademicYear.objects.current()
    if current is None:
        return ""
    previous = AcademicYear.objects.filter(start_year=current.start_year - 1).first()
    for year in filter(None, (previous, current)):
        for code, target in TARGETS.items():
            IndicatorTarget.objects.get_or_create(year=year, code=code, defaults={"target": Decimal(target)})
    if previous is None:
        return ""
    AnnualText.objects.get_or_create(
        year=previous,
        organization=None,
        defaults={"conclusions": CONCLUSIONS, "plan": PLAN, "signer_name": "О. А. Суровцева"},
    )
    if not ApprovedReport.objects.filter(year=previous, organization=None).exists():
        approve_annual(demo.users["metodist"], previous, None)
    return f"Отчёты: целевые значения на {current.title}, анализ работы за {previous.title} утверждён."
