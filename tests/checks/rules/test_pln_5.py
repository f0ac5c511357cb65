import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.clock import local_date

pytestmark = pytest.mark.django_db


def family(end: str | None = None) -> Story:
    story = Story()
    story.child()
    story.involve("child", team="Child in need", team_kind="cin")
    story.episode("child", "cin", "2024-01-15", **({"end": end} if end else {}))
    return story


def test_fires_at_six_months_without_a_managers_review() -> None:
    story = family()
    story.replay(until="2024-07-19")
    assert raised_on("PLN-5") == dt.date(2024, 7, 15)
    assert "reaches 6 months on 15 Jul 2024" in raised("PLN-5")[0].what


def test_quiet_when_a_manager_reviews_in_the_month_before() -> None:
    story = family()
    story.event("2024-07-01", "management_review", "child")
    story.replay(until="2024-08-30")
    assert raised("PLN-5") == []


def test_a_review_long_before_the_six_month_point_does_not_count() -> None:
    story = family()
    story.event("2024-05-01", "management_review", "child")
    story.replay(until="2024-07-19")
    assert raised_on("PLN-5") == dt.date(2024, 7, 15)


def test_every_six_months_after() -> None:
    story = family()
    story.event("2024-07-01", "management_review", "child")
    story.replay(until="2025-01-17")
    alerts = raised("PLN-5")
    assert len(alerts) == 1 and "12 months on 15 Jan 2025" in alerts[0].what
    assert raised_on("PLN-5") == dt.date(2025, 1, 15)


def test_quiet_when_the_plan_ends_before_six_months() -> None:
    story = family(end="2024-06-28")
    story.replay(until="2024-08-30")
    assert raised("PLN-5") == []


def test_a_late_review_resolves_the_alert() -> None:
    story = family()
    story.event("2024-07-17", "management_review", "child")
    story.replay(until="2024-07-19")
    alert = raised("PLN-5")[0]
    assert alert.state == "resolved" and alert.resolution == "done"


def test_raised_on_time_at_twelve_months_even_with_nothing_recorded_meanwhile() -> None:
    story = family()
    story.replay(until="2025-01-17")
    days = [local_date(alert.raised_at) for alert in raised("PLN-5") if alert.raised_at]
    assert days == [dt.date(2024, 7, 15), dt.date(2025, 1, 15)]
