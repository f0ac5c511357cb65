import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def family() -> Story:
    story = Story()
    story.child(born="2020-02-02")
    story.adult("mum")
    story.relate("mum", "child", "parent")
    story.involve("child", opened="2023-06-01")
    story.episode("child", "cin", "2023-06-01")
    return story


def test_fires_two_working_days_after_mental_health_opens_a_parents_case() -> None:
    story = family()
    story.involve("mum", agency="adult_mental_health", opened="2024-03-04")
    story.replay(until="2024-03-12")
    assert raised_on("SHR-8") == dt.date(2024, 3, 6)
    what = raised("SHR-8")[0].what
    assert (
        "Northshire adult_mental_health opened the case of Mum Testfamily (parent) on 04 Mar 2024"
        in what
    )


def test_quiet_when_the_service_tells_social_care() -> None:
    story = family()
    story.involve("mum", agency="adult_mental_health", opened="2024-03-04", closed="2024-05-20")
    story.event(
        "2024-03-05", "information_shared", "mum", agency="adult_mental_health", counterpart="csc"
    )
    story.event(
        "2024-05-20", "information_shared", "mum", agency="adult_mental_health", counterpart="csc"
    )
    story.replay(until="2024-05-31")
    assert raised("SHR-8") == []


def test_a_closing_recorded_twice_is_one_alert_and_counts_the_bank_holiday() -> None:
    story = family()
    story.involve("mum", agency="drug_alcohol", opened="2023-01-02", closed="2024-05-24")
    story.event("2024-05-24", "service_closed", "mum", agency="drug_alcohol")
    story.replay(until="2024-06-05")
    alerts = raised("SHR-8")
    assert len(alerts) == 1
    # Friday 24 May; Monday 27 May is a bank holiday: 28 and 29 May.
    assert raised_on("SHR-8") == dt.date(2024, 5, 29)
    assert "closed the case" in alerts[0].what


def test_late_sharing_resolves_the_alert() -> None:
    story = family()
    story.event("2024-03-04", "service_opened", "mum", agency="drug_alcohol")
    story.event("2024-03-08", "acknowledgement", "child", agency="csc", counterpart="drug_alcohol")
    story.replay(until="2024-03-12")
    assert raised_on("SHR-8") == dt.date(2024, 3, 6)
    alert = Alert.objects.get(check_id="SHR-8")
    assert alert.state == AlertState.RESOLVED
    assert alert.resolution == Resolution.DONE


def test_quiet_when_the_child_has_no_social_worker() -> None:
    story = Story()
    story.child(born="2020-02-02")
    story.adult("mum")
    story.relate("mum", "child", "parent")
    story.involve("child", agency="gp", opened="2023-06-01")
    story.involve("mum", agency="adult_mental_health", opened="2024-03-04")
    story.replay(until="2024-03-12")
    assert raised("SHR-8") == []


def test_quiet_for_a_grandparent_or_another_service() -> None:
    story = family()
    story.adult("gran", born="1960-01-01")
    story.relate("gran", "child", "grandparent")
    story.involve("gran", agency="adult_mental_health", opened="2024-03-04")
    story.involve("mum", agency="housing", opened="2024-03-04")
    story.replay(until="2024-03-12")
    assert raised("SHR-8") == []
