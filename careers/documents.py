"""Drafts of documents filled from the registry: orders, the supplementary agreement of art. 351.8 and the
справка о наставнической деятельности.

Each document is first a `Draft` — plain lines, one table and signatures — and only then a file: one PDF
template lays out every draft per ГОСТ Р 7.0.97, and one function (`docx`) writes the same draft as an
editable DOCX through `core.docx_files` — the same text, requisites and «ПРОЕКТ» mark in both files.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.docx_files import DocxDocument
from core.exporters import PdfDocument
from core.qr import qr_svg


@dataclass
class Draft:
    filename: str
    organization: str
    kind: str  # ПРИКАЗ, ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ, СПРАВКА
    heading: str
    date: datetime.date | None = None
    number: str = ""
    paragraphs: list[str] = field(default_factory=list)
    sections: list[tuple[str, list[str], list[list]]] = field(default_factory=list)  # title, headers, rows
    closing: list[str] = field(default_factory=list)
    signatures: list[tuple[str, str]] = field(default_factory=list)  # position, И.О. Фамилия
    qr_svg: str = ""
    qr_caption: str = ""
    is_project: bool = True  # a draft to be signed («ПРОЕКТ»); an issued справка is not

    @property
    def title(self) -> str:
        return f"{self.kind} {self.heading}"

    @property
    def date_line(self) -> str:
        return f"{self.date:%d.%m.%Y}" if self.date else "«___» __________ 20__ г."

    @property
    def text(self) -> str:
        """Everything the draft says, in order (what a reader of the file finds)."""
        cells = [" ".join(str(c) for c in row) for _t, _h, rows in self.sections for row in rows]
        return "\n".join(
            [self.organization, self.kind, self.heading, *self.paragraphs, *cells, *self.closing]
        )


def pdf(draft: Draft) -> PdfDocument:
    return PdfDocument(draft.filename, "careers/pdf/draft.html", {"draft": draft})


NUMBER_COLUMN_MM = 10  # the «№» column of a table; the other columns share the rest of the width


def docx(draft: Draft) -> DocxDocument:
    """The draft as an editable DOCX: the same lines, tables and signatures as its PDF."""
    doc = DocxDocument(draft.filename, draft.title, draft.organization)
    if draft.is_project:
        doc.draft_mark()
    doc.paragraph(draft.organization, align="center", bold=True, size=12)
    doc.paragraph(draft.kind, align="center", bold=True, size=14)
    doc.paragraph(f"{draft.date_line}\t\t\t\t\t\t\t№ {draft.number or '_____'}", align="left")
    doc.paragraph(draft.heading, align="center", bold=True)
    for line in draft.paragraphs:
        doc.paragraph(line, indent=True)
    for title, headers, rows in draft.sections:
        if title:
            doc.paragraph(title, align="left", bold=True, keep_with_next=True)
        if rows:
            doc.table(headers, rows, _widths(headers, doc.width_mm), size=10.5)
        else:
            doc.paragraph(_("Нет сведений за период."), indent=True)
    for line in draft.closing:
        doc.paragraph(line, indent=True)
    doc.signatures(draft.signatures)
    if draft.qr_caption:
        doc.paragraph(draft.qr_caption, align="right", size=8)
    return doc


FORMATS = {"pdf": pdf, "docx": docx}


def _widths(headers, width_mm: float) -> list[float]:
    numbered = sum(1 for h in headers if h == "№")
    rest = (width_mm - NUMBER_COLUMN_MM * numbered) / (len(headers) - numbered)
    return [NUMBER_COLUMN_MM if h == "№" else rest for h in headers]


def _dates(start: datetime.date, end: datetime.date | None) -> str:
    return f"{start:%d.%m.%Y} – {end:%d.%m.%Y}" if end else f"с {start:%d.%m.%Y}"


def _head(organization) -> tuple[str, str]:
    """The organisation's head as documents sign: position and the name as typed in the directory."""
    return _("Руководитель"), organization.head_name or "________________"


