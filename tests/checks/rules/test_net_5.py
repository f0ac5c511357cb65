import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertLevel, AlertState, Resolution

pytestmark = pytest.mark.django_db


def family(restriction: str) -> Story:
    story = Story()
    story.child()
    story.adult("mum")
    story.adult("dad", sex="male")
    story.relate("mum", "child")
    story.relate("dad", "child")
    story.involve("child", opened="2024-03-01")
    story.event(
        "2024-03-04",
        "contact_restriction",
        "dad",
        "mum",
        "child",
        outcome=restriction,
        roles={"dad": "monitored", "mum": "subject", "child": "mentioned"},
    )
    return story


def test_unsupervised_contact_raises_an_urgent_alert_the_same_day() -> None:
    story = family("supervised_contact_only")
    story.event("2024-03-12", "contact_session", "child", "dad", outcome="unsupervised")
    story.replay(until="2024-03-15")
    assert raised_on("NET-5") == dt.date(2024, 3, 12)
    alert = raised("NET-5")[0]
    assert alert.level == AlertLevel.URGENT
    assert "Contact session on 12 Mar 2024 with father Dad Testfamily" in alert.what
    assert "(supervised contact only) since 04 Mar 2024" in alert.what


def test_quiet_for_supervised_contact_and_for_the_other_parent() -> None:
    story = family("supervised_contact_only")
    story.event("2024-03-12", "contact_session", "child", "dad")
    story.event("2024-03-14", "home_visit", "child", "dad", "mum")
    story.event("2024-03-18", "police_incident", "child", "mum")
    story.replay(until="2024-03-22")
    assert raised("NET-5") == []


def test_no_contact_broken_at_a_home_visit_resolved_by_a_strategy_discussion() -> None:
    story = family("no_contact")
    story.event("2024-03-12", "home_visit", "child", "mum", "dad", roles={"dad": "present"})
    story.event("2024-03-13", "strategy_discussion", "child")
    story.replay(until="2024-03-15")
    alert = Alert.objects.get(check_id="NET-5")
    assert raised_on("NET-5") == dt.date(2024, 3, 12)
    assert (alert.state, alert.resolution) == (AlertState.RESOLVED, Resolution.DONE)


def test_a_restriction_about_another_child_covers_this_one() -> None:
    story = Story()
    story.child()
    story.child("older", born="2012-05-05")
    story.adult("dad", sex="male")
    story.relate("dad", "child")
    story.relate("dad", "older")
    story.event(
        "2024-03-04",
        "contact_restriction",
        "dad",
        "older",
        outcome="supervised_contact_only",
        roles={"older": "mentioned"},
    )
    story.event(
        "2024-03-12",
        "domestic_abuse_incident",
        "child",
        "dad",
        agency="police",
        roles={"child": "present", "dad": "alleged_perpetrator"},
    )
    story.replay(until="2024-03-15")
    assert raised_on("NET-5") == dt.date(2024, 3, 12)


def test_quiet_after_the_restriction_is_lifted_or_ends() -> None:
    story = family("no_contact")
    story.event("2024-03-11", "contact_restriction", "dad", outcome="supervised_contact_only")
    story.event("2024-03-12", "home_visit", "child", "dad", roles={"dad": "present"})
    story.event("2024-03-13", "contact_restriction", "dad", outcome="no_contact", due="2024-03-18")
    story.event("2024-03-19", "contact_session", "child", "dad", outcome="unsupervised")
    story.replay(until="2024-03-22")
    assert raised("NET-5") == []


def test_the_restriction_is_about_the_perpetrator_not_the_parent_protecting_the_child() -> None:
    story = Story()
    story.child()
    story.adult("mum")
    story.adult("dad", sex="male")
    story.relate("mum", "child")
    story.relate("dad", "child")
    story.event(
        "2024-03-04",
        "contact_restriction",
        "mum",
        "dad",
        outcome="no_contact",
        roles={"dad": "alleged_perpetrator"},
    )
    story.event("2024-03-12", "home_visit", "child", "mum")
    story.event("2024-03-13", "contact_session", "child", "dad")
    story.replay(until="2024-03-15")
    assert [alert.what.count("father Dad") for alert in raised("NET-5")] == [1]
