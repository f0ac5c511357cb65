"""The chronology: merged across agencies, newest first, filtered, paged, corrections shown once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from tests.factories import EventFactory
from tests.web.builders import Family, at, feed, many_events
from threadline.chronology.models import Event
from threadline.chronology.selectors import (
    PAGE_SIZE,
    ChronologyFilters,
    child_chronology,
    filter_options,
)
from threadline.chronology.vocabulary import DatePrecision, EventType, Significance
from threadline.people.models import Person
from threadline.web.presenters import occurred_text as occurred


def summaries(person: Person, **filters: object) -> list[str]:
    page = child_chronology(person, ChronologyFilters(**filters))  # type: ignore[arg-type]
    return [entry.event.summary for entry in page]


def test_entries_from_every_agency_newest_first(family: Family) -> None:
    assert summaries(family.child) == [
        "Home visit: John seen alone in his bedroom",
        "Police called to the home: argument between parents",
        "Two-year review not attended",
        "Referral to early help: home conditions",
    ]


def test_filter_by_agency(family: Family) -> None:
    assert summaries(family.child, agency_id=family.police.pk) == [
        "Police called to the home: argument between parents"
    ]


def test_filter_by_event_type(family: Family) -> None:
    assert summaries(family.child, event_type=EventType.REFERRAL) == [
        "Referral to early help: home conditions"
    ]


def test_filter_by_another_person_on_the_event(family: Family) -> None:
    assert summaries(family.child, other_person_id=family.father.pk) == [
        "Police called to the home: argument between parents"
    ]
    assert summaries(family.child, other_person_id=family.mother.pk) == [
        "Police called to the home: argument between parents",
        "Referral to early help: home conditions",
    ]


def test_filter_by_least_significance(family: Family) -> None:
    assert summaries(family.child, significance=Significance.SIGNIFICANT) == [
        "Home visit: John seen alone in his bedroom",
        "Police called to the home: argument between parents",
    ]
    assert summaries(family.child, significance=Significance.CRITICAL) == [
        "Police called to the home: argument between parents"
    ]


def test_filter_by_dates_includes_both_ends(family: Family) -> None:
    assert summaries(family.child, date_from=dt.date(2023, 3, 1), date_to=dt.date(2023, 9, 29)) == [
        "Police called to the home: argument between parents",  # 00:00 on 29 Sep, UK time
        "Two-year review not attended",
    ]
    assert summaries(family.child, date_to=dt.date(2023, 9, 28)) == [
        "Two-year review not attended",
        "Referral to early help: home conditions",
    ]


def test_filters_combine(family: Family) -> None:
    assert summaries(
        family.child, agency_id=family.health_visiting.pk, event_type=EventType.MISSED_APPOINTMENT
    ) == ["Two-year review not attended"]
    assert summaries(family.child, agency_id=family.police.pk, event_type=EventType.REFERRAL) == []


def test_pages_of_fifty(family: Family) -> None:
    many_events(family, 120)  # 124 entries with the family's own four
    first = child_chronology(family.child, ChronologyFilters(), 1)
    last = child_chronology(family.child, ChronologyFilters(), 3)
    assert len(first) == PAGE_SIZE and first.paginator.num_pages == 3
    assert len(last) == 24
    beyond = child_chronology(family.child, ChronologyFilters(), 99)
    assert beyond.number == 3


def test_paging_is_stable_when_events_share_a_time(family: Family) -> None:
    same_moment = at(dt.date(2024, 1, 1))
    for n in range(60):
        EventFactory(
            agency=family.police, occurred_at=same_moment, summary=f"Tie {n}", people=[family.child]
        )
    seen = [
        entry.event.pk
        for number in (1, 2)
        for entry in child_chronology(family.child, ChronologyFilters(), number)
    ]
    assert len(seen) == len(set(seen)) == 64


def test_the_page_shows_entries_with_their_provenance(
    worker_client: Client, family: Family
) -> None:
    page = worker_client.get(reverse("person", args=[family.child.pk])).content.decode()
    assert "Domestic abuse incident" in page
    assert "Third party" in page and "Self-reported" in page and "Verified" in page
    assert "govuk-tag--red" in page  # critical
    assert "Neighbour reported shouting" in page  # the detail, in a details element
    assert "Hannah Okafor" in page  # a practitioner named only by the source
    assert "Showing 1 to 4 of 4 entries" in page


def test_filters_work_without_javascript(worker_client: Client, family: Family) -> None:
    page = worker_client.get(
        reverse("person", args=[family.child.pk]), {"agency": family.police.pk}
    ).content.decode()
    assert "Police called to the home" in page
    assert "Two-year review not attended" not in page
    assert "filtered: Northshire Police" in page


def test_htmx_gets_only_the_chronology_and_the_full_url_to_show(
    worker_client: Client, family: Family
) -> None:
    url = reverse("person-chronology", args=[family.child.pk])
    response = worker_client.get(
        url, {"agency": family.police.pk, "event_type": ""}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and "<h1" not in body
    assert "Police called to the home" in body and "Two-year review" not in body
    assert 'hx-swap-oob="innerHTML"' in body
    assert response["HX-Push-Url"] == (
        reverse("person", args=[family.child.pk]) + f"?agency={family.police.pk}"
    )


def test_the_chronology_url_without_htmx_goes_to_the_full_page(
    worker_client: Client, family: Family
) -> None:
    response = worker_client.get(
        reverse("person-chronology", args=[family.child.pk]), {"significance": "critical"}
    )
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("person", args=[family.child.pk]) + "?significance=critical#chronology"
    )


def test_the_htmx_chronology_is_need_to_know_too(outsider_client: Client, family: Family) -> None:
    response = outsider_client.get(
        reverse("person-chronology", args=[family.child.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 404


def test_pagination_links_keep_the_filters(worker_client: Client, family: Family) -> None:
    many_events(family, 60)
    page = worker_client.get(
        reverse("person", args=[family.child.pk]), {"agency": family.social_care.pk}
    ).content.decode()
    assert f"?agency={family.social_care.pk}&amp;page=2" in page
    assert "Showing 1 to 50 of 61 entries" in page


def test_a_bad_date_is_explained_and_the_other_filters_still_apply(
    worker_client: Client, family: Family
) -> None:
    page = worker_client.get(
        reverse("person", args=[family.child.pk]),
        {"agency": family.police.pk, "date_from": "31/02/2024"},
    ).content.decode()
    assert "31/02/2024 is not a real date" in page
    assert "Police called to the home" in page
    assert "Two-year review not attended" not in page


def test_a_correction_shows_only_the_current_version(worker_client: Client, family: Family) -> None:
    person = {
        "kind": "person",
        "agency": "police",
        "id": "P-77",
        "name": {"given": "Mia", "family": "Turner"},
        "date_of_birth": "2018-06-01",
        "nhs_number": "4010232137",
    }
    involvement = {
        "kind": "involvement",
        "agency": "csc",
        "id": "I-77",
        "person": {"agency": "police", "id": "P-77"},
        "opened": "2024-01-02",
    }
    event = {
        "kind": "event",
        "agency": "police",
        "id": "E-77",
        "type": "police_incident",
        "occurred": "2024-03-05",
        "people": ["P-77"],
        "summary": "Mia found alone at the bus station at 11pm",
    }
    feed(person, involvement, event)
    feed({**event, "summary": "Mia found alone at the railway station at 11pm"})
    child = Person.objects.get(nhs_number="4010232137")

    entries = list(child_chronology(child, ChronologyFilters()))
    assert [e.event.summary for e in entries] == ["Mia found alone at the railway station at 11pm"]
    assert entries[0].event.version == 2
    page = worker_client.get(reverse("person", args=[child.pk])).content.decode()
    assert "railway station" in page and "bus station" not in page
    assert "Corrected (version 2)" in page
    assert Event.objects.filter(source_id="E-77").count() == 2  # nothing is lost


@pytest.mark.parametrize(
    ("precision", "shown"),
    [
        (DatePrecision.MINUTE, "5 Mar 2024, 14:30"),
        (DatePrecision.DAY, "5 Mar 2024"),
        (DatePrecision.MONTH, "March 2024"),
        (DatePrecision.YEAR, "2024"),
    ],
)
def test_dates_say_no_more_than_the_source_knew(precision: str, shown: str) -> None:
    event = Event(occurred_at=dt.datetime(2024, 3, 5, 14, 30, tzinfo=dt.UTC), precision=precision)
    assert occurred(event) == shown


def test_filters_offer_only_what_the_chronology_holds(family: Family) -> None:
    options = filter_options(family.child)
    assert [name for _, name in options.agencies] == [
        "Northshire Children's Social Care",
        "Northshire Health Visiting",
        "Northshire Police",
    ]
    assert {value for value, _ in options.event_types} == {
        EventType.REFERRAL,
        EventType.DOMESTIC_ABUSE_INCIDENT,
        EventType.HOME_VISIT,
        EventType.MISSED_APPOINTMENT,
    }
    # People on the entries, and the recorded network even if on no entry.
    assert set(options.people) == {family.mother, family.father, family.stepfather}


def test_the_filters_in_use_are_said_in_words(worker_client: Client, family: Family) -> None:
    page = worker_client.get(
        reverse("person", args=[family.child.pk]),
        {"person": family.father.pk, "date_from": "01/03/2023", "date_to": "2023-12-31"},
    ).content.decode()
    assert "Showing 1 to 1 of 1 entry" in page
    assert f"Involving {escape(family.father.full_name)}" in page
    assert "From 1 Mar 2023, To 31 Dec 2023" in page


def test_a_to_date_before_the_from_date_is_refused(worker_client: Client, family: Family) -> None:
    page = worker_client.get(
        reverse("person", args=[family.child.pk]),
        {"date_from": "01/03/2024", "date_to": "01/02/2024"},
    ).content.decode()
    assert "must be the same as or after" in page


def test_entries_are_escaped_and_their_detail_keeps_its_paragraphs(
    worker_client: Client, family: Family
) -> None:
    EventFactory(
        agency=family.police,
        occurred_at=at(dt.date(2024, 5, 30)),
        summary='Note <script>alert("x")</script> & more',
        detail="First line <b>bold</b>\nsecond line\n\nNew paragraph",
        people=[family.child],
    )
    url = reverse("person", args=[family.child.pk])
    page = worker_client.get(url).content.decode()
    assert "<script>alert" not in page and "<b>bold" not in page
    assert escape('Note <script>alert("x")</script> & more') in page
    detail = f"<p>{escape('First line <b>bold</b>')}<br>second line</p>\n\n<p>New paragraph</p>"
    assert f'<div class="govuk-details__text">{detail}</div>' in page
    assert 'Detail<span class="govuk-visually-hidden"> of home visit on 30 May 2024</span>' in page
    printed = worker_client.get(reverse("person-chronology-print", args=[family.child.pk]))
    assert (
        f'<div class="govuk-body-s tl-entry__detail-text">{detail}</div>'
        in printed.content.decode()
    )


def test_the_filter_lists_show_what_was_asked_for(worker_client: Client, family: Family) -> None:
    page = worker_client.get(
        reverse("person", args=[family.child.pk]),
        {
            "agency": family.police.pk,
            "event_type": EventType.HOME_VISIT,
            "person": family.father.pk,
            "significance": Significance.CRITICAL,
        },
    ).content.decode()
    assert f'<option value="{family.police.pk}" selected>Northshire Police</option>' in page
    assert '<option value="home_visit" selected>Home visit</option>' in page
    assert f'<option value="{family.father.pk}" selected>' in page
    assert '<option value="critical" selected>Critical only</option>' in page
    assert page.count(" selected>") == 4
    assert "Northshire Children&#x27;s Social Care</option>" in page
