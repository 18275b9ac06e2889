"""Query expressions the capabilities share."""

from __future__ import annotations

from django.db.models import F, Func, IntegerField, QuerySet, Subquery


def subquery_count(queryset: QuerySet) -> Subquery:
    """COUNT(*) of a correlated queryset (filtered on an OuterRef) as an integer column, 0 without rows.

    Unlike Count() over a join, it needs no GROUP BY over the whole list: PostgreSQL counts for the rows
    of the page it returns, so a paginated list does not count the region's every record first."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Subquery(counted, output_field=IntegerField())
