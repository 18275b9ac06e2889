from __future__ import annotations

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from directory.filters import OrganizationChoiceFilter, SearchFilter, YesNoFilter
from directory.models import AcademicYear, MentoringForm, PersonCategory
from registry.models import Mentee, MenteeStatus, Mentor, MentorStatus, Pair, PairStatus, Person

NAME_FIELDS = ("last_name", "first_name", "middle_name")


def person_fields(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}{name}" for name in NAME_FIELDS)


class YearFilter(django_filters.ModelChoiceFilter):
    """Records that took part in a pair working during the school year."""

    def __init__(self, pairs_path: str, **kwargs):
        super().__init__(
            label=_("Учебный год"), queryset=AcademicYear.objects.all(), method=self.in_year, **kwargs
        )
        self.pairs_path = pairs_path

    def in_year(self, queryset, name, year):
        pairs = Pair.objects.during(year)
        if not self.pairs_path:
            return queryset.filter(pk__in=pairs.values("pk"))
        return queryset.filter(**{f"{self.pairs_path}__in": pairs}).distinct()


class FormFilter(django_filters.ModelChoiceFilter):
    def __init__(self, field_name: str, **kwargs):
        super().__init__(
            field_name=field_name,
            label=_("Форма наставничества"),
            queryset=MentoringForm.objects.all(),
            distinct=True,
            **kwargs,
        )


class YoungFilter(YesNoFilter):
    def __init__(self, person_path: str = "", **kwargs):
        super().__init__(label=_("Молодой педагог"), method=self.young, **kwargs)
        self.person_path = person_path

    def young(self, queryset, name, value):
        young = Person.objects.young().values("pk")
        lookup = f"{self.person_path}pk__in" if self.person_path else "pk__in"
        return queryset.filter(**{lookup: young}) if value else queryset.exclude(**{lookup: young})


class HasMentorFilter(YesNoFilter):
    def __init__(self, active_pairs, **kwargs):
        super().__init__(label=_("Есть наставник"), method=self.has_mentor, **kwargs)
        self.active_pairs = active_pairs

    def has_mentor(self, queryset, name, value):
        condition = Exists(self.active_pairs())
        return queryset.filter(condition if value else ~condition)


SHOW_DISMISSED = (("all", _("вместе с работающими")), ("only", _("только уволенных")))


class DismissedFilter(django_filters.ChoiceFilter):
    """«Показать уволенных»: the list leaves them out unless asked (see `HidesDismissed`)."""

    def __init__(self, **kwargs):
        super().__init__(
            label=_("Показать уволенных"),
            choices=SHOW_DISMISSED,
            empty_label=_("нет"),
            method=self.shown,
            **kwargs,
        )

    def shown(self, queryset, name, value):
        return queryset.dismissed() if value == "only" else queryset


class HidesDismissed:
    """A list of people, mentors or mentees: those who have left the district's education (all periods
    of work closed) are not in it unless «Показать уволенных» asks; the queryset's `working()` decides."""

    def __init__(self, data=None, queryset=None, **kwargs):
        if queryset is not None and (data or {}).get("dismissed") not in dict(SHOW_DISMISSED):
            queryset = queryset.working()
        super().__init__(data, queryset, **kwargs)


def active_pairs_of_mentee():
    return Pair.objects.filter(mentees=OuterRef("pk"), status=PairStatus.ACTIVE)


class PersonFilter(HidesDismissed, django_filters.FilterSet):
    q = SearchFilter(*NAME_FIELDS, label=_("ФИО"))
    organization = OrganizationChoiceFilter()
    category = django_filters.ChoiceFilter(label=_("Категория"), choices=PersonCategory.choices)
    year = YearFilter("mentee__pairs")
    young = YoungFilter()
    has_mentor = HasMentorFilter(Person.objects.active_mentee_pairs)
    dismissed = DismissedFilter()
    sort = django_filters.OrderingFilter(
        label=_("Сортировка"),
        fields=(("sort_name", "name"), ("organization__sort_name", "organization"), ("birth_year", "birth")),
        field_labels={
            "sort_name": _("ФИО"),
            "organization__sort_name": _("организация"),
            "birth_year": _("год рождения"),
        },
    )

    class Meta:
        model = Person
        fields = []


class MentorFilter(HidesDismissed, django_filters.FilterSet):
    q = SearchFilter(*person_fields("person__"), "competences", label=_("ФИО или компетенции"))
    organization = OrganizationChoiceFilter("person__organization")
    form = FormFilter("pairs__form")
    status = django_filters.ChoiceFilter(label=_("Статус"), choices=MentorStatus.choices)
    year = YearFilter("pairs")
    young = YoungFilter("person__")
    dismissed = DismissedFilter()
    sort = django_filters.OrderingFilter(
        label=_("Сортировка"),
        fields=(("person__sort_name", "name"), ("entered_on", "entered"), ("load", "load")),
        field_labels={
            "person__sort_name": _("ФИО"),
            "entered_on": _("дата вхождения"),
            "load": _("нагрузка"),
        },
    )

    class Meta:
        model = Mentor
        fields = []


class MenteeFilter(HidesDismissed, django_filters.FilterSet):
    q = SearchFilter(*person_fields("person__"), "main_request", label=_("ФИО или запрос"))
    organization = OrganizationChoiceFilter("person__organization")
    form = FormFilter("pairs__form")
    status = django_filters.ChoiceFilter(label=_("Статус"), choices=MenteeStatus.choices)
    year = YearFilter("pairs")
    young = YoungFilter("person__")
    has_mentor = HasMentorFilter(active_pairs_of_mentee)
    dismissed = DismissedFilter()
    sort = django_filters.OrderingFilter(
        label=_("Сортировка"),
        fields=(("person__sort_name", "name"), ("entered_on", "entered")),
        field_labels={"person__sort_name": _("ФИО"), "entered_on": _("дата вхождения")},
    )

    class Meta:
        model = Mentee
        fields = []


class PairFilter(django_filters.FilterSet):
    q = SearchFilter(
        *person_fields("mentor__person__"), *person_fields("mentees__person__"), label=_("ФИО участника")
    )
    organization = OrganizationChoiceFilter()
    form = FormFilter("form")
    status = django_filters.ChoiceFilter(label=_("Состояние"), choices=PairStatus.choices)
    year = YearFilter("")
    sort = django_filters.OrderingFilter(
        label=_("Сортировка"),
        fields=(("started_on", "started"), ("mentor__person__sort_name", "mentor"), ("status", "status")),
        field_labels={
            "started_on": _("дата начала"),
            "mentor__person__sort_name": _("наставник"),
            "status": _("состояние"),
        },
    )

    class Meta:
        model = Pair
        fields = []

    def filter_queryset(self, queryset):
        # A search across mentees joins many rows; keep one row per pair.
        queryset = super().filter_queryset(queryset)
        return queryset.distinct() if self.form.cleaned_data.get("q") else queryset
