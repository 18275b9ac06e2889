"""The password policy refuses the passwords guessed first in Russia, with a Russian message."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.conftest import PASSWORD, client_for

COMMON = [
    "йцукенгш",
    "пароль123",
    "Пароль2026!",
    "ghbdtn2026",
    "фывапролдж",
    "parol-123",
    "Наставник1",
    "qwertyui",
]


@pytest.mark.parametrize("password", COMMON)
def test_common_russian_password_is_refused(password):
    with pytest.raises(ValidationError) as refused:
        validate_password(password)
    assert any("Пароль слишком простой" in message for message in refused.value.messages)


@pytest.mark.parametrize("password", ["Кедр-на-сопке-17", "mshn-demo-2026", "Nov-parol-2026!"])
def test_uncommon_password_passes(password):
    validate_password(password)


def test_password_change_shows_the_russian_refusal(methodist):
    client = client_for(methodist)
    data = {"old_password": PASSWORD, "new_password1": "йцукенгш", "new_password2": "йцукенгш"}
    response = client.post(reverse("password_change"), data)
    assert "Пароль слишком простой" in response.content.decode()
    methodist.refresh_from_db()
    assert methodist.check_password(PASSWORD)
