"""Forms for the tracker. They check the input's shape; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms

from threadline.agencies.models import Agency
from threadline.recommendations.models import Status
from threadline.recommendations.services import Plan

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"]
TEXTAREA = {"class": "govuk-textarea", "rows": 3}
INPUT = {"class": "govuk-input"}
DATE_INPUT = {"class": "govuk-input govuk-input--width-10"}
SELECT = {"class": "govuk-select"}


def _indicator_choices() -> list[tuple[str, str]]:
    from threadline.indicators.definitions import INDICATORS

    return [("", "None yet"), *((i.slug, i.name) for i in INDICATORS)]


class ActionForm(forms.Form):
    description = forms.CharField(
        label="What will be done", widget=forms.Textarea(attrs=TEXTAREA), max_length=4000
    )
    owner_agency = forms.ModelChoiceField(
        label="Owning agency",
        queryset=Agency.objects.order_by("name"),
        required=False,
        empty_label="Not an agency: a subgroup owns it",
        widget=forms.Select(attrs=SELECT),
    )
    owner_subgroup = forms.CharField(
        label="Or the owning subgroup",
        help_text="For example, Learning and Improvement subgroup",
        required=False,
        max_length=120,
        widget=forms.TextInput(attrs=INPUT),
    )
    deadline = forms.DateField(
        label="Deadline",
        help_text="For example, 2027-03-31 or 31/03/2027",
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs=DATE_INPUT),
    )
    expected_impact = forms.CharField(
        label="Expected impact for children",
        widget=forms.Textarea(attrs=TEXTAREA),
        max_length=4000,
    )
    how_we_will_know = forms.CharField(
        label="How we will know",
        help_text="The evidence that will show practice changed",
        widget=forms.Textarea(attrs=TEXTAREA),
        max_length=4000,
    )
    indicator = forms.ChoiceField(
        label="Indicator from the live record",
        required=False,
        widget=forms.Select(attrs=SELECT),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        indicator = self.fields["indicator"]
        assert isinstance(indicator, forms.ChoiceField)
        indicator.choices = _indicator_choices()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("owner_agency")) == bool((data.get("owner_subgroup") or "").strip()):
            self.add_error("owner_agency", "Choose an owning agency or name a subgroup, not both")
        return data

    def plan(self) -> Plan:
        data = self.cleaned_data
        return Plan(
            description=data["description"],
            deadline=data["deadline"],
            expected_impact=data["expected_impact"],
            how_we_will_know=data["how_we_will_know"],
            owner_agency=data["owner_agency"],
            owner_subgroup=data["owner_subgroup"],
            indicator=data["indicator"],
        )


class UpdateForm(forms.Form):
    status = forms.ChoiceField(
        label="Status now", choices=Status.choices, widget=forms.Select(attrs=SELECT)
    )
    note = forms.CharField(
        label="What has happened", widget=forms.Textarea(attrs=TEXTAREA), max_length=4000
    )
    evidence = forms.CharField(
        label="Evidence",
        help_text="Needed to complete: an audit, a figure, a document the board can see",
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        max_length=4000,
    )


class DeadlineForm(forms.Form):
    deadline = forms.DateField(
        label="New deadline",
        help_text="For example, 2027-06-30",
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs=DATE_INPUT),
    )
    reason = forms.CharField(
        label="Why the board agreed to move it",
        widget=forms.Textarea(attrs=TEXTAREA),
        max_length=2000,
    )
