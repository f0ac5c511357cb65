"""The choices on an indicator's page: whose figures, over how long, and (for the alerts
indicator) which learning check. They arrive in the query string, so every value is checked."""

from __future__ import annotations

from typing import Any

from django import forms

from threadline.agencies.models import Agency
from threadline.indicators.definitions import Indicator
from threadline.indicators.selectors import check_choices

MONTHS = (3, 6, 12, 24)
DEFAULT_MONTHS = 12
SELECT = {"class": "govuk-select"}


class FiguresForm(forms.Form):
    agency = forms.ModelChoiceField(
        label="Agency",
        queryset=Agency.objects.order_by("name"),
        required=False,
        empty_label="All agencies",
        widget=forms.Select(attrs=SELECT),
        error_messages={"invalid_choice": "Choose an agency from the list"},
    )
    months = forms.TypedChoiceField(
        label="Period",
        choices=[(n, f"Last {n} months") for n in MONTHS],
        coerce=int,
        required=False,
        initial=DEFAULT_MONTHS,
        widget=forms.Select(attrs=SELECT),
        error_messages={
            "invalid_choice": "Choose a period of "
            + ", ".join(str(n) for n in MONTHS[:-1])
            + f" or {MONTHS[-1]} months"
        },
    )
    check = forms.ChoiceField(
        label="Learning check",
        required=False,
        widget=forms.Select(attrs=SELECT),
        error_messages={"invalid_choice": "Choose a learning check from the list"},
    )

    def __init__(self, *args: Any, indicator: Indicator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        check = self.fields["check"]
        if indicator.by_check and isinstance(check, forms.ChoiceField):
            check.choices = [("", "All learning checks"), *check_choices()]
        else:
            del self.fields["check"]

    def clean_months(self) -> int:
        # Left out of the query string, the period is the default.
        return self.cleaned_data["months"] or DEFAULT_MONTHS
