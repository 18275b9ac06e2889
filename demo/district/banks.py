"""This capability's part of the demo district (called by `load_demo`; must be idempotent)."""

from __future__ import annotations

import datetime

from banks import services
from banks.models import MentoringProgram, NormativeDocument, Practice, ProgramStatus, ProgramTemplate
from directory.models import MentoringForm
from registry.models import Person

PP, PU, UU = "педагог – педагог", "педагог – учащийся", "учащийся – учащийся"

# title, forms, audience, description, results, tags, final state ("best" is published and marked best)
PRACTICES = [
    (
        "«Школа молодого педагога»: сопровождение в первый год работы",
        [PP],
        "молодые педагоги со стажем до 3 лет",
        "Наставник посещает уроки молодого учителя и приглашает его на свои, вместе разбирают технологические "
        "карты, еженедельно проводят короткую консультацию по трудным ситуациям с классом и родителями.",
        "Все молодые педагоги остались в профессии; двое прошли аттестацию на первую категорию.",
        "адаптация, молодые педагоги",
        "best",
    ),
    (
        "Педагогическая мастерская «Урок глазами коллеги»",
        [PP],
        "учителя начальных классов",
        "Пары педагогов по очереди проводят открытые уроки и разбирают их по единой карте наблюдения.",
        "Выросла доля уроков с формирующим оцениванием; карта наблюдения принята методобъединением.",
        "открытый урок, взаимопосещение",
        "best",
    ),
    (
        "Клуб «Старшеклассник — младшему»",
        [UU],
        "обучающиеся 5–6 классов",
        "Ученики 9–10 классов помогают пятиклассникам освоиться в основной школе: экскурсии, помощь с "
        "домашними заданиями, совместные проекты.",
        "Снизилось число обращений к психологу по адаптации в 5 классе.",
        "адаптация, пятиклассники",
        "best",
    ),
    (
        "Проектная лаборатория «Наставник и ученик»",
        [PU],
        "обучающиеся 7–9 классов",
        "Учитель-наставник ведёт группу учеников через исследовательский проект от темы до защиты.",
        "Проекты пар заняли призовые места на районной научно-практической конференции.",
        "проекты, исследования",
        "published",
    ),
    (
        "Наставничество в ДОУ: «Воспитатель — воспитателю»",
        [PP],
        "молодые воспитатели",
        "Опытный воспитатель помогает спланировать режимные моменты и занятия, разобрать общение с семьями.",
        "Молодые воспитатели самостоятельно провели открытые занятия для родителей.",
        "ДОУ, молодые педагоги",
        "published",
    ),
    (
        "Читательский клуб «Книжные наставники»",
        [UU],
        "обучающиеся 2–4 классов",
        "Старшие ученики читают с младшими и обсуждают книги; встречи проходят в районной библиотеке.",
        "Выросло число читателей библиотеки среди младших школьников.",
        "чтение, библиотека",
        "published",
    ),
    (
        "Цифровой наставник: ИКТ на уроке",
        [PP],
        "педагоги старшего возраста",
        "Молодые педагоги помогают старшим коллегам освоить цифровые сервисы (реверсивное наставничество).",
        "Все участники ведут электронный журнал и используют онлайн-тесты.",
        "ИКТ, реверсивное наставничество",
        "published",
    ),
    (
        "Спортивное наставничество «Тренер — ученик»",
        [PU],
        "обучающиеся спортивных секций",
        "Тренер ведёт индивидуальный план подготовки ученика и учит его самоконтролю.",
        "Три ученика выполнили нормативы разряда.",
        "спорт",
        "review",
    ),
    (
        "Профориентационные встречи «Мой выбор»",
        [PU],
        "обучающиеся 8–11 классов",
        "Педагог-наставник сопровождает ученика в выборе профиля и профессии, организует пробы в колледже.",
        "Большинство выпускников поступили по выбранному профилю.",
        "профориентация",
        "review",
    ),
    (
        "Наставничество для учителей-предметников: подготовка к ОГЭ",
        [PP],
        "учителя математики и русского языка",
        "Опытный учитель помогает коллеге выстроить систему подготовки к экзамену и разобрать типичные ошибки.",
        "Средний балл классов участников вырос.",
        "ОГЭ, предметники",
        "review",
    ),
    (
        "Волонтёрский отряд «Вместе»",
        [UU],
        "обучающиеся 6–8 классов",
        "Старшие волонтёры вовлекают младших в социальные акции.",
        "",
        "волонтёрство",
        "returned",
    ),
    (
        "Наставничество классных руководителей",
        [PP],
        "классные руководители со стажем до 3 лет",
        "Разбор планов воспитательной работы и сложных случаев с опытным классным руководителем.",
        "",
        "классное руководство",
        "returned",
    ),
    (
        "Математический кружок «Решаем вместе»",
        [UU],
        "обучающиеся 5–7 классов",
        "Ученики старших классов ведут занятия кружка для младших под присмотром учителя.",
        "",
        "математика",
        "draft",
    ),
    (
        "Наставник-психолог для молодого педагога",
        [PP],
        "молодые педагоги",
        "Педагог-психолог помогает молодому учителю справиться с профессиональным стрессом.",
        "",
        "профилактика выгорания",
        "draft",
    ),
    (
        "Экологическая тропа: наставничество в проектах",
        [PU, UU],
        "обучающиеся 5–9 классов",
        "Учитель биологии и старшеклассники вместе с младшими создают экологическую тропу у школы.",
        "",
        "экология, проекты",
        "draft",
    ),
]

