"""Pages of the open site (no login): the same page for every visitor, so it can be cached anywhere.

Such a page never asks who is looking: the user is anonymous for it whoever is signed in, so the session is
never read, no cookie is set and the response does not vary by cookie. Proxies and browsers may keep it for
`PUBLIC_CACHE_SECONDS`.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.cache import patch_cache_control


def public_page(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        request.user = AnonymousUser()
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        return response

    return wrapped
