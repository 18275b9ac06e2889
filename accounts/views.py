"""Login and password change pages (Django's views with our throttled forms)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.utils.translation import gettext as _

from accounts.forms import LoginForm, ThrottledPasswordChangeForm


class LoginView(auth_views.LoginView):
    """A signed-in user opening the login page goes home; one who signs in as someone else (a login page
    left open in another tab) is first signed out of the first account, and told so."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST":
            self.redirect_authenticated_user = False
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        previous, user = self.request.user, form.get_user()
        switched = previous.is_authenticated and previous.pk != user.pk
        if switched:
            logout(self.request)  # as the «Выйти» button does: signals, a new session
        response = super().form_valid(form)
        if switched:
            messages.info(
                self.request,
                _("Вы вышли из учётной записи «%(old)s» и вошли как «%(new)s».")
                % {"old": previous.get_username(), "new": user.get_username()},
            )
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = ThrottledPasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}
