"""The step-down decision form."""

from __future__ import annotations

from typing import Any

from django import forms

from threadline.meetings.models import Meeting
from threadline.stepdown.models import Destination

TEXTAREA = {"class": "govuk-textarea", "rows": 3}


class StepDownForm(forms.Form):
    destination = forms.ChoiceField(
        label="Decision",
        choices=Destination.choices,
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    meeting = forms.ModelChoiceField(
        label="Agreed at",
        required=False,
        empty_label="Not at a meeting",
        queryset=Meeting.objects.none(),
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    reason = forms.CharField(label="Reason", max_length=4000, widget=forms.Textarea(attrs=TEXTAREA))
    risk_appraisal = forms.CharField(
        label="Risk appraisal",
        required=False,
        help_text="Needed while risk factors are active or engagement is poor.",
        max_length=4000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )
    re_referral_signs = forms.CharField(
        label="On closure: what should bring the child back to social care",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )
    override_reason = forms.CharField(
        label="Manager's override: why step down with prerequisites unmet",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )

    def __init__(self, *args: Any, meetings: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        meeting = self.fields["meeting"]
        assert isinstance(meeting, forms.ModelChoiceField)
        meeting.queryset = meetings
