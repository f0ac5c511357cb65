import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def mother_with_older_child(baby_born: str = "2024-10-21") -> Story:
    story = Story()
    story.adult("mum")
    story.child("older", born="2016-04-04")
    story.relate("mum", "older")
    story.child("baby", born=baby_born)
    story.relate("mum", "baby")
    return story


def test_fires_five_working_days_after_a_pregnancy_after_a_removal() -> None:
    story = mother_with_older_child()
    story.episode("older", "looked_after", "2024-03-04")
    story.event("2024-03-04", "pregnancy_booked", "mum")
    story.replay(until="2024-03-15")
    # Monday 4 March, five working days: Monday 11 March.
    assert raised_on("NET-4", "baby") == dt.date(2024, 3, 11)
    what = raised("NET-4", "baby")[0].what
    assert "Mother Mum Testfamily: Older Testfamily looked after from 04 Mar 2024" in what
    assert "baby due 21 Oct 2024" in what


def test_quiet_when_the_pre_birth_assessment_starts() -> None:
    story = mother_with_older_child()
    story.episode("older", "looked_after", "2024-03-04")
    story.event("2024-03-04", "pregnancy_booked", "mum")
    story.event("2024-03-07", "assessment_started", "baby", outcome="pre_birth")
    story.replay(until="2024-03-29")
    assert raised("NET-4", "baby") == []


def test_an_older_child_leaving_under_a_child_arrangements_order_counts() -> None:
    story = mother_with_older_child()
    story.episode("older", "cin", "2024-03-04", end="2024-04-01", closure_reason="RC3")
    story.event("2024-04-02", "pregnancy_booked", "mum")
    story.event("2024-04-05", "assessment_started", "mum", outcome="pre_birth")
    story.replay(until="2024-04-30")
    assert raised("NET-4", "baby") == []
    assert Alert.objects.get(check_id="NET-4").resolution == Resolution.DONE


def test_family_proceedings_after_a_birth_resolved_by_a_late_assessment() -> None:
    story = mother_with_older_child(baby_born="2024-02-26")
    story.event("2024-03-04", "court", "older", "mum", roles={"mum": "mentioned"})
    story.event("2024-03-13", "assessment_started", "baby")
    story.replay(until="2024-03-20")
    alert = Alert.objects.get(check_id="NET-4")
    assert raised_on("NET-4", "baby") == dt.date(2024, 3, 11)
    assert "family court hearing on 04 Mar 2024" in alert.what
    assert (alert.state, alert.resolution) == (AlertState.RESOLVED, Resolution.DONE)


def test_quiet_for_criminal_court_or_an_ordinary_closure() -> None:
    story = mother_with_older_child(baby_born="2024-02-26")
    story.event("2024-03-04", "court", "mum", agency="police")
    story.episode("older", "cin", "2024-01-08", end="2024-03-04", closure_reason="RC7")
    story.replay(until="2024-03-29")
    assert raised("NET-4", "baby") == []


def test_quiet_for_a_child_past_the_first_year() -> None:
    story = mother_with_older_child(baby_born="2022-01-10")
    story.episode("older", "looked_after", "2024-03-04")
    story.replay(until="2024-03-29")
    assert raised("NET-4", "baby") == []


def test_a_brother_or_sister_taken_into_care_during_the_first_year() -> None:
    story = mother_with_older_child(baby_born="2024-02-26")
    story.relate("older", "baby", "half_sibling")
    story.event("2024-03-04", "home_visit", "baby", "mum")
    story.episode("older", "looked_after", "2024-03-11")
    story.replay(until="2024-03-29")
    assert raised_on("NET-4", "baby") == dt.date(2024, 3, 18)


def test_a_removal_two_steps_away_is_noticed_when_it_is_recorded() -> None:
    story = mother_with_older_child(baby_born="2024-02-26")
    story.event("2024-03-04", "home_visit", "baby", "mum")
    story.episode("older", "looked_after", "2024-03-11")
    story.replay(until="2024-03-29")
    assert raised_on("NET-4", "baby") == dt.date(2024, 3, 18)
