"""Plan forms. Outcome fields are numbered so a plan can be written with up to three at once."""

from __future__ import annotations

from typing import Any

from django import forms

from threadline.agencies.models import Agency
from threadline.people.models import Person
from threadline.plans.models import ContactTerms
from threadline.plans.services import OutcomeSpec

OUTCOMES = 3
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"]
TEXTAREA = {"class": "govuk-textarea", "rows": 2}
DATE_INPUT = {"class": "govuk-input govuk-input--width-10"}
SELECT = {"class": "govuk-select"}
TEXT = {"class": "govuk-input"}


class PlanForm(forms.Form):
    focus = forms.CharField(
        label="What the plan addresses", max_length=2000, widget=forms.Textarea(attrs=TEXTAREA)
    )
    focus_change_rationale = forms.CharField(
        label="If that differs from the original reason for referral, why",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, OUTCOMES + 1):
            required = n == 1
            self.fields[f"outcome_{n}_risk"] = forms.CharField(
                label=f"Outcome {n}: the risk it addresses",
                required=required,
                widget=forms.Textarea(attrs=TEXTAREA),
            )
            self.fields[f"outcome_{n}_change_wanted"] = forms.CharField(
                label=f"Outcome {n}: the change wanted",
                required=required,
                widget=forms.Textarea(attrs=TEXTAREA),
            )
            self.fields[f"outcome_{n}_achieve_by"] = forms.DateField(
                label=f"Outcome {n}: by when",
                required=required,
                input_formats=DATE_FORMATS,
                widget=forms.DateInput(attrs=DATE_INPUT),
            )
            self.fields[f"outcome_{n}_consequence"] = forms.CharField(
                label=f"Outcome {n}: what happens if it is not achieved",
                required=required,
                widget=forms.Textarea(attrs=TEXTAREA),
            )

    def outcome_groups(self) -> list[list[Any]]:
        parts = ("risk", "change_wanted", "achieve_by", "consequence")
        return [[self[f"outcome_{n}_{p}"] for p in parts] for n in range(1, OUTCOMES + 1)]

    def outcomes(self) -> list[OutcomeSpec]:
        data = self.cleaned_data
        found = []
        for n in range(1, OUTCOMES + 1):
            values = [
                data.get(f"outcome_{n}_{p}")
                for p in ("risk", "change_wanted", "achieve_by", "consequence")
            ]
            if n == 1 or any(values):
                risk, change, by, consequence = values
                found.append(OutcomeSpec(risk or "", change or "", by, consequence or ""))
        return found


class PlanActionForm(forms.Form):
    description = forms.CharField(
        label="Action", max_length=2000, widget=forms.Textarea(attrs=TEXTAREA)
    )
    agency = forms.ModelChoiceField(
        label="Agency responsible",
        queryset=Agency.objects.order_by("name"),
        widget=forms.Select(attrs=SELECT),
    )
    owner_name = forms.CharField(
        label="Named person", required=False, max_length=200, widget=forms.TextInput(attrs=TEXT)
    )
    due_on = forms.DateField(
        label="Due by", input_formats=DATE_FORMATS, widget=forms.DateInput(attrs=DATE_INPUT)
    )


class ConditionForm(forms.Form):
    text = forms.CharField(
        label="Condition", max_length=2000, widget=forms.Textarea(attrs=TEXTAREA)
    )
    about = forms.ModelChoiceField(
        label="About", queryset=Person.objects.none(), widget=forms.Select(attrs=SELECT)
    )
    contact = forms.ChoiceField(
        label="Contact with the children",
        required=False,
        choices=ContactTerms.choices,
        widget=forms.Select(attrs=SELECT),
    )
    monitor_agency = forms.ModelChoiceField(
        label="Monitoring agency",
        queryset=Agency.objects.order_by("name"),
        widget=forms.Select(attrs=SELECT),
    )
    monitor_name = forms.CharField(
        label="Named monitor", max_length=200, widget=forms.TextInput(attrs=TEXT)
    )

    def __init__(self, *args: Any, adults: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        about = self.fields["about"]
        assert isinstance(about, forms.ModelChoiceField)
        about.queryset = adults


class EvidenceForm(forms.Form):
    on = forms.DateField(
        label="Date", input_formats=DATE_FORMATS, widget=forms.DateInput(attrs=DATE_INPUT)
    )
    note = forms.CharField(
        label="What was found", max_length=4000, widget=forms.Textarea(attrs=TEXTAREA)
    )
    breach = forms.BooleanField(label="This is a sign the condition was broken", required=False)


class ReviewForm(forms.Form):
    on = forms.DateField(
        label="Date of review", input_formats=DATE_FORMATS, widget=forms.DateInput(attrs=DATE_INPUT)
    )
    note = forms.CharField(
        label="Progress against each outcome",
        max_length=4000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )
