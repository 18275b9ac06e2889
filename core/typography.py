"""Russian typography, one module for pages and documents alike.

«Ёлочки» outside and „лапки“ inside, non-breaking spaces where a line must not break («О. А. Суровцева»,
«№ 5», «2026 г.», «12 ч»), dashes where Russian uses them, dates and numbers in words. `typograph()` works
on plain text (messages, DOCX); `typograph_html()` escapes it for a page or a PDF and keeps document
numbers and codes («АЗ-1128/08», «273-ФЗ») on one line.
"""

from __future__ import annotations

import datetime
import re

from django.utils.html import escape
from django.utils.safestring import SafeData, SafeString, mark_safe

NBSP = "\u00a0"
EN_DASH = "–"
OPENING = {"«", "„"}
CLOSING = {"»"}
AMBIGUOUS = {'"', "“", "”"}  # straight and English quotes: their place tells which side they are on

MONTHS = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip

# Short words a line never ends with before what they name: «г. Владивосток», «с. Крыловка», «пгт Кировский».
_BEFORE_NAME = r"(?:г|с|п|д|ул|пр|пос|стр|рис|табл|им|т|гл|разд|пп?|ст)\.|пгт|№|§"
_UNITS = (
    r"г\.|гг\.|%|‰|ч\.?|час(?:а|ов)?|мин\.?|с\b|мм|см|м|км|кг|т\b|руб\.|р\.|тыс\.|млн|млрд|чел\.|человека?|"
    r"лет|года?|мес\.|дн(?:я|ей)?|МБ|КБ|ГБ|пт"
)
_INITIALS_BEFORE = re.compile(r"\b([А-ЯЁA-Z]\.)\s*([А-ЯЁA-Z]\.)?\s*(?=[А-ЯЁA-Z][а-яёa-z])")
_INITIALS_AFTER = re.compile(r"(?<=[а-яёa-z])\s+([А-ЯЁA-Z]\.)\s*([А-ЯЁA-Z]\.)?(?![а-яёa-z])")
_PREFIX = re.compile(rf"(?<![\w.])(?<!\d )({_BEFORE_NAME})\s*(?=[\wА-ЯЁ«\d])")
_UNIT = re.compile(rf"(\d)\s+(?=(?:{_UNITS})(?![а-яёa-z]))")
_SPACED_HYPHEN = re.compile(r"\s+-{1,3}\s+")
_SPACED_DASH = re.compile(r"\s+([–—])\s+")
_RANGE = re.compile(r"(?<![\w/‑-])(\d+)-(\d+)(?![\w/‑-])")
# A code or number that must not break: letters and digits joined by hyphens, slashes or dots.
_CODE = re.compile(r"[\wА-ЯЁа-яё]+(?:[-/][\wА-ЯЁа-яё]+)+")


def typograph(text: str) -> str:
    """The text with Russian quotes, dashes and non-breaking spaces; anything else is kept as typed."""
    if not text:
        return text
    text = quotes(text)
    text = _SPACED_HYPHEN.sub(f"{NBSP}{EN_DASH} ", text)
    text = _SPACED_DASH.sub(rf"{NBSP}\1 ", text)
    text = _RANGE.sub(rf"\1{EN_DASH}\2", text)
    text = _INITIALS_BEFORE.sub(_joined_initials, text)
    text = _INITIALS_AFTER.sub(lambda m: NBSP + _joined_initials(m).rstrip(NBSP), text)
    text = _PREFIX.sub(rf"\1{NBSP}", text)
    return _UNIT.sub(rf"\1{NBSP}", text)


def _joined_initials(match: re.Match) -> str:
    return "".join(f"{initial}{NBSP}" for initial in match.groups() if initial)


def typograph_html(value) -> SafeString:
    """Escaped typographed text for a page or a PDF: codes and numbers stay on one line."""
    if isinstance(value, SafeData):
        return value if "<" in value else mark_safe(typograph(str(value)))
    text = typograph("" if value is None else str(value))
    parts, last = [], 0
    for match in _CODE.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(f'<span class="nobr">{escape(match.group())}</span>')
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def quotes_html(value) -> SafeString:
    """Escaped text with Russian nested quotes (page messages)."""
    if isinstance(value, SafeData):
        return value if "<" in value else mark_safe(quotes(str(value)))
    return mark_safe(escape(quotes("" if value is None else str(value))))


def quotes(text: str) -> str:
    """«Ёлочки» for the outer quotes, „лапки“ for quotes inside them: «МБОУ «СОШ № 1»» becomes
    «МБОУ „СОШ № 1“». Unbalanced quotes are left as typed: guessing would make it worse."""
    out, depth = [], 0
    for index, char in enumerate(text):
        if char not in OPENING | CLOSING | AMBIGUOUS:
            out.append(char)
            continue
        if _opens(text, index):
            out.append("«" if depth == 0 else "„")
            depth += 1
        else:
            depth -= 1
            if depth < 0:
                return text
            out.append("»" if depth == 0 else "“")
    return "".join(out) if depth == 0 else text


def _opens(text: str, index: int) -> bool:
    char = text[index]
    if char in OPENING:
        return True
    if char in CLOSING:
        return False
    before = text[index - 1] if index else " "
    return before.isspace() or before in "([{«„-–—/" or before in AMBIGUOUS and index == 1


def initials_name(last_name: str, first_name: str = "", middle_name: str = "") -> str:
    """«О. А. Суровцева» with non-breaking spaces: the initials never stay at the end of a line."""
    initials = [f"{part[0]}." for part in (first_name, middle_name) if part]
    return NBSP.join([*initials, last_name]) if last_name else NBSP.join(initials)


def date_words(day: datetime.date | None) -> str:
    """«5 июня 2026 г.», the date as a document writes it in words."""
    if day is None:
        return ""
    return f"{day.day}{NBSP}{MONTHS[day.month - 1]} {day.year}{NBSP}г."


def date_numeric(day: datetime.date | None) -> str:
    """«05.06.2026»: the other form ГОСТ Р 7.0.97 allows (no «г.»)."""
    return f"{day:%d.%m.%Y}" if day else ""


def number_words(number: int, gender: str = "m") -> str:
    """A count in words («двадцать один», «две» for a feminine noun), as documents state counts."""
    from num2words import num2words

    if gender == "m":
        return num2words(number, lang="ru")
    return num2words(number, lang="ru", gender=gender)


def decimal(value, digits: int = 1) -> str:
    """A number with a decimal comma («35,7»; «12» without a fraction), as Russian text writes it."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value)}"
    return f"{float(value):.{digits}f}".rstrip("0").rstrip(".").replace(".", ",")
