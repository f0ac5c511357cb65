import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def family(plan: str | None = "cin") -> Story:
    story = Story()
    story.child(born="2015-09-09")
    story.adult("dad", sex="male", born="1985-01-01")
    story.relate("dad", "child", "parent")
    story.involve("child", opened="2023-11-01")
    if plan:
        story.episode("child", plan, "2024-01-08")
    return story


def test_fires_ten_working_days_before_the_release_across_easter() -> None:
    story = family()
    story.event("2024-03-04", "release_planned", "dad", agency="probation", due="2024-04-15")
    story.replay(until="2024-04-05")
    # Ten working days before Monday 15 April, skipping Easter Monday and Good Friday: 28 March.
    assert raised_on("SHR-7") == dt.date(2024, 3, 28)
    what = raised("SHR-7")[0].what
    assert "Release of Dad Testfamily (parent) planned for 15 Apr 2024" in what


def test_quiet_when_probation_tells_social_care() -> None:
    story = family()
    story.event("2024-03-04", "release_planned", "dad", agency="probation", due="2024-04-15")
    story.event(
        "2024-03-05", "information_shared", "dad", "child", agency="probation", counterpart="csc"
    )
    story.replay(until="2024-04-20")
    assert raised("SHR-7") == []


def test_a_release_planned_at_short_notice_is_due_at_once() -> None:
    story = family(plan="cp")
    story.event("2024-04-08", "release_planned", "dad", agency="probation", due="2024-04-15")
    story.replay(until="2024-04-12")
    assert raised_on("SHR-7") == dt.date(2024, 4, 8)


def test_a_release_with_no_plan_on_record_is_due_the_same_day() -> None:
    story = family(plan="early_help")
    story.event("2024-04-08", "release_from_custody", "dad", agency="probation")
    story.replay(until="2024-04-12")
    assert raised_on("SHR-7") == dt.date(2024, 4, 8)
    assert "released on 08 Apr 2024 with no release plan on record" in raised("SHR-7")[0].what


def test_a_risk_to_children_reaches_mash_whether_or_not_there_is_a_plan() -> None:
    story = family(plan=None)
    story.event("2024-03-04", "risk_to_children_assessed", "dad", agency="probation")
    story.replay(until="2024-03-12")
    # No release date on record: two working days.
    assert raised_on("SHR-7") == dt.date(2024, 3, 6)


def test_late_sharing_resolves_the_alert() -> None:
    story = family()
    story.event("2024-03-04", "release_planned", "dad", agency="probation", due="2024-04-15")
    story.event("2024-04-02", "acknowledgement", "child", agency="csc", counterpart="probation")
    story.replay(until="2024-04-05")
    assert raised_on("SHR-7") == dt.date(2024, 3, 28)
    alert = Alert.objects.get(check_id="SHR-7")
    assert alert.state == AlertState.RESOLVED
    assert alert.resolution == Resolution.DONE


def test_quiet_for_a_release_when_the_child_has_no_plan() -> None:
    story = family(plan=None)
    story.event("2024-03-04", "release_planned", "dad", agency="probation", due="2024-04-15")
    story.replay(until="2024-04-20")
    assert raised("SHR-7") == []


def test_sharing_by_another_agency_is_not_probations_notice() -> None:
    story = family()
    story.event("2024-03-04", "release_planned", "dad", agency="probation", due="2024-04-15")
    story.event("2024-03-05", "information_shared", "child", agency="education", counterpart="csc")
    story.replay(until="2024-04-05")
    assert raised_on("SHR-7") == dt.date(2024, 3, 28)


def test_a_release_named_in_the_mothers_record_is_told_as_hers_to_know() -> None:
    story = family()
    story.adult("mum")
    story.relate("mum", "child", "parent")
    story.adult("ex", sex="male", born="1980-01-01")
    story.event(
        "2024-03-04",
        "release_planned",
        "ex",
        "mum",
        agency="probation",
        due="2024-04-15",
        roles={"mum": "victim"},
    )
    story.replay(until="2024-04-05")
    assert raised_on("SHR-7") == dt.date(2024, 3, 28)
    assert "Release of an adult linked to Mum Testfamily (parent)" in raised("SHR-7")[0].what
