import datetime as dt

import pytest

from tests.checks.family import at, feed, strategy_discussion
from tests.meetings.conftest import Family
from threadline import clock
from threadline.assessments.models import Assessment, AssessmentKind, AssessmentOutcome
from threadline.assessments.selectors import gaps
from threadline.assessments.services import (
    AssessmentError,
    authorise_assessment,
    complete_assessment,
    record_child_seen,
    start_assessment,
)
from threadline.assessments.timescales import assessment_due, timescales
from threadline.checks.engine import tick
from threadline.checks.models import OPEN_STATES, Alert, AlertState, Resolution
from threadline.chronology.models import Event
from threadline.chronology.vocabulary import EventType, Outcome
from threadline.people.models import Person

pytestmark = pytest.mark.django_db

REFERRED = dt.date(2024, 3, 4)
STARTED = dt.date(2024, 3, 5)


def started(family: Family, kind: str = AssessmentKind.SINGLE_ASSESSMENT) -> Assessment:
    at("2024-03-05", 15)
    return start_assessment(
        family.child, kind=kind, by=family.worker, referred_on=REFERRED, started_on=STARTED
    )


def completed(family: Family, day: str = "2024-04-25", **changes: object) -> Assessment:
    return complete(family, started(family), day, **changes)


def complete(family: Family, assessment: Assessment, day: str, **changes: object) -> Assessment:
    at(day, 16)
    values: dict = {
        "completed_on": dt.date.fromisoformat(day),
        "outcome": AssessmentOutcome.CIN_PLAN,
        "analysis": "Ada is frightened at home when her parents argue.",
        "fathers_assessed": True,
        "child_seen_on": dt.date(2024, 3, 8),
        "child_seen_alone_on": dt.date(2024, 3, 15),
        "child_views": "Ada said she hides under her bed when daddy shouts.",
        **changes,
    }
    return complete_assessment(assessment, by=family.worker, **values)


def events(event_type: str) -> list[Event]:
    return list(Event.objects.filter(event_type=event_type, is_current=True).order_by("pk"))


def day_of(event: Event) -> dt.date:
    return clock.local_date(event.occurred_at)


def open_alerts(check_id: str) -> list[Alert]:
    return list(Alert.objects.filter(check_id=check_id, state__in=OPEN_STATES))


# Starting.


def test_a_single_assessment_is_due_45_working_days_from_referral(family: Family) -> None:
    assessment = started(family)
    assert assessment.due_on == dt.date(2024, 5, 9), "Good Friday, Easter and May Day out"
    assert assessment.lead_practitioner == family.worker
    (event,) = events(EventType.ASSESSMENT_STARTED)
    assert event.source_id == f"tl-assessment-{assessment.pk}-started"
    assert event.outcome == Outcome.SINGLE_ASSESSMENT
    assert event.due_on == dt.date(2024, 5, 9)
    assert event.agency.code == "csc"
    assert [p.person for p in event.people.all()] == [family.child]


@pytest.mark.parametrize(
    ("kind", "due"),
    [
        (AssessmentKind.SECTION_47, dt.date(2024, 3, 25)),
        (AssessmentKind.PARENTING, dt.date(2024, 5, 31)),
    ],
)
def test_other_kinds_follow_local_timescales(family: Family, kind: str, due: dt.date) -> None:
    assessment = started(family, kind)
    assert assessment.due_on == due
    assert events(EventType.ASSESSMENT_STARTED)[0].outcome == kind


def test_timescales_are_configuration(settings, family: Family) -> None:
    settings.THREADLINE_TIMESCALES = {"single_assessment_wd": 35, "minutes_wd": 15}
    assert timescales().minutes_wd == 15, "the meetings' timescales are read alongside"
    assert assessment_due(AssessmentKind.SINGLE_ASSESSMENT, REFERRED, "ENG") == dt.date(2024, 4, 24)
    assert started(family).due_on == dt.date(2024, 4, 24)


