"""Russian answers for requests the site refuses or cannot serve: 400, 405 and 503.

Django answers a bad Host, an oversize body or too many fields with templates/400.html, but a 405 from a
generic view is an empty body, and a database that does not answer is a plain 500. These pieces give each
a Russian page; none of them touches the database.
"""

from __future__ import annotations

import re
import sys

from django.db import OperationalError
from django.template import loader
from django.views import defaults

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
BAD_CHARACTERS_REASON = (
    "В запросе есть недопустимые управляющие символы (например, нулевой байт). "
    "Уберите их из поля поиска или формы и повторите."
)


def has_control_characters(query_dict) -> bool:
    """Tabs and line breaks are text; NUL and the other control characters are not (PostgreSQL refuses NUL)."""
    return any(
        CONTROL_CHARACTERS.search(key) or any(CONTROL_CHARACTERS.search(value) for value in values)
        for key, values in query_dict.lists()
    )


def page(template: str, status: int, request=None, **context):
    from django.http import HttpResponse

    body = loader.get_template(template).render(context, request)
    return HttpResponse(body, status=status, content_type="text/html; charset=utf-8")


class RefuseControlCharactersMiddleware:
    """A NUL byte or another control character in a query or a form field: a Russian 400, never a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        posted = request.POST if request.method == "POST" else {}
        if has_control_characters(request.GET) or (posted and has_control_characters(posted)):
            return page("400.html", 400, reason=BAD_CHARACTERS_REASON)
        return self.get_response(request)


class MethodNotAllowedPageMiddleware:
    """Generic views answer an unsupported method (PUT, DELETE, TRACE, GET of logout) with an empty 405."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            allowed = response.headers.get("Allow", "")
            response = page("405.html", 405, request, allowed=allowed)
            if allowed:
                response.headers["Allow"] = allowed
        return response


def server_error(request, template_name="500.html"):
    """handler500: a database that does not answer (connect or statement timeout) is a 503 «try again»."""
    if isinstance(sys.exc_info()[1], OperationalError):
        response = page("503.html", 503)
        response.headers["Retry-After"] = "30"
        return response
    return defaults.server_error(request, template_name)
