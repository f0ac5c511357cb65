"""The fields of a sharing decision, for any form that sends information to another agency."""

from __future__ import annotations

from django import forms

from threadline.sharing.models import Consent, LawfulBasis, SpecialCondition
from threadline.sharing.services import SharingBasis


class SharingFields(forms.Form):
    """Lawful basis, condition and consent; the form that uses it supplies the reason."""

    lawful_basis = forms.ChoiceField(
        label="Lawful basis for sharing",
        choices=LawfulBasis.choices,
        initial=LawfulBasis.PUBLIC_TASK,
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    special_condition = forms.ChoiceField(
        label="Condition for health, sexual life or criminal information in it",
        choices=SpecialCondition.choices,
        initial=SpecialCondition.SAFEGUARDING,
        required=False,
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    consent = forms.ChoiceField(
        label="The family's consent to sharing",
        choices=[("", "Choose"), *Consent.choices],
        widget=forms.Select(attrs={"class": "govuk-select"}),
        error_messages={"required": "Say whether the family consented"},
    )
    consent_note = forms.CharField(
        label="If shared without consent, or consent not sought: why",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 2}),
    )

    def basis(self, reason: str | None = None) -> SharingBasis:
        data = self.cleaned_data
        return SharingBasis(
            lawful_basis=data["lawful_basis"],
            special_condition=data.get("special_condition") or "",
            reason=reason if reason is not None else data.get("reason", ""),
            consent=data["consent"],
            consent_note=data.get("consent_note") or "",
        )


class SharingForm(SharingFields):
    """A sharing decision standing on its own: the reason is asked for here."""

    reason = forms.CharField(
        label="Why sharing is necessary and proportionate",
        max_length=2000,
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 3}),
    )
