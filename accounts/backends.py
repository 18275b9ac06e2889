"""Django's model backend, loading the signed-in user together with their organisation."""

from __future__ import annotations

from django.contrib.auth import backends, get_user_model


class ModelBackend(backends.ModelBackend):
    """Every page of a coordinator shows and scopes by their organisation: one query for both."""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("organization")
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
