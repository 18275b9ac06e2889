"""Charts as inline SVG markup: no script and no style attribute (the CSP allows them), and the same
markup renders in the browser and in WeasyPrint's PDF."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from core.typography import decimal

BAR_HEIGHT, GAP, LABEL_WIDTH, BAR_WIDTH = 18, 8, 90, 300


def bar_chart(
    rows: list[tuple[str, float | None, float | None]],
    label_width: int = LABEL_WIDTH,
    title: str = "",
) -> SafeString:
    """Horizontal bars as SVG markup (no script, no style: the CSP allows it); a tick marks the target.

    A screen reader reads the chart as its title and every bar in words (`aria-label`), as WCAG asks
    of an image that carries data."""
    scale = max([float(v or 0) for _l, v, _t in rows] + [float(t or 0) for _l, _v, t in rows] + [1])
    bars = format_html_join("", "{}", ((_bar(i, row, scale, label_width),) for i, row in enumerate(rows)))
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    width = label_width + BAR_WIDTH + 60
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" class="bar-chart" width="100%" font-family="PT Serif, serif" '
        'viewBox="0 0 {} {}" preserveAspectRatio="xMinYMin meet" aria-label="{}: {}"><title>{}</title>{}</svg>',
        width,
        height,
        title or _("Диаграмма"),
        _in_words(rows),
        title or _("Диаграмма"),
        bars,
    )


def _in_words(rows: list[tuple[str, float | None, float | None]]) -> str:
    return "; ".join(
        f"{label} — {_shown(value)}" + ("" if target is None else _(", цель %s") % _shown(target))
        for label, value, target in rows
    )


def _shown(value: float | None) -> str:
    return _("нет данных") if value is None else decimal(value)


def _bar(index: int, row: tuple, scale: float, label_width: int) -> SafeString:
    label, value, target = row
    y = GAP + index * (BAR_HEIGHT + GAP)
    length = round(BAR_WIDTH * float(value or 0) / scale)
    mark = ""
    if target is not None:
        x = label_width + round(BAR_WIDTH * float(target) / scale)
        mark = format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#dc3545" stroke-width="2"/>',
            x,
            x,
            y - 3,
            y + BAR_HEIGHT + 3,
        )
    shown = "—" if value is None else _shown(value)
    return format_html(
        '<text x="0" y="{}" font-size="12" fill="#212529">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#0d6efd"><title>{}: {}</title></rect>{}'
        '<text x="{}" y="{}" font-size="12" fill="#212529">{}</text>',
        y + 13, label, label_width, y, length, BAR_HEIGHT, label, shown, mark,
        label_width + length + 4, y + 13, shown,
    )  # fmt: skip


WIDE_LABELS = 340


def percent_chart(indicators) -> SafeString:
    """The indicators in per cent against their targets (the dashboard and the annual PDF)."""
    shown = [i for i in indicators if i.definition.is_percent]
    return bar_chart(
        [(i.label, i.value, i.target) for i in shown], WIDE_LABELS, _("Показатели в процентах и их цели")
    )


def counts_chart(rows: list[tuple[str, int]], title: str = "") -> SafeString:
    """Counts by name, such as mentees by form of mentoring (the title by default)."""
    title = title or _("Наставляемые по формам наставничества")
    return bar_chart([(name, count, None) for name, count in rows], WIDE_LABELS, title)
