"""The region's collection: a regional campaign asks every active district for the figures of a school year and
its approved annual analysis; the district's methodologist sends them (the figures frozen as sent, like a
school's report), the region accepts or returns them with what to fix."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.workflow import Step, move
from directory.models import District
from reports import region
from reports.models import ApprovedReport, DistrictReport, DistrictReportStatus, RegionalCampaign

REFUSAL = gettext_lazy("Ответ в состоянии «%(status)s»: его нельзя %(action)s.")
SEND = Step(
    gettext_lazy("отправить в край"), (DistrictReportStatus.WAITING, DistrictReportStatus.RETURNED), REFUSAL
)
RETURN = Step(gettext_lazy("вернуть на доработку"), (DistrictReportStatus.SENT,), REFUSAL)
ACCEPT = Step(gettext_lazy("принять"), (DistrictReportStatus.SENT,), REFUSAL)


@transaction.atomic
def open_campaign(campaign: RegionalCampaign) -> RegionalCampaign:
    """Save the campaign; every active district gets its (waiting) answer."""
    campaign.save()
    asked = set(campaign.reports.values_list("district_id", flat=True))
    DistrictReport.objects.bulk_create(
        DistrictReport(campaign=campaign, district=district)
        for district in District.objects.filter(is_active=True).exclude(pk__in=asked).order_by("pk")
    )
    return campaign


def latest_analysis(report: DistrictReport) -> ApprovedReport | None:
    """The district's latest approved analysis of the campaign's year (its own, not an organisation's)."""
    versions = ApprovedReport.objects.filter(
        district_id=report.district_id, year_id=report.campaign.year_id, organization=None
    )
    return versions.order_by("-version").first()


def frozen_figures(user, report: DistrictReport) -> dict:
    """The district's row of the regional summary as it stands now (the sender reads only their district)."""
    rows, _total = region.summary_for(user, report.campaign.year)
    row = next(row for row in rows if row.district.pk == report.district_id)
    return {
        "organizations": row.organizations,
        "meetings_held": row.meetings_held,
        "values": {code: _plain(row.values[code]) for code in region.CODES},
    }


def _plain(value):
    return float(value) if isinstance(value, Decimal) else value


def _locked(report: DistrictReport) -> DistrictReport:
    return DistrictReport.objects.select_for_update().select_related("campaign__year").get(pk=report.pk)


@transaction.atomic
def send_report(report: DistrictReport, *, user, comment: str = ""):
    report = _locked(report)
    SEND.refuse_unless_allowed(report)
    report.analysis = latest_analysis(report)
    if report.analysis is None:
        raise ValidationError(
            _(
                "Сначала утвердите анализ работы за %(year)s учебный год («Отчёты → Анализ работы за год»): "
                "край принимает только утверждённый анализ."
            )
            % {"year": report.campaign.year}
        )
    report.figures = frozen_figures(user, report)
    report.sent_at = timezone.now()
    transition = move(report, DistrictReportStatus.SENT, user=user, comment=comment)
    report.save()
    return transition


@transaction.atomic
def return_report(report: DistrictReport, *, user, comment: str):
    if not comment.strip():
        raise ValidationError(
            _("Напишите, что нужно исправить: комментарий увидит методист муниципального образования.")
        )
    report = _locked(report)
    RETURN.refuse_unless_allowed(report)
    transition = move(report, DistrictReportStatus.RETURNED, user=user, comment=comment)
    report.save()
    return transition


@transaction.atomic
def accept_report(report: DistrictReport, *, user, comment: str = ""):
    report = _locked(report)
    ACCEPT.refuse_unless_allowed(report)
    transition = move(report, DistrictReportStatus.ACCEPTED, user=user, comment=comment)
    report.save()
    return transition
