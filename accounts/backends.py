"""Django's model backend behind the login throttle, loading the signed-in user together with their organisation."""

from __future__ import annotations

from django.contrib.auth import backends, get_user_model
from django.core.exceptions import PermissionDenied

from accounts.throttle import wait_before_login


class ModelBackend(backends.ModelBackend):
    """Every page of a coordinator shows and scopes by their organisation: one query for both.

    While an account or an address must wait (accounts/throttle.py), the password is not checked at all:
    Django's authenticate() stops at the PermissionDenied and reports a failure the throttle does not count."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is not None and username is not None:
            wait = wait_before_login(request, username)
            if wait:
                request.login_wait = wait
                raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("organization")
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
