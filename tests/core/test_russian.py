"""Sort keys and declension of names (core/russian.py), without the database."""

from __future__ import annotations

import pytest

from core.russian import Case, Gender, detect_gender, name_in_case, sort_key, yo_as_ye


def test_sort_key_gives_russian_order_with_yo_as_ye_and_letters_of_both_sizes_alike():
    names = ["Яковлев", "Ёлкин", "Андреев", "Елисеев", "Жуков", "ёжиков", "АБРАМОВ", "Ежов"]
    assert sorted(names, key=sort_key) == [
        "АБРАМОВ",
        "Андреев",
        "ёжиков",
        "Ежов",
        "Елисеев",
        "Ёлкин",
        "Жуков",
        "Яковлев",
    ]


def test_sort_key_orders_numbers_by_value_and_ignores_quotes():
    names = ["МБОУ «СОШ № 10»", "МБОУ СОШ № 2", "МБОУ «СОШ № 1 пгт Кировский»", "МАДОУ «Ёлочка»"]
    assert sorted(names, key=sort_key) == [
        "МАДОУ «Ёлочка»",
        "МБОУ «СОШ № 1 пгт Кировский»",
        "МБОУ СОШ № 2",
        "МБОУ «СОШ № 10»",
    ]


def test_sort_key_of_a_person_puts_the_last_name_first():
    # «Иванов Яков» before «Иванова Анна»: the surname decides before the first name does.
    assert sort_key("Иванов", "Яков", "") < sort_key("Иванова", "Анна", "")
    assert sort_key("Иванов", "Анна", None) == "иванов анна"


def test_yo_as_ye_both_cases():
    assert yo_as_ye("Берёзовский Ёлкин") == "Березовский Елкин"


# Last, first, middle name, gender → genitive, dative, accusative, instrumental.
DECLENSIONS = [
    (
        ("Иванова", "Мария", "Петровна", Gender.FEMALE),
        (
            "Ивановой Марии Петровны",
            "Ивановой Марии Петровне",
            "Иванову Марию Петровну",
            "Ивановой Марией Петровной",
        ),
    ),
    (
        ("Петров", "Иван", "Сергеевич", Gender.MALE),
        (
            "Петрова Ивана Сергеевича",
            "Петрову Ивану Сергеевичу",
            "Петрова Ивана Сергеевича",
            "Петровым Иваном Сергеевичем",
        ),
    ),
    (
        ("Кузьмина", "Анна", "Игоревна", Gender.FEMALE),
        (
            "Кузьминой Анны Игоревны",
            "Кузьминой Анне Игоревне",
            "Кузьмину Анну Игоревну",
            "Кузьминой Анной Игоревной",
        ),
    ),
    (
        ("Белая", "Ирина", "Викторовна", Gender.FEMALE),
        (
            "Белой Ирины Викторовны",
            "Белой Ирине Викторовне",
            "Белую Ирину Викторовну",
            "Белой Ириной Викторовной",
        ),
    ),
    (
        ("Черных", "Павел", "Андреевич", Gender.MALE),
        (
            "Черных Павла Андреевича",
            "Черных Павлу Андреевичу",
            "Черных Павла Андреевича",
            "Черных Павлом Андреевичем",
        ),
    ),
    (
        ("Черных", "Елена", "Павловна", Gender.FEMALE),
        (
            "Черных Елены Павловны",
            "Черных Елене Павловне",
            "Черных Елену Павловну",
            "Черных Еленой Павловной",
        ),
    ),
    (
        ("Шевченко", "Тарас", "Григорьевич", Gender.MALE),
        (
            "Шевченко Тараса Григорьевича",
            "Шевченко Тарасу Григорьевичу",
            "Шевченко Тараса Григорьевича",
            "Шевченко Тарасом Григорьевичем",
        ),
    ),
    (
        ("Шевченко", "Оксана", "Ивановна", Gender.FEMALE),
        (
            "Шевченко Оксаны Ивановны",
            "Шевченко Оксане Ивановне",
            "Шевченко Оксану Ивановну",
            "Шевченко Оксаной Ивановной",
        ),
    ),
    (
        ("Акопян", "Армен", "Ашотович", Gender.MALE),
        (
            "Акопяна Армена Ашотовича",
            "Акопяну Армену Ашотовичу",
            "Акопяна Армена Ашотовича",
            "Акопяном Арменом Ашотовичем",
        ),
    ),
    (
        ("Акопян", "Карина", "Ашотовна", Gender.FEMALE),
        (
            "Акопян Карины Ашотовны",
            "Акопян Карине Ашотовне",
            "Акопян Карину Ашотовну",
            "Акопян Кариной Ашотовной",
        ),
    ),
    (
        ("Петрова-Водкина", "Анна", "Сергеевна", Gender.FEMALE),
        (
            "Петровой-Водкиной Анны Сергеевны",
            "Петровой-Водкиной Анне Сергеевне",
            "Петрову-Водкину Анну Сергеевну",
            "Петровой-Водкиной Анной Сергеевной",
        ),
    ),
    (
        ("Римский-Корсаков", "Николай", "Андреевич", Gender.MALE),
        (
            "Римского-Корсакова Николая Андреевича",
            "Римскому-Корсакову Николаю Андреевичу",
            "Римского-Корсакова Николая Андреевича",
            "Римским-Корсаковым Николаем Андреевичем",
        ),
    ),
    (
        ("Ёлкин", "Пётр", "Ильич", Gender.MALE),
        ("Ёлкина Петра Ильича", "Ёлкину Петру Ильичу", "Ёлкина Петра Ильича", "Ёлкиным Петром Ильичом"),
    ),
]


@pytest.mark.parametrize(("name", "forms"), DECLENSIONS, ids=[" ".join(n[:2]) for n, _ in DECLENSIONS])
def test_full_name_declines_by_gender(name, forms):
    last, first, middle, gender = name
    cases = (Case.GENITIVE, Case.DATIVE, Case.ACCUSATIVE, Case.INSTRUMENTAL)
    assert tuple(name_in_case(last, first, middle, gender=gender, case=case) for case in cases) == forms


def test_name_without_a_known_gender_is_left_as_it_is():
    assert name_in_case("Ким", "Саша", "", gender="", case=Case.DATIVE) == "Ким Саша"


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        (("Черных", "Саша", "Павловна"), Gender.FEMALE),
        (("Черных", "Саша", "Павлович"), Gender.MALE),
        (("Иванова", "Мария", ""), Gender.FEMALE),
        (("Мамедов", "Эльчин", "Рашид оглы"), Gender.MALE),
        (("", "", ""), ""),
    ],
)
def test_gender_is_read_off_the_patronymic_and_names(name, gender):
    assert detect_gender(*name) == gender
