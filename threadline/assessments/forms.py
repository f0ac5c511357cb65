"""Forms for assessments and the risk tools. They check the shape of the input; the services
check the rules (dates, who may do what, what must be said) and name the field that broke one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from threadline.agencies.models import Agency, Practitioner
from threadline.assessments import childrisk, dash
from threadline.assessments.models import Answer, AssessmentKind, AssessmentOutcome
from threadline.people.models import Person
from threadline.sharing.forms import SharingFields, SharingForm

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"]
DATE_HINT = "For example, 2024-03-27 or 27/03/2024"
SELECT = {"class": "govuk-select"}
TEXTAREA = {"class": "govuk-textarea", "rows": 4}
DATE_INPUT = {"class": "govuk-input govuk-input--width-10"}
RADIO = {"class": "govuk-radios__input"}
YES_NO = [("yes", "Yes"), ("no", "No")]


def _date(label: str, *, required: bool = True, help_text: str = DATE_HINT) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=DATE_FORMATS,
        error_messages={
            "required": f"Enter the {label[:1].lower()}{label[1:]}",
            "invalid": f"Enter the {label[:1].lower()}{label[1:]} as a real date, {DATE_HINT[0].lower()}{DATE_HINT[1:]}",
        },
        widget=forms.DateInput(attrs=DATE_INPUT),
    )


def _text(label: str, help_text: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        max_length=8000,
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": rows}),
    )


class StartForm(forms.Form):
    kind = forms.ChoiceField(
        label="Assessment", choices=AssessmentKind.choices, widget=forms.Select(attrs=SELECT)
    )
    referred_on = _date("Referral date", help_text=f"The timescale runs from here. {DATE_HINT}")
    started_on = _date("Date started")
    lead_practitioner = forms.ModelChoiceField(
        label="Lead practitioner",
        queryset=Practitioner.objects.none(),
        widget=forms.Select(attrs=SELECT),
    )

    def __init__(self, *args: Any, user: Practitioner, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lead = self.fields["lead_practitioner"]
        assert isinstance(lead, forms.ModelChoiceField)
        lead.queryset = Practitioner.objects.filter(agency=user.agency_id, is_active=True)


class SeenForm(forms.Form):
    """The child seen, seen alone and heard."""

    child_seen_on = _date("Date the child was seen", required=False)
    child_seen_alone_on = _date("Date the child was seen alone", required=False)
    child_views = _text(
        "The child's wishes and feelings, or their lived experience",
        "In the child's own words where you can; for a baby, what their day is like.",
    )


class CompleteForm(SeenForm):
    completed_on = _date("Date completed")
    fathers_assessed = forms.ChoiceField(
        label="Were the child's father and any male carers assessed?",
        required=False,
        choices=YES_NO,
        widget=forms.RadioSelect(attrs=RADIO),
    )
    fathers_note = _text("If not, why not", rows=2)
    significant_adults_assessed = _text(
        "Other significant adults assessed", "Partners, grandparents, anyone caring for the child."
    )
    analysis = _text("Analysis", rows=8)
    outcome = forms.ChoiceField(
        label="Outcome",
        required=False,
        choices=[("", "Choose the outcome"), *AssessmentOutcome.choices],
        widget=forms.Select(attrs=SELECT),
    )

    field_order = [
        "completed_on",
        "child_seen_on",
        "child_seen_alone_on",
        "child_views",
        "fathers_assessed",
        "fathers_note",
        "significant_adults_assessed",
        "analysis",
        "outcome",
    ]

    def fathers(self) -> bool | None:
        answer = self.cleaned_data.get("fathers_assessed")
        return None if not answer else answer == "yes"


class AuthoriseForm(forms.Form):
    note = _text("Manager's comments", "What you checked, and anything still to do.")


class DashForm(forms.Form):
    """The 24 questions as radios; the level is worked out by the service, never typed in."""

    completed_on = _date("Date completed")
    perpetrator = forms.ChoiceField(
        label="Alleged perpetrator", required=False, widget=forms.Select(attrs=SELECT)
    )
    professional_judgement = forms.BooleanField(
        label="High risk by professional judgement, whatever the score",
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "govuk-checkboxes__input"}),
    )
    judgement_reason = _text("Reason for the professional judgement", rows=3)
    repeat_incident = forms.BooleanField(
        label="A repeat incident: within 12 months of a previous MARAC referral",
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "govuk-checkboxes__input"}),
    )

    def __init__(
        self, *args: Any, perpetrators: Sequence[tuple[Person, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for number, question in zip(dash.NUMBERS, dash.QUESTIONS, strict=True):
            self.fields[f"q{number}"] = forms.ChoiceField(
                label=f"{number}. {question}",
                required=False,
                choices=Answer.choices,
                widget=forms.RadioSelect(attrs=RADIO),
            )
        self.perpetrators = {str(person.pk): person for person, _ in perpetrators}
        perpetrator = self.fields["perpetrator"]
        assert isinstance(perpetrator, forms.ChoiceField)
        perpetrator.choices = [
            ("", "Not named"),
            *((str(person.pk), f"{person.full_name} ({how})") for person, how in perpetrators),
        ]

    def questions(self) -> list[forms.BoundField]:
        return [self[f"q{number}"] for number in dash.NUMBERS]

    def answers(self) -> dict[int, str]:
        return {
            number: self.cleaned_data[f"q{number}"]
            for number in dash.NUMBERS
            if self.cleaned_data.get(f"q{number}")
        }

    def chosen_perpetrator(self) -> Person | None:
        return self.perpetrators.get(self.cleaned_data.get("perpetrator") or "")


class ChildRiskForm(forms.Form):
    completed_on = _date("Date completed")
    raised_to = forms.ChoiceField(
        label="Raise the overall level by professional judgement",
        required=False,
        choices=[("", "No: the level the factors give")]
        + [(str(n), str(childrisk.LEVELS[n])) for n in range(2, 5)],
        widget=forms.Select(attrs=SELECT),
    )
    judgement_reason = _text("Reason for raising the level", rows=3)
    notes = _text("Anything else about the child's experience")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for factor in childrisk.FACTORS:
            self.fields[factor.field] = forms.TypedChoiceField(
                label=factor.question,
                required=False,
                coerce=int,
                empty_value=None,
                choices=[("0", "Not present or not known")]
                + [(str(n), f"Level {n}: {words}") for n, words in enumerate(factor.grades, 1)],
                widget=forms.RadioSelect(attrs=RADIO),
            )

    def factors(self) -> list[forms.BoundField]:
        return [self[factor.field] for factor in childrisk.FACTORS]

    def grades(self) -> dict[str, int]:
        return {
            field: self.cleaned_data[field]
            for field in childrisk.FIELDS
            if self.cleaned_data.get(field) is not None
        }

    def raised(self) -> int | None:
        value = self.cleaned_data.get("raised_to")
        return int(value) if value else None


class ShareForm(SharingForm):
    """Share a completed assessment, and its analysis, with the agencies around the child."""

    agencies = forms.ModelMultipleChoiceField(
        label="Share with",
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "govuk-checkboxes__input"}),
        error_messages={"required": "Choose at least one agency to share it with"},
    )

    def __init__(self, *args: Any, choices: Sequence[Agency] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agencies"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = Agency.objects.filter(pk__in=[a.pk for a in choices]).order_by("name")


class MaracForm(SharingFields):
    """The sharing decision for the checklist that goes with a MARAC referral."""
