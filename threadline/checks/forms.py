"""Forms for acting on an alert."""

from __future__ import annotations

from django import forms

from threadline import clock
from threadline.chronology.vocabulary import EventType, Outcome


class JudgementForm(forms.Form):
    reason = forms.CharField(
        label="Your professional judgement",
        help_text="Why nothing more is needed. Your manager will see this.",
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "govuk-textarea"}),
    )


class ActionForm(forms.Form):
    """Record what was done: a chronology entry, from the practitioner's agency."""

    event_type = forms.ChoiceField(
        label="What was done",
        choices=EventType.choices,
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    outcome = forms.ChoiceField(
        label="Outcome (if any)",
        required=False,
        choices=[("", "None"), *Outcome.choices],
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    occurred = forms.DateField(
        label="Date",
        help_text="For example, 27 3 2024 or 2024-03-27",
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"],
        widget=forms.DateInput(attrs={"class": "govuk-input govuk-input--width-10"}),
    )
    summary = forms.CharField(
        label="Summary",
        max_length=500,
        widget=forms.TextInput(attrs={"class": "govuk-input"}),
    )

    def clean_occurred(self) -> object:
        occurred = self.cleaned_data["occurred"]
        if occurred > clock.today():
            raise forms.ValidationError("The date cannot be in the future")
        return occurred
