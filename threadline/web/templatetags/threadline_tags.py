"""How the record's values read on the page: ages, NHS numbers, status tags, filter links."""

from __future__ import annotations

import datetime as dt

from django import template
from django.core.paginator import Paginator
from django.utils.html import format_html
from django.utils.timesince import timesince

from threadline import clock
from threadline.casework.models import EpisodeKind, StatusEpisode
from threadline.people.models import Person
from threadline.people.selectors import current_status
from threadline.web import links
from threadline.web.presenters import ChronologyRow, rows_html

register = template.Library()


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}{'' if count == 1 else 's'} old"


def age_on(born: dt.date, today: dt.date) -> str:
    """Babies in weeks and months, as health and social care speak of them; others in years."""
    months = (today.year - born.year) * 12 + today.month - born.month - (today.day < born.day)
    if months < 1:
        days = (today - born).days
        return _plural(days // 7, "week") if days >= 7 else _plural(max(days, 0), "day")
    if months < 24:
        return _plural(months, "month")
    return _plural(months // 12, "year")


@register.filter
def age(person: Person) -> str:
    if person.date_of_birth is None:
        return ""
    until = person.date_of_death or clock.today()
    return age_on(person.date_of_birth, until)


@register.filter
def nhs_number(value: str) -> str:
    """NHS numbers are read and written in groups of 3, 3 and 4."""
    return f"{value[:3]} {value[3:6]} {value[6:]}" if len(value) == 10 else value


STATUS_TAGS: dict[str, str] = {
    EpisodeKind.LOOKED_AFTER: "govuk-tag--purple",
    EpisodeKind.CHILD_PROTECTION: "govuk-tag--red",
    EpisodeKind.CHILD_IN_NEED: "govuk-tag--orange",
    EpisodeKind.EARLY_HELP: "govuk-tag--blue",
}
STATUS_NAMES: dict[str, str] = {
    EpisodeKind.LOOKED_AFTER: "Looked after",
    EpisodeKind.CHILD_PROTECTION: "Child protection plan",
    EpisodeKind.CHILD_IN_NEED: "Child in need",
    EpisodeKind.EARLY_HELP: "Early help",
}


@register.filter
def status_tag(episode: StatusEpisode) -> str:
    return STATUS_TAGS.get(episode.kind, "govuk-tag--grey")


@register.filter
def status_name(episode: StatusEpisode) -> str:
    return STATUS_NAMES.get(episode.kind, episode.get_kind_display())


@register.filter
def status_now(person: Person) -> StatusEpisode | None:
    """The status of a person whose open episodes were prefetched (lists of people)."""
    return current_status(person.episodes.all(), clock.today())


@register.simple_tag(takes_context=True)
def filter_query(context: template.Context, **changes: object) -> str:
    """The current chronology filters as a query string, with ``changes`` (page=None drops)."""
    return links.filter_query(context["request"].GET, **changes)


@register.filter
def life_stage(person: Person) -> str:
    """The caption over a person's name: whether the record is about a child."""
    if person.is_unborn:
        return "Unborn baby"
    if person.date_of_birth is None:
        return "Person"
    until = person.date_of_death or clock.today()
    years = until.year - person.date_of_birth.year
    years -= (until.month, until.day) < (person.date_of_birth.month, person.date_of_birth.day)
    return "Child" if years < 18 else "Adult"


@register.filter
def elided_pages(paginator: Paginator[object], number: int) -> list[int | str]:
    """Page numbers around the current one, with the ends, and ellipses between."""
    return list(paginator.get_elided_page_range(number, on_each_side=2, on_ends=1))


@register.simple_tag
def born(person: Person) -> str:
    """Date of birth and age for lists of people: '3 Apr 2019 (5 years old)'. A tag, not an
    include, because it runs once per row."""
    if person.is_unborn and person.expected_date_of_birth is not None:
        due = person.expected_date_of_birth
        return format_html("Unborn, due {} {}", due.day, f"{due:%b %Y}")
    if person.date_of_birth is None:
        return "Not known"
    birth = person.date_of_birth
    return format_html(
        '{} {} <span class="tl-secondary">({})</span>', birth.day, f"{birth:%b %Y}", age(person)
    )


@register.filter
def time_since(day: dt.date) -> str:
    """'1 year, 3 months': Django's timesince, measured from Threadline's clock, not the wall's."""
    return timesince(day, now=clock.today())


@register.simple_tag
def chronology_rows(rows: list[ChronologyRow], expand_detail: bool = False) -> str:
    """The chronology table's rows, written in Python (``web.presenters.rows_html``): the
    hottest markup in Threadline."""
    return rows_html(rows, expand_detail=bool(expand_detail))