def assignment_order(organization, pairs, start: datetime.date, end: datetime.date) -> Draft:
    rows = [
        [
            index,
            pair.mentor.person.full_name,
            ", ".join(m.person.full_name for m in pair.mentees.all()),
            str(pair.form),
            _dates(pair.started_on, pair.planned_end_on),
        ]
        for index, pair in enumerate(pairs, 1)
    ]
    curator = organization.curator_name or "________________"
    return Draft(
        filename=f"приказ_о_закреплении_наставников_{start:%d.%m.%Y}-{end:%d.%m.%Y}",
        organization=organization.full_name,
        kind=_("ПРИКАЗ"),
        heading=_("О закреплении наставников и наставляемых"),
        paragraphs=[
            _(
                "В соответствии со статьёй 351.8 Трудового кодекса Российской Федерации, положением о "
                "наставничестве и на основании письменного согласия наставников"
            ),
            _("ПРИКАЗЫВАЮ:"),
            _(
                "1. Закрепить наставников за наставляемыми согласно списку (пары и группы, сформированные с "
                "%(start)s по %(end)s):"
            )
            % {"start": f"{start:%d.%m.%Y}", "end": f"{end:%d.%m.%Y}"},
        ],  # fmt: skip
        sections=[
            ("", [_("№"), _("Наставник"), _("Наставляемые"), _("Форма наставничества"), _("Срок")], rows)
        ],
        closing=[
            _("2. Наставникам разработать персонализированные программы наставничества в течение месяца."),
            _("3. Контроль за исполнением приказа возложить на куратора наставничества %(curator)s.")
            % {"curator": curator},
        ],
        signatures=[_head(organization)],
    )


def supplementary_agreement(agreement) -> Draft:
    pair = agreement.pair
    organization, mentor = pair.organization, pair.mentor.person
    mentees = ", ".join(m.person.full_name for m in pair.mentees.all())
    return Draft(
        filename=f"доп_соглашение_{agreement.number}_ст_351.8",
        organization=organization.full_name,
        kind=_("ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ"),
        number=agreement.number,
        date=agreement.signed_on,
        heading=_("к трудовому договору о возложении обязанностей наставника (ст. 351.8 ТК РФ)"),
        paragraphs=[
            _(
                "%(org)s (работодатель) в лице руководителя %(head)s и %(mentor)s (работник) заключили настоящее "
                "соглашение о нижеследующем."
            )
            % {
                "org": organization.full_name,
                "head": organization.head_name or "—",
                "mentor": mentor.full_name,
            },
            _("1. Работник с его письменного согласия от %(consent)s выполняет наставничество: %(content)s")
            % {"consent": f"{agreement.consent_on:%d.%m.%Y}", "content": agreement.content},
            _("2. Форма наставничества: %(form)s. Наставляемые: %(mentees)s.")
            % {"form": pair.form, "mentees": mentees},
            _("3. Срок наставничества: с %(start)s по %(end)s.")
            % {"start": f"{agreement.starts_on:%d.%m.%Y}", "end": f"{agreement.ends_on:%d.%m.%Y}"},
            _("4. Оплата: %(payment)s") % {"payment": agreement.payment},
            _(
                "5. Работник и работодатель вправе досрочно прекратить выполнение наставничества, предупредив другую "
                "сторону в письменной форме не менее чем за три рабочих дня."
            ),
            _(
                "6. Соглашение составлено в двух экземплярах, по одному для каждой стороны, и является неотъемлемой "
                "частью трудового договора."
            ),
        ],  # fmt: skip
        signatures=[
            (_("Работодатель"), organization.head_name or "________________"),
            (_("Работник"), mentor.short_name),
        ],
    )


def early_end_order(agreement) -> Draft:
    pair = agreement.pair
    organization, mentor = pair.organization, pair.mentor.person
    initiator = _("заявления наставника") if agreement.ended_by == "mentor" else _("решения работодателя")
    return Draft(
        filename=f"приказ_о_досрочном_прекращении_наставничества_{agreement.number}",
        organization=organization.full_name,
        kind=_("ПРИКАЗ"),
        heading=_("О досрочном прекращении наставничества"),
        paragraphs=[
            _(
                "В соответствии со статьёй 351.8 Трудового кодекса Российской Федерации, на основании %(initiator)s "
                "(письменное предупреждение от %(notice)s)"
            )
            % {"initiator": initiator, "notice": f"{agreement.notice_on:%d.%m.%Y}"},
            _("ПРИКАЗЫВАЮ:"),
            _(
                "1. Прекратить досрочно с %(end)s выполнение обязанностей наставника %(mentor)s по дополнительному "
                "соглашению № %(number)s от %(signed)s (форма наставничества: %(form)s)."
            )
            % {
                "end": f"{agreement.ended_early_on:%d.%m.%Y}",
                "mentor": mentor.name_in("genitive"),
                "number": agreement.number,
                "signed": f"{agreement.signed_on:%d.%m.%Y}",
                "form": pair.form,
            },
            _("2. Прекратить доплату за наставничество с той же даты."),
            _("3. Куратору наставничества внести сведения в реестр наставников и наставляемых."),
        ],  # fmt: skip
        signatures=[_head(organization)],
    )


def contest_order(event, results, issuer: str) -> Draft:
    rows = [
        [index, p.person.full_name, str(p.person.organization), p.get_result_display()]
        for index, p in enumerate(results, 1)
    ]
    return Draft(
        filename=f"приказ_об_итогах_{event.starts_on:%d.%m.%Y}",
        organization=issuer,
        kind=_("ПРИКАЗ"),
        heading=_("Об итогах мероприятия «%(title)s»") % {"title": event.title},
        paragraphs=[
            _("По итогам мероприятия «%(title)s», проведённого %(dates)s%(where)s,")
            % {
                "title": event.title,
                "dates": _dates(event.starts_on, event.ends_on),
                "where": f" ({event.where})" if event.where else "",
            },
            _("ПРИКАЗЫВАЮ:"),
            _("1. Утвердить список победителей и призёров:"),
        ],  # fmt: skip
        sections=[("", [_("№"), _("ФИО"), _("Организация"), _("Результат")], rows)],
        closing=[
            _("2. Наградить победителей и призёров дипломами."),
            _("3. Руководителям организаций рассмотреть поощрение победителей и призёров."),
        ],
        signatures=[(_("Руководитель"), "________________")],
    )


def certificate(cert, verify_url: str) -> Draft:
    content = cert.content
    pairs, trainings = content.get("pairs", []), content.get("trainings", [])
    return Draft(
        filename=f"справка_{cert.number.replace('/', '-')}",
        organization=cert.issuer_name,
        kind=_("СПРАВКА"),
        number=cert.number,
        date=cert.issued_on,
        heading=_("о наставнической деятельности"),
        paragraphs=[
            _(
                "Выдана %(name)s в том, что за период с %(start)s по %(end)s %(pronoun)s осуществлял(а) "
                "наставническую деятельность, сведения о которой приведены ниже. Справка выдана для представления "
                "в аттестационную комиссию (квалификационная категория «педагог-наставник», приказ Минпросвещения "
                "России от 24.03.2023 № 196)."
            )
            % {
                "name": cert.person.name_in("dative"),
                "start": f"{cert.period_from:%d.%m.%Y}",
                "end": f"{cert.period_to:%d.%m.%Y}",
                "pronoun": _("он(а)"),
            },
            _(
                "Наставнических пар и групп: %(pairs)s; завершённых персонализированных программ: %(done)s; "
                "часов обучения наставников: %(hours)s."
            )
            % {
                "pairs": len(pairs),
                "done": content.get("programs_completed", 0),
                "hours": content.get("training_hours", 0),
            },
        ],  # fmt: skip
        sections=[
            (
                _("1. Наставнические пары и группы"),
                [
                    _("Форма"),
                    _("Организация"),
                    _("Сроки"),
                    _("Наставляемых"),
                    _("Состояние"),
                    _("Результаты"),
                ],
                pairs,
            ),
            (
                _("2. Обучение наставников"),
                [_("Программа"), _("Кто проводил"), _("Окончено"), _("Часов")],
                trainings,
            ),
            (
                _("3. Мероприятия и конкурсы"),
                [_("Мероприятие"), _("Вид"), _("Дата"), _("Роль"), _("Результат")],
                content.get("events", []),
            ),
            (
                _("4. Опубликованные практики"),
                [_("Практика"), _("Опубликована"), _("Отметка")],
                content.get("practices", []),
            ),
        ],  # fmt: skip
        signatures=[(_("Руководитель"), "________________")],
        qr_svg=qr_svg(verify_url, scale=2.2, border=1),
        qr_caption=_("Проверка подлинности: %(url)s") % {"url": verify_url},
        is_project=False,
    )
