import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.assessments.conftest import incident
from tests.checks.family import at
from tests.meetings.conftest import Family
from threadline.assessments import childrisk
from threadline.assessments.models import ChildRiskAssessment
from threadline.assessments.services import AssessmentError, assess_child_risk
from threadline.checks.models import Alert, AlertState, Resolution
from threadline.chronology.models import Event
from threadline.chronology.vocabulary import EventType

GRADES = st.fixed_dictionaries({f: st.integers(min_value=0, max_value=4) for f in childrisk.FIELDS})


def graded(**grades: int) -> dict[str, int]:
    return {field: grades.get(field, 0) for field in childrisk.FIELDS}


def test_every_level_and_grade_is_explained() -> None:
    assert sorted(childrisk.LEVELS) == [1, 2, 3, 4]
    assert [str(level) for level in childrisk.LEVELS.values()] == [
        "Level 1: early help",
        "Level 2: medium",
        "Level 3: medium-high",
        "Level 4: high",
    ]
    assert all(len(factor.grades) == 4 for factor in childrisk.FACTORS)


@given(GRADES)
def test_the_level_is_the_highest_grade_and_at_least_one(grades: dict[str, int]) -> None:
    level = childrisk.overall_level(grades)
    assert level == max(1, *grades.values())
    assert level in childrisk.LEVELS


@given(GRADES, st.sampled_from(childrisk.FIELDS), st.integers(min_value=0, max_value=4))
def test_a_higher_grade_never_lowers_the_level(grades: dict[str, int], field: str, to: int) -> None:
    raised = {**grades, field: max(grades[field], to)}
    assert childrisk.overall_level(raised) >= childrisk.overall_level(grades)


@given(GRADES, st.integers(min_value=1, max_value=4))
def test_judgement_raises_but_never_lowers(grades: dict[str, int], to: int) -> None:
    assert childrisk.overall_level(grades, to) == max(childrisk.factor_level(grades), to)


@pytest.mark.django_db
def test_the_childs_level_is_written_as_a_risk_assessment(family: Family) -> None:
    at("2024-03-06")
    risk = assess_child_risk(
        family.child,
        by=family.staff["education"],
        grades=graded(present_or_injured=2, child_affected=3, escalation=1),
        notes="Ada is tired in class after incidents.",
    )
    assert risk.level == 3
    (event,) = Event.objects.filter(event_type=EventType.RISK_ASSESSMENT)
    assert event.summary == "Child's domestic abuse risk: Level 3: medium-high"
    assert event.agency.code == "education"
    assert event.detail.startswith("The child may suffer significant harm unless things change.")
    assert (
        "Are the child's behaviour, health or development affected? level 3: "
        "Withdrawn, aggressive, self-harming, or health care missed." in event.detail
    )
    assert [p.person for p in event.people.all()] == [family.child]


@pytest.mark.django_db
def test_raising_the_level_needs_a_reason(family: Family) -> None:
    at("2024-03-06")
    with pytest.raises(AssessmentError) as refused:
        assess_child_risk(family.child, by=family.worker, grades=graded(escalation=2), raised_to=4)
    assert refused.value.field == "judgement_reason"
    risk = assess_child_risk(
        family.child,
        by=family.worker,
        grades=graded(escalation=2),
        raised_to=4,
        judgement_reason="Father released from prison tomorrow",
    )
    assert risk.level == 4
    assert "Raised by professional judgement: Father released" in Event.objects.get().detail


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"grades": {"present_or_injured": 2}}, "under_one_or_unborn", "grade this factor"),
        ({"grades": graded(escalation=7)}, "escalation", "grade this factor"),
        ({"grades": graded(escalation=3), "raised_to": 2}, "raised_to", "not lowered"),
        ({"completed_on": dt.date(2024, 3, 7)}, "completed_on", "cannot be in the future"),
    ],
)
@pytest.mark.django_db
def test_bad_input_is_refused_and_nothing_written(
    family: Family, changes: dict, field: str, words: str
) -> None:
    at("2024-03-06")
    values: dict = {"grades": graded(escalation=1), **changes}
    with pytest.raises(AssessmentError) as refused:
        assess_child_risk(family.child, by=family.worker, **values)
    assert refused.value.field == field and words in refused.value.message
    assert ChildRiskAssessment.objects.count() == 0
    assert not Event.objects.filter(event_type=EventType.RISK_ASSESSMENT).exists()


@pytest.mark.django_db
def test_the_tool_is_for_children(family: Family) -> None:
    at("2024-03-06")
    with pytest.raises(AssessmentError) as refused:
        assess_child_risk(family.mother, by=family.worker, grades=graded())
    assert refused.value.field == "child" and "use the DASH checklist" in refused.value.message


@pytest.mark.django_db
def test_the_childs_risk_assessment_answers_the_plans_new_incident(family: Family) -> None:
    """RSK-2 asks for the plan's risk assessment to be reviewed after a new incident: the child's
    risk tool, completed after it, is that review."""
    incident("2024-03-04")
    (alert,) = Alert.objects.filter(check_id="RSK-2", subject=family.child)
    assert alert.state == AlertState.WATCHING
    at("2024-03-05")
    assess_child_risk(family.child, by=family.worker, grades=graded(present_or_injured=2))
    alert.refresh_from_db()
    assert alert.state == AlertState.RESOLVED and alert.resolution == Resolution.DONE
