"""Plans where the father or male carer is involved, read as NET-2 reads the record."""

from __future__ import annotations

import pytest

from tests.factories import RelationshipFactory, StatusEpisodeFactory
from tests.indicators.record import WINDOW, cells, child, day, event, man, north, south
from threadline.agencies.models import Agency
from threadline.casework.models import EpisodeKind
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType
from threadline.indicators.measures.fathers import count
from threadline.people.models import Person, RelationshipKind, Sex

pytestmark = pytest.mark.django_db

CORE_GROUP, REVIEW, CONFERENCE = EventType.CORE_GROUP, EventType.CIN_REVIEW, EventType.CONFERENCE


def on_plan(agency: Agency, kind: str = EpisodeKind.CHILD_PROTECTION) -> Person:
    ada = child()
    StatusEpisodeFactory(person=ada, agency=agency, kind=kind, started_on=day("2025-02-01"))
    return ada


def father_of(ada: Person, **extra: object) -> Person:
    dad = man()
    RelationshipFactory(person=dad, relative=ada, kind=RelationshipKind.PARENT, **extra)
    return dad


def test_father_involved_is_met_and_left_out_is_missed_in_each_agency_and_month() -> None:
    n, s = north(), south()
    ada, ben = on_plan(n), on_plan(s, EpisodeKind.CHILD_IN_NEED)
    ada_dad, ben_dad = father_of(ada), father_of(ben)
    # North: at March's core group; not at April's.
    event(n, CORE_GROUP, "2025-03-04", [ada, (ada_dad, SubjectRole.PRESENT)])
    event(n, CORE_GROUP, "2025-04-08", [ada])
    # South: invited to March's review (his own record answers it); April's left him out.
    review = event(s, REVIEW, "2025-03-12", [ben])
    event(s, EventType.INVITATION, "2025-03-01", [ben_dad], refers_to=review)
    event(s, REVIEW, "2025-04-09", [ben])

    assert cells(count(WINDOW)) == {
        ("2025-03", n.pk): (1, 1),
        ("2025-03", s.pk): (1, 1),
        ("2025-04", n.pk): (1, 0),
        ("2025-04", s.pk): (1, 0),
    }


def test_apologies_invitation_by_date_and_the_month_before_all_count_as_involved() -> None:
    n = north()
    ada = on_plan(n)
    dad = father_of(ada)
    event(n, CORE_GROUP, "2025-03-04", [ada, (dad, SubjectRole.APOLOGIES)])
    event(n, CORE_GROUP, "2025-04-08", [ada])
    event(n, EventType.MEETING_SCHEDULED, "2025-03-20", [dad], due_on=day("2025-04-08"))
    event(n, CONFERENCE, "2025-05-06", [ada])
    event(n, EventType.INVITATION, "2025-04-22", [dad])  # in the month before
    assert cells(count(WINDOW)) == {
        ("2025-03", n.pk): (1, 1),
        ("2025-04", n.pk): (1, 1),
        ("2025-05", n.pk): (1, 1),
    }


def test_one_meeting_without_him_misses_the_plans_month() -> None:
    n = north()
    ada = on_plan(n)
    dad = father_of(ada)
    event(n, CORE_GROUP, "2025-03-04", [ada, (dad, SubjectRole.PRESENT)])
    event(n, CONFERENCE, "2025-03-20", [ada])
    assert cells(count(WINDOW)) == {("2025-03", n.pk): (1, 0)}


def test_every_agencys_record_of_the_meeting_counts_once() -> None:
    n, s = north(), south()
    ada = on_plan(n)
    dad = father_of(ada)
    event(n, CORE_GROUP, "2025-03-04", [ada])
    event(s, CORE_GROUP, "2025-03-04", [ada, (dad, SubjectRole.PRESENT)])
    assert cells(count(WINDOW)) == {("2025-03", n.pk): (1, 1)}


def test_stepfathers_and_male_carers_count_mothers_do_not() -> None:
    n = north()
    ada, ben, cal = on_plan(n), on_plan(n), on_plan(n)
    step = man()
    RelationshipFactory(person=step, relative=ada, kind=RelationshipKind.STEP_PARENT)
    carer = man()
    RelationshipFactory(person=carer, relative=ben, kind=RelationshipKind.CARER)
    mother = child(born="1990-01-01", sex=Sex.FEMALE)
    RelationshipFactory(person=mother, relative=cal, kind=RelationshipKind.PARENT)
    for someone in (ada, ben, cal):
        event(n, CORE_GROUP, "2025-03-04", [someone])
    assert cells(count(WINDOW)) == {("2025-03", n.pk): (2, 0)}


def test_no_plan_or_no_known_man_that_day_means_nothing_is_due() -> None:
    n = north()
    off_plan = child()
    father_of(off_plan)
    event(n, CORE_GROUP, "2025-03-04", [off_plan])
    gone = on_plan(n)
    father_of(gone, ended_on=day("2025-03-01"))
    event(n, CORE_GROUP, "2025-03-04", [gone])
    later = on_plan(n)
    father_of(later, started_on=day("2025-04-01"))
    event(n, CORE_GROUP, "2025-03-04", [later])
    died = on_plan(n)
    dead = father_of(died)
    Person.objects.filter(pk=dead.pk).update(date_of_death=day("2025-02-10"))
    event(n, CORE_GROUP, "2025-03-04", [died])
    assert cells(count(WINDOW)) == {}


def test_a_plan_that_ended_is_not_counted_after() -> None:
    n = north()
    ada = child()
    StatusEpisodeFactory(
        person=ada,
        agency=n,
        kind=EpisodeKind.CHILD_PROTECTION,
        started_on=day("2025-02-01"),
        ended_on=day("2025-04-01"),
    )
    father_of(ada)
    event(n, CORE_GROUP, "2025-03-04", [ada])
    event(n, CORE_GROUP, "2025-04-08", [ada])
    assert cells(count(WINDOW)) == {("2025-03", n.pk): (1, 0)}
