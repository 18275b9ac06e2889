"""Forms of monitoring: a questionnaire with its questions (an inline formset), a round, and the answer
form a participant fills in through their personal link."""

from __future__ import annotations

from django import forms
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core import access
from core.forms import CrispyForm, CrispyModelForm
from core.widgets import use_fast_select
from directory.models import AcademicYear, MentoringForm, Organization
from monitoring.models import SCALE, Question, QuestionKind, Questionnaire, SurveyRound


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["position", "section", "text", "kind", "options", "feeds", "required"]
        widgets = {
            "options": forms.Textarea(attrs={"rows": 2}),
            "position": forms.NumberInput(attrs={"min": 0}),
        }
        error_messages = {"text": {"required": _lazy("Напишите вопрос.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs["class"] = "form-check-input"
            else:
                select = hasattr(field.widget, "choices")
                field.widget.attrs["class"] = (
                    "form-select form-select-sm" if select else "form-control form-control-sm"
                )
            use_fast_select(field)

    def clean(self):
        data = super().clean()
        choice = data.get("kind") in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
        if choice and len([line for line in data.get("options", "").splitlines() if line.strip()]) < 2:
            self.add_error(
                "options", _("Для вопроса с выбором укажите не меньше двух вариантов, каждый с новой строки.")
            )
        if data.get("feeds") and data.get("kind") != QuestionKind.SCALE and data["feeds"] in SCALED_FEEDS:
            self.add_error(
                "feeds", _("Удовлетворённость и рост считаются по оценкам: выберите вид ответа «шкала 1–10».")
            )
        return data


SCALED_FEEDS = ("satisfaction", "motivation", "competence", "professional")
QuestionFormSet = inlineformset_factory(Questionnaire, Question, form=QuestionForm, extra=1, can_delete=True)


class QuestionnaireForm(CrispyModelForm):
    class Meta:
        model = Questionnaire
        fields = ["title", "respondent", "moment", "form", "introduction", "is_active"]
        widgets = {"introduction": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"title": {"required": _lazy("Укажите название анкеты.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_tag = False
        self.helper.inputs = []
        self.fields["form"].empty_label = _("— любая форма —")
        self.questions = QuestionFormSet(
            self.data if self.is_bound else None, instance=self.instance, prefix="q"
        )

    def is_valid(self) -> bool:
        return all([super().is_valid(), self.questions.is_valid()])

    def save(self, commit: bool = True) -> Questionnaire:
        questionnaire = super().save(commit=commit)
        if commit:
            self.questions.instance = questionnaire
            self.questions.save()
        return questionnaire


class CopyForm(CrispyForm):
    title = forms.CharField(
        label=_lazy("Название копии"),
        max_length=300,
        error_messages={"required": _lazy("Укажите название копии.")},
    )


class SurveyRoundForm(CrispyModelForm):
    """A round of the user's scope: a coordinator's own organisation only; a pair of that organisation."""

    takes_user = True

    class Meta:
        model = SurveyRound
        fields = ["title", "year", "moment", "organization", "pair", "closes_on", "include_coordinators"]
        error_messages = {"title": {"required": _lazy("Укажите название опроса.")}}

    def __init__(self, *args, user, organizations, pairs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["organization"].empty_label = _("— все организации района —")
        self.fields["pair"].queryset = pairs
        self.fields["pair"].empty_label = _("— все пары организации —")
        self.fields["pair"].required = False
        if not pairs.exists():
            del self.fields["pair"]
        if not self.initial.get("year") and not self.is_bound:
            self.initial["year"] = AcademicYear.objects.current()
        # A coordinator's round is their organisation's; a district round is the methodologist's.
        self.fields["organization"].required = not access.is_methodist(user)

    def clean(self):
        data = super().clean()
        closes, pair, organization = data.get("closes_on"), data.get("pair"), data.get("organization")
        if closes and closes < timezone.localdate():
            self.add_error("closes_on", _("Дата закрытия уже прошла: укажите сегодняшнюю или более позднюю."))
        if pair is not None and organization is not None and pair.organization_id != organization.pk:
            self.add_error("pair", _("Пара — из другой организации: выберите пару организации опроса."))
        if pair is not None:
            data["organization"] = pair.organization
        return data


class AnswerForm(forms.Form):
    """The questionnaire's questions as fields `q<id>`, filled with the earlier answers of the same link."""

    def __init__(self, *args, questions: list[Question], earlier: dict[int, object], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            field = field_of(question)
            field.initial = earlier.get(question.pk)
            self.fields[f"q{question.pk}"] = field

    def values(self) -> dict[int, object]:
        return {question.pk: self.cleaned_data.get(f"q{question.pk}") for question in self.questions}

    def sections(self):
        """(section, bound fields) in order, for the template."""
        found: dict[str, list] = {}
        for question in self.questions:
            found.setdefault(question.section, []).append(self[f"q{question.pk}"])
        return list(found.items())


def field_of(question: Question) -> forms.Field:
    common = {"label": question.text, "required": question.required}
    if question.kind == QuestionKind.SCALE:
        choices = [(value, str(value)) for value in SCALE]
        return forms.TypedChoiceField(
            choices=choices, coerce=int, widget=forms.RadioSelect(attrs={"class": "scale"}), **common,
            error_messages={"required": _("Выберите оценку от 1 до 10.")},
        )  # fmt: skip
    options = [(option, option) for option in question.option_list()]
    if question.kind == QuestionKind.SINGLE:
        return forms.ChoiceField(
            choices=options,
            widget=forms.RadioSelect,
            error_messages={"required": _("Выберите вариант.")},
            **common,
        )
    if question.kind == QuestionKind.MULTIPLE:
        return forms.MultipleChoiceField(
            choices=options, widget=forms.CheckboxSelectMultiple,
            error_messages={"required": _("Отметьте хотя бы один вариант.")}, **common,
        )  # fmt: skip
    return forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), max_length=4000,
        error_messages={"required": _("Напишите ответ.")}, **common,
    )  # fmt: skip


def earlier_answers(invitation) -> dict[int, object]:
    found = {}
    for answer in invitation.answers.select_related("question"):
        kind = answer.question.kind
        if kind == QuestionKind.SCALE:
            found[answer.question_id] = answer.score
        elif kind == QuestionKind.MULTIPLE:
            found[answer.question_id] = answer.text.split("; ")
        else:
            found[answer.question_id] = answer.text
    return found


class SwotFilterForm(CrispyForm):
    year = forms.ModelChoiceField(AcademicYear.objects.all(), label=_lazy("Учебный год"), required=False)
    organization = forms.ModelChoiceField(
        Organization.objects.none(), label=_lazy("Организация"), required=False
    )
    form = forms.ModelChoiceField(None, label=_lazy("Форма наставничества"), required=False)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, submit_label=_("Показать"), **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["form"].queryset = MentoringForm.objects.all()
        self.fields["year"].empty_label = _("текущий")
        self.fields["organization"].empty_label = _("все")
        self.fields["form"].empty_label = _("все")
        self.helper.form_method = "get"
