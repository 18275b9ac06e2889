"""Deployment security: the CSP and other headers, no inline code, throttled logins, sessions."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from core.security import CONTENT_SECURITY_POLICY, client_ip
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


# Login throttling (django-axes): five failures lock the account and the address for a while.


def log_in(client: Client, username: str, password: str, address: str = "10.0.0.1"):
    data = {"username": username, "password": password}
    return client.post(reverse("login"), data, REMOTE_ADDR=address)


def test_five_failures_lock_the_account_with_a_russian_page(methodist):
    client = Client()
    for attempt in range(5):
        log_in(client, "metodist", "wrong", address=f"10.0.0.{attempt + 1}")
    response = log_in(client, "metodist", PASSWORD, address="10.0.1.1")
    assert response.status_code == 429
    assert "Вход временно заблокирован" in response.content.decode()
    assert "через 15 мин." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_five_failures_lock_the_address(methodist, department):
    client = Client()
    for attempt in range(5):
        log_in(client, f"nobody{attempt}", "wrong")
    assert log_in(client, "metodist", PASSWORD).status_code == 429
    assert log_in(client, "metodist", PASSWORD, address="10.0.0.2").status_code == 302


def test_four_failures_still_let_the_right_password_in(methodist):
    client = Client()
    for _ in range(4):
        page = log_in(client, "metodist", "wrong")
        assert page.status_code == 200
        assert "Пожалуйста, введите правильные имя пользователя и пароль" in page.content.decode()
    assert log_in(client, "metodist", PASSWORD).status_code == 302


def test_success_resets_the_failures(methodist):
    client = Client()
    for _ in range(4):
        log_in(client, "metodist", "wrong")
    assert log_in(client, "metodist", PASSWORD).status_code == 302
    other = Client()
    for _ in range(4):
        log_in(other, "metodist", "wrong")
    assert log_in(other, "metodist", PASSWORD).status_code == 302


def test_lockout_ends_after_the_cooloff(methodist):
    client = Client()
    for _ in range(5):
        log_in(client, "metodist", "wrong")
    with override_settings(AXES_COOLOFF_TIME=lambda request: __import__("datetime").timedelta(0)):
        assert log_in(client, "metodist", PASSWORD).status_code == 302


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