def test_starting_resolves_the_strategy_discussions_decision(family: Family) -> None:
    strategy_discussion("2024-03-04", outcome="single_assessment")
    assert [a.check_id for a in open_alerts("DEC-1")] == ["DEC-1"]
    started(family)
    assert open_alerts("DEC-1") == []


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"referred_on": dt.date(2024, 3, 6)}, "referred_on", "cannot be in the future"),
        ({"started_on": dt.date(2024, 3, 6)}, "started_on", "cannot be in the future"),
        ({"started_on": dt.date(2024, 3, 1)}, "started_on", "on or after its referral"),
        ({"kind": "home_visit"}, "kind", "not a kind of assessment"),
        ({"kind": AssessmentKind.PRE_BIRTH}, "kind", "for an unborn baby"),
    ],
)
def test_bad_starts_are_refused_and_nothing_is_written(
    family: Family, changes: dict, field: str, words: str
) -> None:
    at("2024-03-05", 15)
    values: dict = {
        "kind": AssessmentKind.SINGLE_ASSESSMENT,
        "referred_on": REFERRED,
        "started_on": STARTED,
        **changes,
    }
    with pytest.raises(AssessmentError) as refused:
        start_assessment(family.child, by=family.worker, **values)
    assert refused.value.field == field
    assert words in refused.value.message
    assert Assessment.objects.count() == 0
    assert events(EventType.ASSESSMENT_STARTED) == []


def test_a_single_assessment_is_social_cares(family: Family) -> None:
    at("2024-03-05", 15)
    with pytest.raises(AssessmentError) as refused:
        start_assessment(
            family.child,
            kind=AssessmentKind.SINGLE_ASSESSMENT,
            by=family.staff["health_visiting"],
            referred_on=REFERRED,
        )
    assert refused.value.field == "kind"
    parenting = start_assessment(
        family.child,
        kind=AssessmentKind.PARENTING,
        by=family.staff["health_visiting"],
        referred_on=REFERRED,
    )
    assert parenting.agency.code == "health_visiting"


def test_one_assessment_of_a_kind_at_a_time(family: Family) -> None:
    started(family)
    with pytest.raises(AssessmentError) as refused:
        started(family)
    assert "already in progress (started 05 March 2024)" in refused.value.message


def test_a_pre_birth_assessment_of_an_unborn_baby(family: Family) -> None:
    at("2024-03-05", 15)
    feed(
        {
            "kind": "person",
            "agency": "csc",
            "id": "unborn",
            "name": {"family": "Marsh"},
            "expected_date_of_birth": "2024-07-01",
        }
    )
    baby = Person.objects.get(records__source_id="unborn")
    assessment = start_assessment(
        baby, kind=AssessmentKind.PRE_BIRTH, by=family.worker, referred_on=REFERRED
    )
    assert events(EventType.ASSESSMENT_STARTED)[0].outcome == Outcome.PRE_BIRTH
    assert gaps(assessment) == [], "an unborn baby cannot yet be seen"


# Completing.


def test_completion_writes_the_child_seen_alone_and_heard_on_their_days(family: Family) -> None:
    assessment = completed(family)
    (done,) = events(EventType.ASSESSMENT_COMPLETED)
    assert done.outcome == Outcome.CIN_PLAN and day_of(done) == dt.date(2024, 4, 25)
    assert done.refers_to == events(EventType.ASSESSMENT_STARTED)[0]
    assert "Fathers and male carers assessed." in done.detail
    (seen,) = events(EventType.CHILD_SEEN)
    (alone,) = events(EventType.CHILD_SEEN_ALONE)
    (views,) = events(EventType.CHILD_VIEWS_RECORDED)
    assert day_of(seen) == dt.date(2024, 3, 8)
    assert day_of(alone) == dt.date(2024, 3, 15)
    assert day_of(views) == dt.date(2024, 3, 15), "heard when seen alone"
    assert "hides under her bed" in views.detail
    assert gaps(assessment) == []


