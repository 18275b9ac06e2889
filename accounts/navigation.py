"""Each role's menu, in one place."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts import access

ALL = ("methodist", "coordinator", "department")


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    roles: tuple[str, ...] = ALL
    group: str = ""


MENU = (
    MenuItem(_("Главная"), "home"),
    MenuItem(_("Люди"), "registry:person_list", ALL, _("Реестр")),
    MenuItem(_("Банк наставников"), "registry:mentor_list", ALL, _("Реестр")),
    MenuItem(_("База наставляемых"), "registry:mentee_list", ALL, _("Реестр")),
    MenuItem(_("Пары и группы"), "registry:pair_list", ALL, _("Реестр")),
    MenuItem(_("Молодые педагоги"), "registry:young", ALL, _("Реестр")),
    # banks: menu items
    MenuItem(_("Практики"), "banks:practice_list", ALL, _("Банки")),
    MenuItem(_("Программы наставничества"), "banks:program_list", ALL, _("Банки")),
    MenuItem(_("Нормативные документы"), "banks:document_list", ALL, _("Банки")),
    MenuItem(_("Заседания"), "meetings:meeting_list", ALL, _("Заседания и план")),
    MenuItem(_("Дорожная карта"), "meetings:roadmap_list", ALL, _("Заседания и план")),
    # meetings: menu items
    # reports: menu items
    MenuItem(_("Мониторинг"), "reports:dashboard", ALL, _("Отчёты")),
    MenuItem(_("Анализ работы за год"), "reports:annual", ALL, _("Отчёты")),
    MenuItem(_("Архив отчётов"), "reports:archive", ALL, _("Отчёты")),
    # submissions: menu items
    MenuItem(_("Кампании"), "submissions:campaign_list", ("methodist", "department"), _("Сбор данных")),
    MenuItem(_("Проверка сайтов"), "submissions:round_list", ("methodist", "department"), _("Сбор данных")),
    MenuItem(_("Мои отчёты"), "submissions:submission_list", ("coordinator",), _("Сбор данных")),
    MenuItem(_("Проверка сайта"), "submissions:check_list", ("coordinator",), _("Сбор данных")),
    # events: menu items
    MenuItem(_("Мероприятия"), "events:event_list", ALL, _("Мероприятия")),
    MenuItem(_("Обучение наставников"), "events:training_list", ALL, _("Мероприятия")),
    MenuItem(_("Партнёры"), "events:partner_list", ALL, _("Мероприятия")),
    MenuItem(_("Организации"), "directory:organization_list", ("methodist", "department"), _("Справочники")),
    MenuItem(_("Моя организация"), "directory:organization_list", ("coordinator",), _("Справочники")),
    MenuItem(_("Учебные годы"), "directory:year_list", ALL, _("Справочники")),
    MenuItem(_("Формы наставничества"), "directory:form_list", ALL, _("Справочники")),
)


def menu_for(user, path: str) -> list[dict]:
    """Top-level entries and dropdown groups of the user's menu, the current one marked active."""
    role = access.role_of(user)
    entries: list[dict] = []
    groups: dict[str, dict] = {}
    for item in MENU:
        if role not in item.roles:
            continue
        url = reverse(item.url_name)
        link = {"label": item.label, "url": url, "active": url != "/" and path.startswith(url) or path == url}
        if not item.group:
            entries.append(link)
            continue
        if item.group not in groups:
            groups[item.group] = {"label": item.group, "children": [], "active": False}
            entries.append(groups[item.group])
        groups[item.group]["children"].append(link)
        groups[item.group]["active"] |= link["active"]
    return entries
