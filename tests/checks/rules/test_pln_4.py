import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on

pytestmark = pytest.mark.django_db


def family() -> Story:
    story = Story()
    story.child()
    story.adult("mum")
    story.relate("mum", "child", "parent")
    story.involve("child", team="Child in need", team_kind="cin")
    story.episode("child", "cin", "2023-11-06")
    return story


def domestic_abuse(story: Story, day: str) -> None:
    story.event(day, "domestic_abuse_incident", "mum", agency="police", roles={"mum": "victim"})


def test_fires_when_a_case_closes_weeks_after_a_domestic_abuse_incident() -> None:
    story = family()
    domestic_abuse(story, "2024-04-10")
    story.event("2024-05-20", "decision", "child", outcome="closure")
    story.replay(until="2024-05-24")
    assert raised_on("PLN-4") == dt.date(2024, 5, 20)
    assert "domestic abuse incident" in raised("PLN-4")[0].what


def test_quiet_when_a_risk_appraisal_comes_first() -> None:
    story = family()
    domestic_abuse(story, "2024-04-10")
    story.event("2024-05-15", "risk_assessment", "child")
    story.event("2024-05-20", "decision", "child", outcome="closure")
    story.replay(until="2024-06-28")
    assert raised("PLN-4") == []


def test_poor_engagement_heightens_concern() -> None:
    story = family()
    story.event("2024-04-03", "missed_appointment", "mum", agency="drug_alcohol")
    story.event("2024-04-24", "child_not_seen", "child")
    story.event("2024-05-20", "decision", "child", outcome="step_down")
    story.replay(until="2024-05-24")
    assert raised_on("PLN-4") == dt.date(2024, 5, 20)
    assert "2 missed appointments or visits" in raised("PLN-4")[0].what


def test_quiet_when_engagement_was_good_and_nothing_happened() -> None:
    story = family()
    story.event("2024-04-03", "missed_appointment", "mum", agency="drug_alcohol")
    story.event("2024-04-24", "appointment_attended", "mum", agency="drug_alcohol")
    story.event("2024-05-20", "decision", "child", outcome="step_down")
    story.replay(until="2024-06-28")
    assert raised("PLN-4") == []


def test_an_incident_more_than_three_months_before_is_not_active() -> None:
    story = family()
    domestic_abuse(story, "2024-02-12")
    story.event("2024-05-20", "decision", "child", outcome="closure")
    story.replay(until="2024-05-24")
    assert raised("PLN-4") == []


def test_a_late_risk_appraisal_resolves_the_alert() -> None:
    story = family()
    domestic_abuse(story, "2024-04-10")
    story.event("2024-05-20", "decision", "child", outcome="closure")
    story.event("2024-05-22", "risk_assessment", "child")
    story.replay(until="2024-05-24")
    alert = raised("PLN-4")[0]
    assert alert.state == "resolved" and alert.resolution == "done"


def test_early_help_closing_because_the_family_did_not_engage() -> None:
    story = Story()
    story.child()
    story.adult("mum")
    story.relate("mum", "child", "parent")
    story.involve("child", team="Early help", team_kind="early_help")
    story.episode("child", "early_help", "2024-01-08", end="2024-05-20")
    story.event("2024-03-12", "missed_appointment", "mum", agency="health_visiting")
    story.event("2024-04-16", "child_not_seen", "child", agency="health_visiting")
    story.replay(until="2024-05-24")
    assert raised_on("PLN-4") == dt.date(2024, 5, 20)
    assert "Early help ended on 20 May 2024" in raised("PLN-4")[0].what


def test_one_alert_when_the_decision_and_the_plan_ending_are_both_recorded() -> None:
    story = Story()
    story.child()
    story.involve("child", team="Child in need", team_kind="cin")
    story.episode("child", "cin", "2023-11-06", end="2024-05-22")
    story.event("2024-04-10", "police_incident", "child", agency="police")
    story.event("2024-05-20", "decision", "child", outcome="closure")
    story.replay(until="2024-05-31")
    assert len(raised("PLN-4")) == 1 and raised_on("PLN-4") == dt.date(2024, 5, 20)