COMPLETION_ERRORS = [
    ({"completed_on": dt.date(2024, 3, 4)}, "completed_on", "before it started"),
    ({"completed_on": dt.date(2024, 4, 26)}, "completed_on", "cannot be in the future"),
    ({"fathers_assessed": None}, "fathers_assessed", "say whether the child's father"),
    ({"fathers_assessed": False}, "fathers_note", "say why the child's father"),
    ({"analysis": "  "}, "analysis", "write the analysis"),
    ({"outcome": "closure"}, "outcome", "say what the assessment concluded"),
    ({"child_seen_on": dt.date(2024, 3, 1)}, "child_seen_on", "before the referral"),
    ({"child_seen_alone_on": dt.date(2024, 4, 26)}, "child_seen_alone_on", "in the future"),
]


@pytest.mark.parametrize(("changes", "field", "words"), COMPLETION_ERRORS)
def test_bad_completions_are_refused_and_nothing_is_written(
    family: Family, changes: dict, field: str, words: str
) -> None:
    with pytest.raises(AssessmentError) as refused:
        completed(family, **changes)
    assert refused.value.field == field
    assert words in refused.value.message
    assessment = Assessment.objects.get()
    assert assessment.completed_on is None and assessment.child_seen_on is None
    assert events(EventType.ASSESSMENT_COMPLETED) == []
    assert events(EventType.CHILD_SEEN) == []


def test_an_assessment_is_completed_once_and_by_its_agency(family: Family) -> None:
    assessment = completed(family)
    with pytest.raises(AssessmentError) as refused:
        complete_assessment(
            assessment,
            by=family.worker,
            completed_on=dt.date(2024, 4, 25),
            outcome=AssessmentOutcome.CIN_PLAN,
            analysis="Again",
            fathers_assessed=True,
        )
    assert "was completed on 25 April 2024" in refused.value.message
    other = started(family)
    with pytest.raises(AssessmentError) as refused:
        complete_assessment(
            other,
            by=family.staff["police"],
            completed_on=dt.date(2024, 3, 5),
            outcome=AssessmentOutcome.CIN_PLAN,
            analysis="Police view",
            fathers_assessed=True,
        )
    assert refused.value.field == "user"


def test_a_father_not_assessed_is_said_and_shown(family: Family) -> None:
    assessment = completed(
        family, fathers_assessed=False, fathers_note="He would not engage; two visits missed."
    )
    assert "not assessed: He would not engage" in events(EventType.ASSESSMENT_COMPLETED)[0].detail
    assert gaps(assessment) == [
        "The father or male carers were not assessed: He would not engage; two visits missed."
    ]


# Authorising.


def test_a_manager_authorises_and_the_review_answers_the_completion(family: Family) -> None:
    assessment = completed(family)
    at("2024-04-26")
    authorise_assessment(assessment, by=family.practice, note="Plan agreed with the family")
    (review,) = events(EventType.MANAGEMENT_REVIEW)
    assert review.refers_to == events(EventType.ASSESSMENT_COMPLETED)[0]
    assert review.summary == "Single assessment authorised by the practice manager"
    assert day_of(review) == dt.date(2024, 4, 26)
    with pytest.raises(AssessmentError) as refused:
        record_child_seen(assessment, by=family.worker, seen_on=dt.date(2024, 4, 1))
    assert "its record is closed" in refused.value.message


def test_authorisation_refusals(family: Family) -> None:
    assessment = started(family)
    with pytest.raises(AssessmentError) as refused:
        authorise_assessment(assessment, by=family.practice)
    assert refused.value.field == "assessment"
    complete(family, assessment, "2024-04-26")
    for who, words in (
        (family.worker, "practice, team or service manager"),
        (family.chair, "practice, team or service manager"),
    ):
        with pytest.raises(AssessmentError) as refused:
            authorise_assessment(assessment, by=who)
        assert words in refused.value.message
    with pytest.raises(AssessmentError) as refused:
        authorise_assessment(assessment, by=family.manager, on=dt.date(2024, 4, 27))
    assert refused.value.field == "on"
    assert events(EventType.MANAGEMENT_REVIEW) == []


