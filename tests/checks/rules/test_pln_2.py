import datetime as dt
from typing import Any

import pytest

from tests.checks.story import Story, raised, raised_on

pytestmark = pytest.mark.django_db

COMPLETE = {
    "risk": "The children are left unsupervised near water and roads",
    "change_wanted": "An adult supervises the children at bath time and outdoors",
    "achieve_by": "2024-06-03",
    "consequence": "Legal advice on the public law outline",
}


def family(status: str = "cp") -> tuple[Story, str]:
    story = Story()
    story.child()
    story.involve("child", team="Child protection", team_kind="cp")
    codes = {"category_of_abuse": "NEG"} if status == "cp" else {}
    story.episode("child", status, "2024-03-04", **codes)
    return story, story.records[-1]["id"]


def outcome(story: Story, episode: str, written: str, oid: str = "PO1", **parts: Any) -> None:
    story.records.append(
        {
            "kind": "plan_outcome",
            "agency": "csc",
            "id": oid,
            "episode": episode,
            "written": written,
            **parts,
        }
    )


def test_fires_when_an_outcome_does_not_say_what_happens_if_it_is_not_achieved() -> None:
    story, plan = family()
    outcome(story, plan, "2024-03-06", **{**COMPLETE, "consequence": ""})
    story.replay(until="2024-03-08")
    assert raised_on("PLN-2") == dt.date(2024, 3, 6)
    assert "what happens if it is not achieved" in raised("PLN-2")[0].what


def test_names_every_missing_part() -> None:
    story, plan = family()
    outcome(story, plan, "2024-03-06", change_wanted="Better home conditions")
    story.replay(until="2024-03-08")
    what = raised("PLN-2")[0].what
    assert "the risk" in what and "by when" in what and "Better home conditions" in what


def test_quiet_when_every_outcome_is_complete() -> None:
    story, plan = family()
    outcome(story, plan, "2024-03-06", **COMPLETE)
    outcome(story, plan, "2024-03-06", oid="PO2", **COMPLETE)
    story.replay(until="2024-04-30")
    assert raised("PLN-2") == []


def test_rewriting_the_outcome_in_full_resolves_the_alert() -> None:
    story, plan = family()
    outcome(story, plan, "2024-03-06", **{**COMPLETE, "achieve_by": None})
    outcome(story, plan, "2024-03-12", **COMPLETE)
    story.replay(until="2024-03-15")
    alert = raised("PLN-2")[0]
    assert alert.state == "resolved" and alert.resolution == "done"


def test_quiet_for_a_child_in_need_plan() -> None:
    story, plan = family(status="cin")
    outcome(story, plan, "2024-03-06", change_wanted="Better home conditions")
    story.replay(until="2024-03-15")
    assert raised("PLN-2") == []
