"""The retention ledger's page and XLSX: the figures of `indicators.retention`, scoped to the user (a
coordinator sees the cohorts that began in their organisation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from core import access
from core.exporters import XlsxTable
from core.generic import AccessMixin
from directory.models import Organization
from indicators import retention

GROUPS = ((None, _("все")), (True, _("с наставником")), (False, _("без наставника")))
HEADERS = (
    _("Когорта (учебный год)"), _("Источник"), _("Организация"), _("Группа"), _("В когорте"),
    _("Через 1 год"), _("Через 1 год, %"), _("Через 2 года"), _("Через 2 года, %"), _("Через 3 года"),
    _("Через 3 года, %"),
)  # fmt: skip


def organization_ids_for(user) -> list[int] | None:
    """None: every organisation of the region (the region, the administrator); the district's organisations
    for its methodologist and department; a coordinator: their own."""
    if access.reads_everything(user) and access.district_of(user) is None:
        return None
    return list(access.scope(user, Organization.objects.all(), "id").values_list("id", flat=True))


def figures(cell: retention.Cell) -> list:
    values = [cell.cohort]
    for index in range(len(retention.HORIZONS)):
        values += [cell.retained[index], cell.share(index)]
    return values


def ledger_rows(cohorts, names: dict[int, str], *, district: str, organizations: bool = True) -> list[list]:
    """The district's rows of each cohort (`district` names them), then each organisation's, in all three
    groups; with `organizations=False` the district's only, with `district=""` the organisations' only."""
    rows = []
    for cohort in cohorts:
        places = [(None, district)] if district else []
        if organizations:
            places += sorted(((i, names.get(i, "—")) for i in cohort.by_organization), key=lambda p: p[1])
        for org_id, name in places:
            for flag, label in GROUPS:
                cell = cohort.total(flag, org_id)
                rows.append([cohort.year.title, cohort.source_label, name, str(label), *figures(cell)])
    return rows


def chosen_cohort(cohorts, wanted: str):
    """The cohort year asked for (?cohort=2024), else the newest whose first year is known."""
    found = {str(cohort.year.start_year): cohort for cohort in cohorts}
    if wanted in found:
        return found[wanted]
    latest = retention.latest_share(cohorts)
    return latest[0] if latest else (cohorts[-1] if cohorts else None)


def organization_names(cohorts) -> dict[int, str]:
    ids = {org_id for cohort in cohorts for org_id in cohort.by_organization}
    return dict(Organization.objects.filter(pk__in=ids).values_list("pk", "short_name"))


class RetentionView(AccessMixin, TemplateView):
    region_reads = True  # cohorts' totals, no names
    template_name = "reports/retention.html"
    title = retention.NAME
    export = False

    def get(self, request, *args, **kwargs):
        if self.export:
            cohorts = retention.ledger(organization_ids_for(request.user))
            rows = ledger_rows(cohorts, organization_names(cohorts), district=str(_("Район")))
            headers = [str(h) for h in HEADERS]
            return XlsxTable("закрепление_молодых_педагогов", str(retention.NAME), headers, rows).response()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ids = organization_ids_for(self.request.user)
        cohorts = retention.ledger(ids)
        chosen = chosen_cohort(cohorts, self.request.GET.get("cohort", ""))
        district = str(_("Район")) if ids is None else str(_("Организация"))
        context.update(
            definition=retention.DEFINITION,
            horizons=retention.HORIZONS,
            cohorts=cohorts,
            chosen=chosen,
            district_rows=ledger_rows(cohorts, {}, district=district, organizations=False),
            organization_rows=ledger_rows([chosen], organization_names([chosen]), district="")
            if chosen
            else [],
            latest=retention.latest_share(cohorts),
        )
        return context
