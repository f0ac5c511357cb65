import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def family_with_fathers_other_son() -> Story:
    story = Story()
    story.child()
    story.adult("dad", sex="male")
    story.child("bro", born="2015-07-07", sex="male")
    story.relate("dad", "child")
    story.relate("dad", "bro")
    story.involve("bro", opened="2024-01-08", lead_practitioner="Jo Other")
    story.episode("bro", "cp", "2024-01-08")
    story.involve("child", opened="2024-03-04", lead_practitioner="Sam Worker")
    return story


def test_fires_when_a_half_brother_elsewhere_is_on_a_plan_under_another_worker() -> None:
    story = family_with_fathers_other_son()
    story.replay(until="2024-03-15")
    # The child's involvement began on Monday 4 March: five working days is Monday 11 March.
    assert raised_on("NET-7") == dt.date(2024, 3, 11)
    what = raised("NET-7")[0].what
    assert (
        "Bro Testfamily (father's son) is on a child protection plan (lead practitioner Jo Other)"
        in what
    )


def test_quiet_when_the_lead_practitioners_discuss_the_children() -> None:
    story = family_with_fathers_other_son()
    story.event("2024-03-07", "joint_discussion", "child", "bro")
    story.replay(until="2024-03-22")
    assert raised("NET-7") == []


def test_a_joint_discussion_recorded_late_resolves_it() -> None:
    story = family_with_fathers_other_son()
    story.event("2024-03-13", "joint_discussion", "child")
    story.replay(until="2024-03-15")
    alert = Alert.objects.get(check_id="NET-7", subject__records__source_id="child")
    assert alert.raised_at is not None
    assert (alert.state, alert.resolution) == (AlertState.RESOLVED, Resolution.DONE)


def test_quiet_for_a_brother_on_the_same_plan_with_the_same_worker() -> None:
    story = Story()
    story.child()
    story.child("bro", born="2016-02-02", sex="male")
    story.relate("child", "bro", "sibling")
    for pid in ("child", "bro"):
        story.involve(pid, opened="2024-03-04", lead_practitioner="Sam Worker")
        story.episode(pid, "cp", "2024-03-04")
    story.replay(until="2024-03-22")
    assert raised("NET-7") == [] and raised("NET-7", "bro") == []


def test_a_new_link_to_a_looked_after_half_sister_starts_the_clock() -> None:
    story = Story()
    story.child()
    story.child("sis", born="2012-09-09")
    story.involve("child", opened="2024-03-04", lead_practitioner="Sam Worker")
    story.event("2024-03-07", "joint_discussion", "child")
    story.episode("sis", "looked_after", "2024-03-04")
    story.involve("sis", opened="2024-03-04", lead_practitioner="Lee Carer", team="Looked After")
    story.relate("sis", "child", "half_sibling", **{"from": "2024-04-02"})
    story.replay(until="2024-04-12")
    assert raised_on("NET-7") == dt.date(2024, 4, 9)
    assert "Sis Testfamily (half-sister) is looked after (lead practitioner Lee Carer)" in (
        raised("NET-7")[0].what
    )


def test_quiet_for_a_half_sister_on_the_family_plan_with_no_worker_of_her_own() -> None:
    story = Story()
    story.child()
    story.child("sis", born="2012-09-09")
    story.relate("sis", "child", "half_sibling")
    story.involve("child", opened="2024-03-04", lead_practitioner="Sam Worker")
    story.episode("child", "cin", "2024-03-04")
    story.episode("sis", "cin", "2024-03-04")
    story.replay(until="2024-03-22")
    assert raised("NET-7") == [] and raised("NET-7", "sis") == []
