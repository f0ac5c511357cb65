import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def family(known_from: str | None = "2024-01-08") -> Story:
    story = Story()
    story.child()
    story.adult("mum")
    story.adult("dad", sex="male")
    story.relate("mum", "child")
    story.relate("dad", "child")
    if known_from:
        story.involve("child", opened=known_from, team="Early Help")
        story.episode("child", "early_help", known_from)
    return story


def test_fires_five_working_days_after_the_second_factor() -> None:
    story = family()
    story.event(
        "2024-03-04",
        "domestic_abuse_incident",
        "mum",
        "dad",
        "child",
        agency="police",
        roles={"mum": "victim", "dad": "alleged_perpetrator", "child": "present"},
    )
    story.event("2024-03-12", "mental_health_crisis", "mum", agency="police")
    story.replay(until="2024-03-22")
    # Tuesday 12 March, five working days on: Tuesday 19 March.
    assert raised_on("RSK-1") == dt.date(2024, 3, 19)
    what = raised("RSK-1")[0].what
    assert "Together since 12 Mar 2024: domestic abuse (" in what
    assert "domestic abuse incident 04 Mar 2024)" in what
    assert (
        "parental mental ill-health (mother Mum Testfamily: mental health crisis 12 Mar 2024)"
        in what
    )


def test_an_open_drug_service_and_an_intoxicated_parent_count() -> None:
    story = family()
    story.involve("dad", agency="drug_alcohol", opened="2024-01-08", lead_practitioner="D")
    story.involve("mum", agency="adult_mental_health", opened="2024-03-04")
    story.event("2024-03-20", "risk_assessment", "child")
    story.replay(until="2024-03-29")
    alert = Alert.objects.get(check_id="RSK-1")
    assert raised_on("RSK-1") == dt.date(2024, 3, 11)
    assert (alert.state, alert.resolution) == (AlertState.RESOLVED, Resolution.DONE)


def test_quiet_when_the_risk_assessment_follows() -> None:
    story = family()
    story.event("2024-03-04", "substance_use", "dad")
    story.event("2024-03-06", "drug_test", "dad", outcome="positive")
    story.event("2024-03-12", "mental_health_crisis", "dad")
    story.event("2024-03-14", "risk_assessment", "child")
    story.event("2024-04-02", "police_incident", "dad", outcome="intoxicated")
    story.replay(until="2024-04-30")
    assert raised("RSK-1") == []


def test_a_third_factor_needs_the_assessment_revisited() -> None:
    story = family()
    story.event("2024-03-04", "substance_use", "dad")
    story.event("2024-03-12", "mental_health_crisis", "dad")
    story.event("2024-03-14", "risk_assessment", "child")
    story.event(
        "2024-04-02",
        "domestic_abuse_incident",
        "mum",
        "dad",
        roles={"mum": "victim", "dad": "alleged_perpetrator"},
    )
    story.replay(until="2024-04-30")
    assert raised_on("RSK-1") == dt.date(2024, 4, 9)


def test_quiet_for_one_factor_or_for_old_history() -> None:
    story = family()
    story.event("2023-01-09", "mental_health_crisis", "mum")
    story.event("2024-03-04", "substance_use", "dad")
    story.event("2024-03-06", "drug_test", "dad", outcome="positive")
    story.event("2024-03-07", "mental_health_crisis", "mum", roles={"mum": "mentioned"})
    story.event("2024-03-08", "drug_test", "mum", outcome="negative")
    story.replay(until="2024-03-29")
    assert raised("RSK-1") == []


def test_counts_from_when_children_s_services_become_involved() -> None:
    story = family(known_from=None)
    story.event("2024-03-04", "substance_use", "dad")
    story.event("2024-03-05", "mental_health_crisis", "mum")
    story.involve("child", opened="2024-04-02")
    story.replay(until="2024-04-30")
    # Nobody was allocated to assess until Tuesday 2 April: five working days on, 9 April.
    assert raised_on("RSK-1") == dt.date(2024, 4, 9)
    assert "Together since 05 Mar 2024" in raised("RSK-1")[0].what


def test_quiet_for_a_child_not_known_to_children_s_services() -> None:
    story = family(known_from=None)
    story.event("2024-03-04", "substance_use", "dad")
    story.event("2024-03-05", "mental_health_crisis", "mum")
    story.replay(until="2024-03-29")
    assert raised("RSK-1") == []


def test_a_mothers_partner_not_linked_to_the_child_is_counted() -> None:
    story = family()
    story.adult("partner", sex="male")
    story.relate("mum", "partner", "partner")
    story.event("2024-03-04", "substance_use", "partner")
    story.event("2024-03-05", "mental_health_crisis", "mum")
    story.replay(until="2024-03-22")
    assert raised_on("RSK-1") == dt.date(2024, 3, 12)
