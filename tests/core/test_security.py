"""Deployment security: the CSP and other headers, no inline code, throttled logins, sessions."""

from __future__ import annotations

import datetime
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import F
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from accounts.models import LoginFailures
from accounts.throttle import client_ip, record_failure, wait_before_login
from core.security import CONTENT_SECURITY_POLICY
from tests.conftest import PASSWORD, client_for

TEMPLATES = Path(settings.BASE_DIR) / "templates"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\bstyle=|\son[a-z]+=", re.IGNORECASE)


def test_every_page_has_the_content_security_policy(as_methodist):
    response = as_methodist.get(reverse("registry:person_list"))
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_login_page_has_the_content_security_policy(client):
    assert client.get(reverse("login"))["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


def html_templates():
    """Every template a browser gets; PDF templates are rendered by WeasyPrint, out of the CSP's reach."""
    return [path for path in TEMPLATES.rglob("*.html") if "pdf" not in path.parts]


@pytest.mark.parametrize("path", html_templates(), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_template_has_no_inline_script_or_style(path):
    text = path.read_text(encoding="utf-8")
    assert not INLINE_SCRIPT.search(text), "move the script to static/js"
    assert not INLINE_STYLE.search(text), "move the style to static/css/mshn.css"


def test_cookies_are_out_of_reach_of_scripts():
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.CSRF_COOKIE_HTTPONLY is True
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def test_secret_key_is_read_from_a_file(tmp_path):
    key_file = tmp_path / "secret"
    key_file.write_text("from-the-file-0123456789\n", encoding="utf-8")
    env = {**os.environ, "SECRET_KEY_FILE": str(key_file), "DEBUG": "0", "ALLOWED_HOSTS": "x"}
    env.pop("SECRET_KEY", None)
    code = "import mshn.settings as s; print(s.SECRET_KEY)"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True
    )
    assert result.stdout.strip() == "from-the-file-0123456789", result.stderr


# Login throttling (accounts/throttle.py): growing waits per account and per address.

WAIT = "Слишком много неудачных попыток входа"


def log_in(client: Client, username: str, password: str, address: str = "10.0.0.1"):
    data = {"username": username, "password": password}
    return client.post(reverse("login"), data, REMOTE_ADDR=address)


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def time_passes(seconds: float) -> None:
    """Every recorded failure moves `seconds` into the past."""
    LoginFailures.objects.update(last_at=F("last_at") - datetime.timedelta(seconds=seconds))


def test_valid_logins_of_another_account_do_not_reset_the_failures(methodist, coordinator_a):
    attacker = Client()
    for attempt in range(16):
        log_in(attacker, "metodist", f"guess-{attempt}")
        assert log_in(Client(), "kurator_a", PASSWORD).status_code == 302  # the attacker's own account
    response = log_in(attacker, "metodist", PASSWORD)
    assert response.status_code == 200
    assert WAIT in response.content.decode()
    assert not signed_in(attacker)


def test_five_failures_make_the_account_wait_half_a_minute_not_a_quarter_hour(methodist):
    client = Client()
    for attempt in range(5):
        log_in(client, "metodist", "wrong", address=f"10.0.0.{attempt + 1}")
    response = log_in(client, "metodist", PASSWORD, address="10.0.1.1")
    assert "Повторите через 30 с" in response.content.decode()
    assert not signed_in(client)
    time_passes(31)
    assert log_in(client, "metodist", PASSWORD, address="10.0.1.1").status_code == 302


def test_each_failure_after_the_free_ones_doubles_the_wait(methodist):
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1")
    waits = []
    for _ in range(10):
        record_failure(request, "metodist")
        waits.append(round(wait_before_login(request, "metodist").total_seconds()))
        time_passes(3600)
    assert waits[:4] == [0, 0, 0, 0]
    assert [round(w, -1) for w in waits[4:]] == [30, 60, 120, 240, 480, 900]  # then 15 min at most


def test_tries_while_waiting_do_not_count(methodist):
    client = Client()
    for _ in range(5):
        log_in(client, "metodist", "wrong")
    for _ in range(10):
        log_in(client, "metodist", "wrong")
    assert LoginFailures.objects.get(key="account:metodist").count == 5


def test_four_failures_still_let_the_right_password_in(methodist):
    client = Client()
    for _ in range(4):
        page = log_in(client, "metodist", "wrong")
        assert page.status_code == 200
        assert "Пожалуйста, введите правильные имя пользователя и пароль" in page.content.decode()
    assert log_in(client, "metodist", PASSWORD).status_code == 302


def test_own_success_clears_only_the_own_account(methodist, department):
    client = Client()
    for _ in range(4):
        log_in(client, "metodist", "wrong")
        log_in(client, "otdel", "wrong")
    assert log_in(client, "metodist", PASSWORD).status_code == 302
    assert not LoginFailures.objects.filter(key="account:metodist").exists()
    assert LoginFailures.objects.get(key="account:otdel").count == 4
    assert LoginFailures.objects.get(key="address:10.0.0.1").count == 8


def test_an_address_guessing_many_accounts_waits(methodist):
    client = Client()
    for attempt in range(20):
        log_in(client, f"nobody{attempt}", "wrong")
    assert WAIT in log_in(client, "metodist", PASSWORD).content.decode()
    assert log_in(Client(), "metodist", PASSWORD, address="10.0.0.2").status_code == 302


def test_unlock_login_lifts_the_wait(methodist):
    client = Client()
    for _ in range(6):
        log_in(client, "metodist", "wrong")
    call_command("unlock_login", "metodist", "--address", "10.0.0.1", stdout=io.StringIO())
    assert log_in(client, "metodist", PASSWORD).status_code == 302


def test_wrong_old_passwords_of_the_password_change_wait_too(methodist):
    client = client_for(methodist)
    new = {"new_password1": "Kedr-na-sopke-17", "new_password2": "Kedr-na-sopke-17"}
    for attempt in range(8):
        client.post(reverse("password_change"), {"old_password": f"guess-{attempt}", **new})
    response = client.post(reverse("password_change"), {"old_password": PASSWORD, **new})
    assert WAIT in response.content.decode()
    methodist.refresh_from_db()
    assert methodist.check_password(PASSWORD)


def test_signing_in_as_another_account_signs_out_the_first(methodist, coordinator_a):
    client = client_for(coordinator_a)
    response = log_in(client, "metodist", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(methodist.pk)
    page = client.get(response["Location"], follow=True).content.decode()
    assert "Вы вышли из учётной записи «kurator_a» и вошли как «metodist»" in page


def test_client_ip_ignores_forwarded_for_without_trusted_proxy():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "10.0.0.9"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_client_ip_takes_the_address_the_proxy_appended():
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 1.2.3.4")
    assert client_ip(request) == "1.2.3.4"


# Sessions


def test_password_change_logs_out_other_sessions(methodist):
    here, elsewhere = client_for(methodist), client_for(methodist)
    assert elsewhere.get(reverse("registry:person_list")).status_code == 200
    response = here.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "Nov-parol-2026!", "new_password2": "Nov-parol-2026!"},
    )
    assert response.status_code == 302
    assert here.get(reverse("registry:person_list")).status_code == 200  # the session that changed it stays
    assert elsewhere.get(reverse("registry:person_list"))["Location"].startswith(reverse("login"))
