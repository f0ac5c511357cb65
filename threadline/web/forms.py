"""Forms: they read and check what was typed; the selectors do the work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.safestring import SafeString, mark_safe

from threadline.chronology.selectors import (
    SIGNIFICANCE_AT_LEAST,
    ChronologyFilters,
    FilterOptions,
)
from threadline.chronology.vocabulary import EventType, Significance
from threadline.people.selectors import (
    SearchProblem,
    SearchTerms,
    parse_date_of_birth,
    parse_search_terms,
)


class SignInForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, strip=True)

    def clean_q(self) -> str:
        text: str = self.cleaned_data["q"]
        if text:
            try:
                self.cleaned_data["terms"] = parse_search_terms(text)
            except SearchProblem as problem:
                raise forms.ValidationError(str(problem)) from problem
        return text

    @property
    def terms(self) -> SearchTerms | None:
        return self.cleaned_data.get("terms") if self.is_valid() else None


class UKDateField(forms.DateField):
    """A date typed as dd/mm/yyyy (or yyyy-mm-dd), as practitioners write them."""

    def to_python(self, value: Any) -> dt.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value
        try:
            parsed = parse_date_of_birth(str(value).strip())
        except SearchProblem as problem:
            raise forms.ValidationError(f"{value} is not a real date") from problem
        if parsed is None:
            raise forms.ValidationError("Enter a date as dd/mm/yyyy, for example 27/03/2024")
        return parsed


SIGNIFICANCE_CHOICES = [
    ("", "All entries"),
    (Significance.SIGNIFICANT, "Significant and critical"),
    (Significance.CRITICAL, "Critical only"),
]


class ChronologyFilterForm(forms.Form):
    """The chronology's filters. Unknown agency or person ids simply match nothing, so the form
    checks only their shape and the selectors stay the single place that reads the record."""

    agency = forms.IntegerField(required=False, min_value=1)
    event_type = forms.ChoiceField(required=False, choices=[("", "All"), *EventType.choices])
    person = forms.IntegerField(required=False, min_value=1)
    significance = forms.ChoiceField(required=False, choices=SIGNIFICANCE_CHOICES)
    date_from = UKDateField(required=False)
    date_to = UKDateField(required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The 'to' date must be the same as or after the 'from' date")
        return cleaned

    def filters(self) -> ChronologyFilters:
        """The filters that were valid; a field with an error is left out, not guessed."""
        self.is_valid()  # cleaning keeps the valid fields even when another field has an error
        data = self.cleaned_data
        significance = data.get("significance") or ""
        return ChronologyFilters(
            agency_id=data.get("agency"),
            event_type=data.get("event_type") or "",
            other_person_id=data.get("person"),
            significance=significance if significance in SIGNIFICANCE_AT_LEAST else "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )


def describe_filters(filters: ChronologyFilters, options: FilterOptions) -> list[str]:
    """The filters in words, e.g. ['Police', 'Significant and critical', 'From 1 Jan 2024']."""
    agencies = dict(options.agencies)
    people = {person.pk: person.full_name for person in options.people}
    words = []
    if filters.agency_id is not None:
        words.append(agencies.get(filters.agency_id, "An agency with no entries"))
    if filters.event_type:
        words.append(EventType(filters.event_type).label)
    if filters.other_person_id is not None:
        who = people.get(filters.other_person_id, "someone not on these entries")
        words.append(f"Involving {who}")
    if filters.significance:
        words.append(dict(SIGNIFICANCE_CHOICES)[filters.significance])
    if filters.date_from is not None:
        words.append(f"From {filters.date_from.day} {filters.date_from:%b %Y}")
    if filters.date_to is not None:
        words.append(f"To {filters.date_to.day} {filters.date_to:%b %Y}")
    return words


def options_html(choices: Iterable[tuple[object, str]], current: object) -> SafeString:
    """``<option>`` elements, the one whose value is ``current`` (the submitted string, or None)
    selected. Written here rather than in the template, where a hundred options with a
    'selected' test each cost a millisecond of every chronology page."""
    chosen = None if current is None else str(current)
    return mark_safe(
        "".join(
            f'<option value="{escape(str(value))}"'
            f"{' selected' if str(value) == chosen else ''}>{escape(str(label))}</option>"
            for value, label in choices
        )
    )


@dataclass(frozen=True)
class FilterSelects:
    """The options of the chronology filter's four lists, as markup (the template holds each
    list's 'all' option)."""

    agencies: SafeString
    event_types: SafeString
    people: SafeString
    significance: SafeString


def filter_selects(form: ChronologyFilterForm, options: FilterOptions) -> FilterSelects:
    """What each list offers, with what was asked for selected (even if it was not valid)."""
    people = [(other.pk, other.full_name) for other in options.people]
    return FilterSelects(
        agencies=options_html(options.agencies, form["agency"].value()),
        event_types=options_html(options.event_types, form["event_type"].value()),
        people=options_html(people, form["person"].value()),
        significance=options_html(SIGNIFICANCE_CHOICES, form["significance"].value()),
    )
