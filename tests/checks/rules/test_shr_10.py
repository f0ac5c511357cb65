import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def family(social_worker: bool = True) -> Story:
    story = Story()
    story.child(born="2015-09-09")
    if social_worker:
        story.involve("child", opened="2024-01-02")
    story.involve("child", agency="education", opened="2023-09-01")
    return story


def test_fires_the_next_working_day_when_a_schools_allegation_goes_nowhere() -> None:
    story = family()
    story.event("2024-03-07", "allegation", "child", agency="education")
    story.replay(until="2024-03-14")
    assert raised_on("SHR-10") == dt.date(2024, 3, 8)
    what = raised("SHR-10")[0].what
    assert "Allegation of harm recorded by School or early years on 07 Mar 2024" in what
    assert "the agency's safeguarding lead and the allocated social worker" in what


def test_quiet_when_the_lead_and_the_social_worker_are_told() -> None:
    story = family()
    story.event("2024-03-07", "injury_observed", "child", agency="education")
    story.event(
        "2024-03-07", "information_shared", "child", agency="education", counterpart="education"
    )
    story.event("2024-03-08", "information_shared", "child", agency="education", counterpart="csc")
    story.replay(until="2024-03-20")
    assert raised("SHR-10") == []


def test_sharing_with_social_care_alone_leaves_the_lead_untold() -> None:
    story = family()
    story.event("2024-03-07", "injury_observed", "child", agency="education")
    story.event("2024-03-07", "information_shared", "child", agency="education", counterpart="csc")
    story.replay(until="2024-03-14")
    assert raised_on("SHR-10") == dt.date(2024, 3, 8)


def test_without_a_social_worker_only_the_lead_must_be_told() -> None:
    story = family(social_worker=False)
    injury = story.event("2024-03-07", "injury_observed", "child", agency="education")
    story.event(
        "2024-03-07",
        "management_review",
        "child",
        agency="education",
        refers_to={"agency": "education", "id": injury},
    )
    story.replay(until="2024-03-20")
    assert raised("SHR-10") == []


def test_quiet_for_social_cares_own_record_or_a_child_alleged_to_have_harmed() -> None:
    story = family()
    story.event("2024-03-07", "allegation", "child", agency="csc")
    story.event(
        "2024-03-07",
        "allegation",
        "child",
        agency="education",
        roles={"child": "alleged_perpetrator"},
    )
    story.replay(until="2024-03-20")
    assert raised("SHR-10") == []


def test_late_sharing_resolves_the_alert() -> None:
    story = family()
    story.event("2024-03-07", "allegation", "child", agency="education")
    story.event(
        "2024-03-07", "information_shared", "child", agency="education", counterpart="education"
    )
    story.event("2024-03-12", "referral", "child", agency="education", counterpart="csc")
    story.replay(until="2024-03-14")
    assert raised_on("SHR-10") == dt.date(2024, 3, 8)
    alert = Alert.objects.get(check_id="SHR-10")
    assert alert.state == AlertState.RESOLVED
    assert alert.resolution == Resolution.DONE
