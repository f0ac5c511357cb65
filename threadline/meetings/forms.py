"""Forms for booking, holding and minuting meetings. They check the shape of the input; the
services check the rules (timescales, who may do what) and name the field that broke one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from threadline.agencies.models import Agency
from threadline.chronology.vocabulary import Outcome
from threadline.meetings.models import Meeting, MeetingKind, Response
from threadline.meetings.selectors import Proposed
from threadline.sharing.forms import SharingForm

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"]
SELECT = {"class": "govuk-select"}
TEXTAREA = {"class": "govuk-textarea", "rows": 4}
DATE_INPUT = {"class": "govuk-input govuk-input--width-10"}
TIME_INPUT = {"class": "govuk-input govuk-input--width-5"}
DECISION_OUTCOMES = [
    ("", "No decision to record"),
    *(
        (o.value, o.label)
        for o in (
            Outcome.SECTION_47,
            Outcome.SINGLE_ASSESSMENT,
            Outcome.ICPC,
            Outcome.CP_PLAN,
            Outcome.CIN_PLAN,
            Outcome.EARLY_HELP,
            Outcome.STEP_DOWN,
            Outcome.CLOSURE,
            Outcome.NO_FURTHER_ACTION,
        )
    ),
]


class BookingForm(forms.Form):
    kind = forms.ChoiceField(
        label="Meeting", choices=MeetingKind.choices, widget=forms.Select(attrs=SELECT)
    )
    day = forms.DateField(
        label="Date",
        help_text="For example, 2024-03-27 or 27/03/2024",
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs=DATE_INPUT),
    )
    time = forms.TimeField(
        label="Time", help_text="For example, 10:00", widget=forms.TimeInput(attrs=TIME_INPUT)
    )
    venue = forms.CharField(
        label="Where",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "govuk-input"}),
    )
    delay_reason = forms.CharField(
        label="If it is later than the statutory timescale, why",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )
    invite = forms.MultipleChoiceField(
        label="Invite",
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "govuk-checkboxes__input"}),
    )

    def __init__(self, *args: Any, proposals: Sequence[Proposed], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.proposals = {p.key: p for p in proposals}
        invite = self.fields["invite"]
        assert isinstance(invite, forms.MultipleChoiceField)
        invite.choices = [(p.key, f"{p} ({p.why})") for p in proposals]
        invite.initial = list(self.proposals)

    def invited_agencies(self) -> list[Agency]:
        chosen = [self.proposals[key] for key in self.cleaned_data["invite"]]
        return [p.agency for p in chosen if p.agency is not None]

    def invited_people(self) -> list[Any]:
        chosen = [self.proposals[key] for key in self.cleaned_data["invite"]]
        return [p.person for p in chosen if p.person is not None]


class HeldForm(forms.Form):
    """The meeting happened: who came, what it decided, and its first action."""

    day = forms.DateField(
        label="Date held", input_formats=DATE_FORMATS, widget=forms.DateInput(attrs=DATE_INPUT)
    )
    time = forms.TimeField(label="Time", widget=forms.TimeInput(attrs=TIME_INPUT))
    attended = forms.MultipleChoiceField(
        label="Who came",
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "govuk-checkboxes__input"}),
    )
    outcome = forms.ChoiceField(
        label="Decision",
        required=False,
        choices=DECISION_OUTCOMES,
        widget=forms.Select(attrs=SELECT),
    )
    decision = forms.CharField(
        label="The decision in words",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        invitations = list(meeting.invitations.all())
        attended = self.fields["attended"]
        assert isinstance(attended, forms.MultipleChoiceField)
        attended.choices = [(str(i.pk), str(i)) for i in invitations]
        attended.initial = [str(i.pk) for i in invitations if i.response != Response.APOLOGIES]


class ActionForm(forms.Form):
    description = forms.CharField(
        label="Action", max_length=2000, widget=forms.Textarea(attrs={**TEXTAREA, "rows": 2})
    )
    agency = forms.ModelChoiceField(
        label="Agency responsible",
        queryset=Agency.objects.order_by("name"),
        widget=forms.Select(attrs=SELECT),
    )
    owner_name = forms.CharField(
        label="Named person",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "govuk-input"}),
    )
    due_on = forms.DateField(
        label="Due by", input_formats=DATE_FORMATS, widget=forms.DateInput(attrs=DATE_INPUT)
    )


class MinutesForm(forms.Form):
    text = forms.CharField(
        label="Minutes",
        required=False,
        help_text="They will open with the original reason for referral.",
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 12}),
    )
    upload = forms.FileField(
        label="Or upload the minutes",
        required=False,
        help_text="A PDF or Word document, at most 10 MB.",
        widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("text") or "").strip() and not data.get("upload"):
            self.add_error("text", "Write the minutes or upload them")
        return data


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="Why it is cancelled", max_length=1000, widget=forms.Textarea(attrs=TEXTAREA)
    )


class CirculateForm(SharingForm):
    """Circulating minutes shares them: the decision is confirmed as they go."""
