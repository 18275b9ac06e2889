"""Each role's menu, in one place."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core import access

ALL = ("methodist", "coordinator", "department")
DISTRICT = ("methodist", "department")
WITH_REGION = (*DISTRICT, "region")  # pages of figures and reports, no personal data


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    roles: tuple[str, ...] = ALL
    group: str = ""


MENU = (
    MenuItem(_("Главная"), "home", (*ALL, "region")),
    MenuItem(_("Требует внимания"), "attention", ("methodist", "coordinator")),
    MenuItem(_("Люди"), "registry:person_list", ALL, _("Реестр")),
    MenuItem(_("Банк наставников"), "registry:mentor_list", ALL, _("Реестр")),
    MenuItem(_("База наставляемых"), "registry:mentee_list", ALL, _("Реестр")),
    MenuItem(_("Пары и группы"), "registry:pair_list", ALL, _("Реестр")),
    MenuItem(_("Молодые педагоги"), "registry:young", ALL, _("Реестр")),
    # careers: menu items
    MenuItem(_("Стаж по организациям"), "careers:staff", ALL, _("Кадры и право")),
    MenuItem(_("Пары без соглашения (ст. 351.8)"), "careers:missing_agreements", ALL, _("Кадры и право")),
    MenuItem(_("Приказ о закреплении наставников"), "careers:assignment_order", ALL, _("Кадры и право")),
    MenuItem(_("Справки о наставничестве"), "careers:certificate_list", ALL, _("Кадры и право")),
    MenuItem(_("Закрепление молодых педагогов"), "reports:retention", (*ALL, "region"), _("Кадры и право")),
    # banks: menu items
    MenuItem(_("Практики"), "banks:practice_list", ALL, _("Банки")),
    MenuItem(_("Программы наставничества"), "banks:program_list", ALL, _("Банки")),
    MenuItem(_("Нормативные документы"), "banks:document_list", (*ALL, "region"), _("Банки")),
    MenuItem(_("Заседания"), "meetings:meeting_list", ALL, _("Заседания и план")),
    MenuItem(_("Дорожная карта"), "meetings:roadmap_list", ALL, _("Заседания и план")),
    MenuItem(_("План методического сопровождения"), "meetings:plan_list", ALL, _("Заседания и план")),
    # meetings: menu items
    MenuItem(_("Документация МШН"), "documentation", ("methodist", "department"), _("Заседания и план")),
    # reports: menu items
    MenuItem(_("Опросы участников"), "monitoring:round_list", ALL, _("Отчёты")),
    MenuItem(_("Анкеты мониторинга"), "monitoring:questionnaire_list", ALL, _("Отчёты")),
    MenuItem(_("SWOT-анализ"), "monitoring:swot", ALL, _("Отчёты")),
    MenuItem(_("Мониторинг"), "reports:dashboard", (*ALL, "region"), _("Отчёты")),
    MenuItem(_("Сводка по муниципальным образованиям"), "reports:region_summary", WITH_REGION, _("Отчёты")),
    MenuItem(_("Анализ работы за год"), "reports:annual", (*ALL, "region"), _("Отчёты")),
    MenuItem(_("Архив отчётов"), "reports:archive", (*ALL, "region"), _("Отчёты")),
    # submissions: menu items
    MenuItem(_("Кампании"), "submissions:campaign_list", WITH_REGION, _("Сбор данных")),
    MenuItem(_("Проверка сайтов"), "websites:round_list", WITH_REGION, _("Сбор данных")),
    MenuItem(_("Сбор данных края"), "reports:regional_list", WITH_REGION, _("Сбор данных")),
    MenuItem(_("Мои отчёты"), "submissions:submission_list", ("coordinator",), _("Сбор данных")),
    MenuItem(_("Проверка сайта"), "websites:check_list", ("coordinator",), _("Сбор данных")),
    # events: menu items
    MenuItem(_("Мероприятия"), "events:event_list", ALL, _("Мероприятия")),
    MenuItem(_("Обучение наставников"), "events:training_list", ALL, _("Мероприятия")),
    MenuItem(_("Заявки ОО на участие"), "events:nomination_list", ALL, _("Мероприятия")),
    MenuItem(_("Партнёры"), "events:partner_list", ALL, _("Мероприятия")),
    MenuItem(
        _("Муниципальные образования"), "directory:district_list", ("methodist", "region"), _("Справочники")
    ),
    MenuItem(_("Организации"), "directory:organization_list", WITH_REGION, _("Справочники")),
    MenuItem(_("Моя организация"), "directory:organization_list", ("coordinator",), _("Справочники")),
    MenuItem(_("Учебные годы"), "directory:year_list", (*ALL, "region"), _("Справочники")),
    MenuItem(_("Формы наставничества"), "directory:form_list", (*ALL, "region"), _("Справочники")),
    MenuItem(_("Реквизиты документов"), "directory:requisites", ("methodist",), _("Справочники")),
)


@functools.cache
def _links(role: str) -> tuple[tuple[MenuItem, str], ...]:
    """The role's menu items with their URLs, resolved once per process (the URLs never change)."""
    return tuple((item, reverse(item.url_name)) for item in MENU if role in item.roles)


def _is_active(url: str, path: str) -> bool:
    return url != "/" and path.startswith(url) or path == url


def active_urls(role: str, path: str) -> frozenset[str]:
    return frozenset(url for _item, url in _links(role) if _is_active(url, path))


@functools.lru_cache(maxsize=512)
def _menu(role: str, active: frozenset[str]) -> tuple[dict, ...]:
    entries: list[dict] = []
    groups: dict[str, dict] = {}
    for item, url in _links(role):
        link = {"label": str(item.label), "url": url, "active": url in active}
        if not item.group:
            entries.append(link)
            continue
        group = str(item.group)
        if group not in groups:
            groups[group] = {"label": group, "children": [], "active": False}
            entries.append(groups[group])
        groups[group]["children"].append(link)
        groups[group]["active"] |= link["active"]
    return tuple(entries)


def menu_for(user, path: str) -> dict:
    """The user's menu (top-level entries and dropdown groups, the current one marked active) and its markup.

    Both are built once per role and current item: the menu is on every page, and building it anew
    cost a few milliseconds of each request; a page view only finds which item is current.
    """
    role = access.role_of(user)
    active = active_urls(role, path)
    return {"menu": _menu(role, active), "menu_html": mark_safe(_menu_html(role, active, user.is_staff))}


@functools.lru_cache(maxsize=512)
def _menu_html(role: str, active: frozenset[str], is_staff: bool) -> str:
    return render_to_string("includes/menu.html", {"menu": _menu(role, active), "is_staff": is_staff})
