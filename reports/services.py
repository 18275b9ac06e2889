"""Approving a year's analytic report: its files are made once, stored, and never change afterwards."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from directory.models import AcademicYear, Organization
from reports.annual import build_annual
from reports.annual_files import AnnualPdf, AnnualXlsx, Approval
from reports.models import ApprovedReport


def approve_annual(user, year: AcademicYear, organization: Organization | None) -> ApprovedReport:
    """A new approved version of the year's report (the district's or one organisation's)."""
    with transaction.atomic():
        # One approval of a year at a time: versions are numbered without gaps or repeats.
        AcademicYear.objects.select_for_update().get(pk=year.pk)
        report = build_annual(user, year, organization)
        district_id = report.text.district_id
        versions = ApprovedReport.objects.filter(
            district_id=district_id, year=year, organization=organization
        )
        version = (versions.aggregate(last=Max("version"))["last"] or 0) + 1
        record = ApprovedReport(
            district_id=district_id,
            year=year,
            organization=organization,
            version=version,
            approved_by=user,
            approved_at=timezone.now(),
        )
        approval = Approval(version, timezone.localtime(record.approved_at), signature_of(user))
        record.pdf.save(
            "report.pdf", ContentFile(AnnualPdf(report, approval).render(archive=True).read()), save=False
        )
        record.xlsx.save("report.xlsx", ContentFile(AnnualXlsx(report, approval).render().read()), save=False)
        record.save()
    return record


def signature_of(user) -> str:
    return user.get_full_name() or user.get_username()
