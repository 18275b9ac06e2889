"""A password policy for Russian users: the passwords guessed first in Russia are refused.

Django's own list is English. Ours (accounts/data/common-passwords-ru.txt) holds Russian words, names,
keyboard walks and their transliterations; a password is also checked as typed on the other keyboard
layout («ghbdtn» is «привет» with the wrong layout on) and without the digits and signs around it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

LIST = Path(__file__).resolve().parent / "data" / "common-passwords-ru.txt"
LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
CYRILLIC = "йцукенгшщзхъфывапролджэячсмитьбюё"
TO_LATIN = str.maketrans(CYRILLIC, LATIN)
TO_CYRILLIC = str.maketrans(LATIN, CYRILLIC)
AROUND = "0123456789!@#$%^&*()-_=+.,;:?/\\|'\"`~ "


@cache
def russian_passwords() -> frozenset[str]:
    lines = LIST.read_text(encoding="utf-8").splitlines()
    words = (line.strip().replace("ё", "е") for line in lines if not line.startswith("#"))
    return frozenset(word for word in words if word)


def variants(password: str) -> set[str]:
    """The password as guessed: lower case, without what surrounds the word, on either keyboard layout."""
    lowered = password.lower().replace("ё", "е")
    cores = {lowered, lowered.strip(AROUND), lowered.rstrip(AROUND), lowered.lstrip(AROUND)}
    return {
        form
        for core in cores
        if core
        for form in (core, core.translate(TO_LATIN), core.translate(TO_CYRILLIC))
    }


class RussianCommonPasswordValidator:
    """Refuses a password found, in any of its `variants`, in the Russian list or in Django's."""

    def __init__(self):
        self.english = CommonPasswordValidator().passwords

    def validate(self, password, user=None):
        found = variants(password)
        if found & russian_passwords() or found & self.english:
            raise ValidationError(self.message(), code="password_too_common")

    def message(self) -> str:
        return _(
            "Пароль слишком простой: слова, имена, ряды клавиш («йцукен», «qwerty») и такие же слова "
            "с цифрами подбирают первыми. Придумайте другой."
        )

    def get_help_text(self) -> str:
        return _("Пароль не должен быть словом, именем или рядом клавиш, даже с цифрами.")
