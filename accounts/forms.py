"""Login and password change through the login throttle (accounts/throttle.py)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext as _

from accounts.throttle import clear_account, wait_text


def wait_error(request) -> forms.ValidationError | None:
    """The Russian refusal of a try made while the account or the address must wait."""
    wait = getattr(request, "login_wait", None)
    if not wait:
        return None
    return forms.ValidationError(
        _(
            "Слишком много неудачных попыток входа для этого имени или с этого адреса. Повторите через %(wait)s "
            "Если вы забыли пароль, обратитесь к руководителю МШН или администратору."
        )
        % {"wait": wait_text(wait)},
        code="login_wait",
    )


class LoginForm(AuthenticationForm):
    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError as error:
            raise (wait_error(self.request) or error) from None


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """The old password is checked as a login is: wrong guesses count and wait like wrong logins."""

    def __init__(self, user, *args, request=None, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.request = request

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        username = self.user.get_username()
        if authenticate(self.request, username=username, password=old_password) != self.user:
            raise wait_error(self.request) or forms.ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        clear_account(username)
        return old_password