def test_a_manager_does_not_authorise_their_own_assessment(family: Family) -> None:
    at("2024-03-05", 15)
    assessment = start_assessment(
        family.child,
        kind=AssessmentKind.SINGLE_ASSESSMENT,
        by=family.practice,
        referred_on=REFERRED,
    )
    at("2024-04-25")
    complete_assessment(
        assessment,
        by=family.practice,
        completed_on=dt.date(2024, 4, 25),
        outcome=AssessmentOutcome.EARLY_HELP,
        analysis="Needs met by early help",
        fathers_assessed=True,
    )
    with pytest.raises(AssessmentError) as refused:
        authorise_assessment(assessment, by=family.practice)
    assert "they completed" in refused.value.message
    authorise_assessment(assessment, by=family.manager)


# The learning checks on the real records.


def test_an_assessment_not_completed_in_time_escalates_then_resolves(family: Family) -> None:
    """DEC-3: the start is the clock (no referral is on record); due 45 working days later."""
    assessment = started(family)
    (alert,) = open_alerts("DEC-3")
    assert alert.state == AlertState.WATCHING
    assert "Assessment started on 05 Mar 2024 for a single assessment" in alert.what
    at("2024-05-10", 9)
    tick()
    alert.refresh_from_db()
    assert alert.state == AlertState.WATCHING, "due by the end of 10 May"
    at("2024-05-13", 9)
    tick()
    alert.refresh_from_db()
    assert alert.state == AlertState.RAISED
    at("2024-05-13", 15)
    complete_assessment(
        assessment,
        by=family.worker,
        completed_on=dt.date(2024, 5, 13),
        outcome=AssessmentOutcome.CIN_PLAN,
        analysis="Late, but complete.",
        fathers_assessed=True,
        child_seen_alone_on=dt.date(2024, 5, 1),
        child_views="Ada wants her dad to stop shouting.",
    )
    alert.refresh_from_db()
    assert alert.state == AlertState.RESOLVED and alert.resolution == Resolution.DONE


def test_completed_without_the_child_seen_alone_raises_dec4_until_recorded(family: Family) -> None:
    """DEC-4: Ada is four; an assessment completed without her seen alone and heard is a
    missed opportunity, put right when the visit that did happen is recorded."""
    assessment = completed(family, child_seen_alone_on=None, child_views="")
    (alert,) = open_alerts("DEC-4")
    assert alert.state == AlertState.RAISED
    assert "the child seen alone" in alert.what
    assert "views or lived experience" in alert.what
    assert gaps(assessment) == [
        "The child has not been recorded as seen alone.",
        "The child's wishes, feelings or lived experience are not recorded.",
    ]
    record_child_seen(
        assessment,
        by=family.worker,
        seen_alone_on=dt.date(2024, 4, 10),
        views="Ada drew her family and left her father out.",
    )
    alert.refresh_from_db()
    assert alert.state == AlertState.RESOLVED and alert.resolution == Resolution.DONE
    assert day_of(events(EventType.CHILD_VIEWS_RECORDED)[0]) == dt.date(2024, 4, 10)


def test_dec4_stays_quiet_when_the_child_was_seen_alone_and_heard(family: Family) -> None:
    completed(family)
    assert not Alert.objects.filter(check_id="DEC-4").exists()
    assert open_alerts("DEC-3") == []


def test_seen_dates_must_fall_within_the_assessment(family: Family) -> None:
    assessment = completed(family, child_seen_alone_on=None)
    at("2024-04-30")
    with pytest.raises(AssessmentError) as refused:
        record_child_seen(assessment, by=family.worker, seen_alone_on=dt.date(2024, 4, 26))
    assert refused.value.field == "child_seen_alone_on"
    assert "after the assessment's completion" in refused.value.message
    with pytest.raises(AssessmentError) as refused:
        record_child_seen(assessment, by=family.worker)
    assert refused.value.field == "child_seen_on"
    assert events(EventType.CHILD_SEEN_ALONE) == []
