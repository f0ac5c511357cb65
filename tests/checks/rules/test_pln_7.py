import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on

pytestmark = pytest.mark.django_db


def family(outcome: str = "supervised_contact_only") -> Story:
    """A written agreement on Monday 4 March 2024: the mother's partner is to have no
    unsupervised contact with the child."""
    story = Story()
    story.child()
    story.adult("mum")
    story.adult("partner", sex="male", born="1988-05-05")
    story.relate("mum", "child", "parent")
    story.relate("mum", "partner", "partner")
    story.relate("partner", "child", "significant_adult")
    story.involve("child", team="Child protection", team_kind="cp")
    story.episode("child", "cp", "2024-01-08", category_of_abuse="EMO")
    story.event(
        "2024-03-04",
        "written_agreement",
        "child",
        "mum",
        "partner",
        id="WA",
        outcome=outcome,
        roles={"partner": "monitored"},
    )
    return story


def test_fires_at_a_review_with_no_evidence_the_condition_is_monitored() -> None:
    story = family()
    story.event("2024-03-18", "core_group", "child", "mum")
    story.replay(until="2024-03-22")
    assert raised_on("PLN-7") == dt.date(2024, 3, 18)
    alert = raised("PLN-7")[0]
    assert alert.level == "urgent" and "Partner Testfamily" in alert.what


def test_quiet_when_monitoring_is_recorded_before_each_review() -> None:
    story = family()
    story.event("2024-03-15", "condition_monitored", "child", "partner", refers_to="WA")
    story.event("2024-03-18", "core_group", "child", "mum")
    story.event("2024-04-10", "condition_monitored", "partner", agency="probation")
    story.event("2024-04-15", "core_group", "child", "mum")
    story.replay(until="2024-04-30")
    assert raised("PLN-7") == []


def test_evidence_for_one_review_does_not_serve_the_next() -> None:
    story = family()
    story.event("2024-03-15", "condition_monitored", "child")
    story.event("2024-03-18", "core_group", "child")
    story.event("2024-04-15", "core_group", "child")
    story.replay(until="2024-04-19")
    assert raised_on("PLN-7") == dt.date(2024, 4, 15)


def test_the_adults_release_from_custody_needs_monitoring_at_once() -> None:
    story = family()
    story.event("2024-04-19", "release_from_custody", "partner", agency="probation")
    story.replay(until="2024-04-24")
    assert raised_on("PLN-7") == dt.date(2024, 4, 19)
    assert "release from custody on 19 Apr 2024" in raised("PLN-7")[0].what


def test_quiet_when_probation_monitors_the_condition_from_release() -> None:
    story = family()
    story.event("2024-04-19", "release_from_custody", "partner", agency="probation")
    story.event("2024-04-19", "condition_monitored", "partner", agency="probation")
    story.replay(until="2024-04-24")
    assert raised("PLN-7") == []


def test_an_incident_involving_the_adult_and_the_child_is_an_urgent_sign_of_breach() -> None:
    story = family()
    story.event(
        "2024-05-02",
        "domestic_abuse_incident",
        "mum",
        "partner",
        "child",
        agency="police",
        roles={"mum": "victim", "partner": "alleged_perpetrator", "child": "witness"},
    )
    story.replay(until="2024-05-07")
    assert raised_on("PLN-7") == dt.date(2024, 5, 2)
    alert = raised("PLN-7")[0]
    assert alert.level == "urgent" and "Domestic abuse incident on 02 May 2024" in alert.what
    # Still open days later: the tick sees the same adult on the record and keeps it raised.
    assert alert.state == "raised" and alert.rung >= 1


def test_a_strategy_discussion_after_the_breach_resolves_it() -> None:
    story = family()
    story.event("2024-05-02", "police_incident", "partner", "child", agency="police")
    story.event("2024-05-03", "strategy_discussion", "child", outcome="section_47")
    story.replay(until="2024-05-07")
    alert = raised("PLN-7")[0]
    assert alert.state == "resolved" and alert.resolution == "done"


def test_the_adult_found_at_the_home_breaks_a_condition_on_contact() -> None:
    story = family()
    story.event("2024-04-03", "home_visit", "child", "mum", "partner")
    story.replay(until="2024-04-05")
    assert raised_on("PLN-7") == dt.date(2024, 4, 3)


def test_quiet_for_ordinary_visits_and_supervised_contact() -> None:
    story = family()
    story.event("2024-04-03", "home_visit", "child", "mum")
    story.event("2024-04-10", "contact_session", "child", "partner")
    story.replay(until="2024-04-30")
    assert raised("PLN-7") == []


def test_an_unsupervised_contact_breaks_a_supervised_contact_condition() -> None:
    story = family()
    story.event("2024-04-10", "contact_session", "child", "partner", outcome="unsupervised")
    story.replay(until="2024-04-12")
    assert raised_on("PLN-7") == dt.date(2024, 4, 10)
