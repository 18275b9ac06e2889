"""Reads of this capability, always scoped to the user through core.access."""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from banks.models import (
    COORDINATOR_EDITABLE,
    MentoringProgram,
    NormativeDocument,
    Practice,
    PracticeStatus,
    ProgramStatus,
    ProgramTemplate,
)
from core import access
from core.russian import YoAsYe, yo_as_ye
from core.words import plural_ru
from registry.models import Person
from registry.selectors import publication_consented

PRACTICE_ORG = "organization"
PROGRAM_ORG = "organization"
TEMPLATE_ORG = "program__organization"


HIDDEN_AUTHOR = _("согласие на публикацию не дано")


def authors_line(names: list[str]) -> str:
    """Authors as one line: the names that may be shown, then one phrase for the others (an empty name)."""
    shown = [name for name in names if name]
    hidden = len(names) - len(shown)
    if hidden:
        more = "ещё " if shown else ""
        shown.append(f"{more}{hidden} {plural_ru(hidden, 'автор', 'автора', 'авторов')} ({HIDDEN_AUTHOR})")
    return ", ".join(shown) or "—"


def _practices():
    authors = Person.objects.annotate(publishable=publication_consented())
    return Practice.objects.select_related("organization", "year").prefetch_related(
        "forms", Prefetch("authors", queryset=authors), "files"
    )


def practices_for(user) -> QuerySet[Practice]:
    """The user's organisation's practices in any state, and every published one of the district (the bank is
    shared by its schools; the region's best are in the open showcase)."""
    if not user.is_authenticated:
        return Practice.objects.none()
    scoped = access.scope(user, Practice.objects.all(), PRACTICE_ORG)
    district = access.in_district(_practices(), access.district_of(user))
    return district.filter(Q(pk__in=scoped.values("pk")) | Q(status=PracticeStatus.PUBLISHED))


def published_practices() -> QuerySet[Practice]:
    """What the public showcase shows: published practices only."""
    return (
        Practice.objects.filter(status=PracticeStatus.PUBLISHED)
        .select_related("organization__district", "year")
        .prefetch_related("forms", "files")
    )


def public_authors(practice: Practice) -> str:
    """The showcase's authors: a name leaves only with a publication consent in force."""
    authors = Person.objects.filter(practices=practice).annotate(consented=publication_consented())
    return authors_line([person.full_name if person.consented else "" for person in authors])


def authors_for(user, practice: Practice) -> str:
    """The authors as this user may see them: another organisation's author needs a publication consent.

    Reads the authors prefetched by `practices_for` (annotated with `publishable`).
    """
    own = access.reads_everything(user) or practice.organization_id == getattr(user, "organization_id", None)
    return authors_line([p.full_name if own or p.publishable else "" for p in practice.authors.all()])


def may_edit_practice(user, practice: Practice) -> bool:
    """The methodologist edits any practice; a coordinator their own while it is a draft or returned."""
    if access.is_methodist(user):
        return True
    return practice.status in COORDINATOR_EDITABLE and access.may_edit(
        user, coordinator_edits=True, organization_id=practice.organization_id
    )


def search_practices(queryset: QuerySet[Practice], text: str) -> QuerySet[Practice]:
    """Russian full-text search: word forms match («наставника» finds «наставник»)."""
    text = text.strip()
    if not text:
        return queryset
    # «ё» is read as «е» on both sides, whatever the server's dictionary does with it.
    vector = SearchVector(YoAsYe("title"), weight="A", config="russian") + SearchVector(
        YoAsYe("description"), YoAsYe("results"), YoAsYe("tags"), weight="B", config="russian"
    )
    query = SearchQuery(yo_as_ye(text), config="russian", search_type="websearch")
    return queryset.annotate(search=vector).filter(search=query)


def programs_for(user) -> QuerySet[MentoringProgram]:
    queryset = (
        MentoringProgram.objects.select_related("organization")
        .prefetch_related("forms")
        .annotate(template_count=Count("templates"))
        .order_by("organization__sort_name", "-starts_on", "id")
    )
    return access.scope(user, queryset, PROGRAM_ORG)


def templates_for(user) -> QuerySet[ProgramTemplate]:
    queryset = ProgramTemplate.objects.select_related("program__organization").prefetch_related(
        Prefetch("activities")
    )
    return access.scope(user, queryset, TEMPLATE_ORG)


def documents_for(user) -> QuerySet[NormativeDocument]:
    return access.scope(user, NormativeDocument.objects.all(), None)


def home_figures_for(user) -> dict:
    """Figures this capability adds to every role's home page (shown by its home_figures.html)."""
    scoped = access.scope(user, Practice.objects.all(), PRACTICE_ORG)
    figures = scoped.aggregate(
        practices_on_review=Count("id", filter=Q(status=PracticeStatus.REVIEW)),
        practices_own_published=Count("id", filter=Q(status=PracticeStatus.PUBLISHED)),
    )
    figures.update(
        Practice.objects.filter(status=PracticeStatus.PUBLISHED).aggregate(
            practices_published=Count("id"), practices_best=Count("id", filter=Q(is_best=True))
        )
    )
    figures["programs_active"] = access.scope(
        user, MentoringProgram.objects.filter(status=ProgramStatus.ACTIVE), PROGRAM_ORG
    ).count()
    figures["documents"] = documents_for(user).count()
    return figures