# template title, goals, directions, expected results, (offset days, activity) rows
TEMPLATES = [
    (
        "Адаптация молодого педагога (учебный год)",
        "Помочь молодому педагогу освоиться в профессии и в коллективе школы.",
        "Планирование уроков; работа с классом; общение с родителями; документация.",
        "Молодой педагог самостоятельно планирует и проводит уроки, уверенно ведёт документацию.",
        [
            (7, "Знакомство, диагностика затруднений, план работы пары"),
            (21, "Посещение уроков наставника"),
            (45, "Открытый урок молодого педагога с разбором"),
            (90, "Подготовка к родительскому собранию"),
            (180, "Промежуточная самооценка и корректировка плана"),
            (240, "Итоговая встреча, отзыв наставника и наставляемого"),
        ],
    ),
    (
        "Адаптация пятиклассника (учащийся – учащийся)",
        "Помочь ученику 5 класса освоиться в основной школе.",
        "Учёба; распорядок; общение со сверстниками.",
        "Ученик без тревоги переходит между кабинетами и учителями, успевает по предметам.",
        [
            (3, "Экскурсия по школе со старшим наставником"),
            (14, "Совместное выполнение домашнего задания"),
            (60, "Участие в общем школьном проекте"),
            (120, "Итоговая встреча и отзыв"),
        ],
    ),
]

PROGRAMS = [
    ("Программа наставничества «Школа молодого педагога»", [PP]),
    ("Программа наставничества обучающихся «Вместе»", [UU, PU]),
    ("Целевая модель наставничества: программа на 2024–2027 годы", [PP, PU, UU]),
    ("Программа наставничества педагогических работников", [PP]),
    ("Программа наставничества «Старшие — младшим»", [UU]),
    ("Программа профориентационного наставничества", [PU]),
    ("Программа наставничества в ДОУ", [PP]),
    ("Программа наставничества «Цифровая школа»", [PP, PU]),
]


def load(demo) -> str:
    """Fill the capability's demo records once; return a line for the console, or ""."""
    if Practice.objects.exists():
        return ""
    forms = {form.name: form for form in MentoringForm.objects.filter(name__in=[PP, PU, UU])}
    if len(forms) < 3:
        return ""
    methodist, coordinator = demo.users["metodist"], demo.users["kurator1"]
    for index, row in enumerate(PRACTICES):
        organization = demo.organizations[index % 8]
        _demo_practice(demo, row, organization, forms, coordinator, methodist, index)
    templates = _demo_programs(demo, forms)
    documents = NormativeDocument.objects.count()
    return (
        f"Банки: практик {len(PRACTICES)}, программ {len(PROGRAMS)}, шаблонов {templates}, "
        f"нормативных документов {documents}."
    )


def _demo_practice(demo, row, organization, forms, coordinator, methodist, index) -> Practice:
    title, names, audience, description, results, tags, state = row
    practice = Practice(
        title=title,
        organization=organization,
        year=demo.years[index % 2],
        audience=audience,
        description=description,
        results=results,
        tags=tags,
    )
    authors = list(Person.objects.filter(organization=organization, category="pedagogue")[:2])
    services.save_practice(practice, forms=[forms[n] for n in names], authors=authors, uploads=[])
    _walk(practice, state, coordinator, methodist)
    return practice


def _walk(practice: Practice, state: str, coordinator, methodist) -> None:
    """Take the practice through the workflow to its demo state, so its review log is real."""
    if state == "draft":
        return
    services.submit_practice(practice, user=coordinator)
    if state == "returned":
        services.return_practice(
            practice, user=methodist, comment="Опишите результаты: что изменилось у наставляемых, в цифрах."
        )
    elif state in ("published", "best"):
        services.publish_practice(
            practice, user=methodist, comment="Практика рекомендована к распространению."
        )
        if state == "best":
            services.mark_best(practice, user=methodist, comment="По итогам заседания МШН.")


def _demo_programs(demo, forms) -> int:
    start = demo.years[0].start_date
    programs = []
    for index, (title, names) in enumerate(PROGRAMS):
        program = MentoringProgram.objects.create(
            organization=demo.organizations[index % 10],
            title=title,
            starts_on=start - datetime.timedelta(days=365 * (index % 3)),
            ends_on=datetime.date(2027, 8, 31),
            order_number=f"{100 + index * 7}-од",
            order_date=start - datetime.timedelta(days=365 * (index % 3) + 10),
            status=ProgramStatus.ARCHIVE if index == 7 else ProgramStatus.ACTIVE,
        )
        program.forms.set([forms[n] for n in names])
        programs.append(program)
    for program, (title, goals, directions, expected, rows) in zip(programs[:2], TEMPLATES, strict=True):
        template = ProgramTemplate(
            program=program, title=title, goals=goals, directions=directions, expected_results=expected
        )
        services.save_template(template, rows)
    return len(TEMPLATES)
