"""«Подобрать наставника»: ranked candidates for a person, and one click that forms the pair."""

from __future__ import annotations

from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from core import access
from core.forms import ConfirmForm
from core.generic import AccessMixin, RecordActionView
from registry import services
from registry.matching import candidates_for
from registry.views.common import PEOPLE, person_for


class MatchMixin(AccessMixin):
    # Forming a pair is a write: the department reads totals; a coordinator matches within their scope.
    writes = True
    coordinator_edits = True
    breadcrumbs = (PEOPLE,)

    def person(self):
        if not hasattr(self, "_person"):
            self._person = person_for(self.request.user, self.kwargs["pk"])
        return self._person


class MentorMatch(MatchMixin, TemplateView):
    template_name = "registry/mentor_match.html"
    title = _("Подобрать наставника")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.person()
        context["person"] = person
        context["title"] = _("Подобрать наставника: %(name)s") % {"name": person.full_name}
        context["candidates"] = candidates_for(self.request.user, person)
        return context

    def get_breadcrumbs(self):
        return (*self.breadcrumbs, (str(self.person()), self.person().get_absolute_url()))


class MentorMatchCreate(MatchMixin, RecordActionView):
    form_class = ConfirmForm
    title = _("Создать пару с наставником")
    submit_label = _("Создать пару")
    success_message = _("Пара создана в состоянии «формируется»: проверьте её и добавьте приказ.")

    def get_record(self):
        return self.person()

    def candidate(self):
        mentor_pk = self.kwargs["mentor_pk"]
        found = [c for c in candidates_for(self.request.user, self.person()) if c.mentor.pk == mentor_pk]
        if not found:
            raise Http404
        return found[0]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        candidate = self.candidate()
        context["question"] = _(
            "Создать пару «%(mentor)s — %(person)s» (%(form)s) в состоянии «формируется»?"
        ) % {
            "mentor": candidate.mentor,
            "person": self.person(),
            "form": candidate.form,
        }
        return context

    def act(self, record, form):
        candidate = self.candidate()
        return services.match_mentor(record, candidate.mentor, candidate.form).get_absolute_url()


def may_match(user) -> bool:
    return access.may_edit(user, coordinator_edits=True)


urlpatterns = [
    path("people/<int:pk>/match/", MentorMatch.as_view(), name="mentor_match"),
    path("people/<int:pk>/match/<int:mentor_pk>/", MentorMatchCreate.as_view(), name="mentor_match_pair"),
]
