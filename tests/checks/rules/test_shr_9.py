import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertLevel, AlertState, Resolution

pytestmark = pytest.mark.django_db


def baby(born: str = "2024-01-15") -> Story:
    story = Story()
    story.child(born=born)
    story.involve("child", agency="health_visiting", opened=born)
    return story


def test_fires_urgently_the_same_day_for_a_bruised_baby() -> None:
    story = baby()
    story.event("2024-03-07", "injury_observed", "child", agency="health_visiting")
    story.event("2024-03-07", "paediatric_assessment", "child", agency="hospital")
    story.replay(until="2024-03-12")
    assert raised_on("SHR-9") == dt.date(2024, 3, 7)
    alert = raised("SHR-9")[0]
    assert alert.level == AlertLevel.URGENT
    assert "Injury or mark recorded on 07 Mar 2024 for a baby not yet mobile" in alert.what


def test_a_saturday_injury_is_due_that_saturday() -> None:
    story = baby()
    story.event("2024-03-09", "injury_observed", "child", agency="hospital")
    story.replay(until="2024-03-12")
    assert raised_on("SHR-9") == dt.date(2024, 3, 9)


def test_quiet_when_referred_and_assessed_the_same_day() -> None:
    story = baby()
    story.event("2024-03-07", "injury_observed", "child", agency="health_visiting")
    story.event("2024-03-07", "referral", "child", agency="health_visiting", counterpart="csc")
    story.event("2024-03-07", "paediatric_assessment", "child", agency="hospital")
    story.replay(until="2024-03-20")
    assert raised("SHR-9") == []


def test_social_cares_own_record_of_the_contact_counts() -> None:
    story = baby()
    story.event("2024-03-07", "injury_observed", "child", agency="gp")
    story.event("2024-03-07", "contact", "child", agency="csc")
    story.event("2024-03-07", "paediatric_assessment", "child", agency="hospital")
    story.replay(until="2024-03-20")
    assert raised("SHR-9") == []


def test_a_paediatric_assessment_the_next_day_resolves_it() -> None:
    story = baby()
    story.event("2024-03-07", "injury_observed", "child", agency="health_visiting")
    story.event("2024-03-07", "referral", "child", agency="health_visiting", counterpart="csc")
    story.event("2024-03-08", "paediatric_assessment", "child", agency="hospital")
    story.replay(until="2024-03-12")
    assert raised_on("SHR-9") == dt.date(2024, 3, 7)
    alert = Alert.objects.get(check_id="SHR-9")
    assert alert.state == AlertState.RESOLVED
    assert alert.resolution == Resolution.DONE


def test_quiet_for_a_child_who_is_mobile() -> None:
    story = baby(born="2023-01-15")
    story.event("2024-03-07", "injury_observed", "child", agency="health_visiting")
    story.replay(until="2024-03-12")
    assert raised("SHR-9") == []
