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
    return story


def self_report(story: Story, day: str = "2024-05-01") -> str:
    return story.event(day, "engagement", "mum", reliability="self_reported")


def test_fires_when_a_self_reported_engagement_is_never_confirmed() -> None:
    story = family()
    self_report(story)
    story.replay(until="2024-05-24")
    # 10 working days from Wednesday 1 May, over the early May bank holiday: Thursday 16 May.
    assert raised_on("DEC-6") == dt.date(2024, 5, 16)
    assert "self-reported" in raised("DEC-6")[0].what


def test_quiet_when_the_service_records_the_attendance() -> None:
    story = family()
    self_report(story)
    story.event("2024-05-08", "appointment_attended", "mum", agency="drug_alcohol")
    story.replay(until="2024-06-28")
    assert raised("DEC-6") == []


def test_quiet_when_the_service_tells_social_care() -> None:
    story = family()
    self_report(story)
    story.event("2024-05-09", "information_shared", "mum", agency="drug_alcohol", counterpart="csc")
    story.replay(until="2024-06-28")
    assert raised("DEC-6") == []


def test_quiet_when_a_service_confirms_its_own_clients_account_with_a_test() -> None:
    story = family()
    story.event(
        "2024-05-01", "drug_test", "mum", agency="drug_alcohol", reliability="self_reported"
    )
    story.event("2024-05-03", "drug_test", "mum", agency="drug_alcohol", outcome="negative")
    story.replay(until="2024-06-28")
    assert raised("DEC-6") == []


def test_social_care_marking_its_own_note_verified_is_not_confirmation() -> None:
    story = family()
    self_report(story)
    story.event("2024-05-02", "engagement", "mum")
    story.replay(until="2024-05-24")
    assert raised_on("DEC-6") == dt.date(2024, 5, 16)


def test_a_late_confirmation_resolves_the_alert() -> None:
    story = family()
    self_report(story)
    story.event("2024-05-20", "missed_appointment", "mum", agency="drug_alcohol")
    story.replay(until="2024-05-24")
    alert = raised("DEC-6")[0]
    assert alert.state == "resolved" and alert.resolution == "done"


def test_a_note_on_the_childrens_record_that_mentions_the_parent_counts() -> None:
    story = family()
    story.event(
        "2024-05-01",
        "engagement",
        "child",
        "mum",
        reliability="self_reported",
        roles={"mum": "mentioned"},
    )
    story.replay(until="2024-05-24")
    assert raised_on("DEC-6") == dt.date(2024, 5, 16)


def test_the_childs_own_self_report_is_not_a_parents() -> None:
    story = family()
    story.event("2024-05-01", "engagement", "child", reliability="self_reported")
    story.replay(until="2024-05-24")
    assert raised("DEC-6") == []
