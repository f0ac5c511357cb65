"""The indicators read the record as the learning checks they evidence do: on the same record,
the check's occurrences are the indicator's due, and those done (in time) its met."""

from __future__ import annotations

import pytest

from tests.factories import InvolvementFactory, RelationshipFactory, StatusEpisodeFactory
from tests.indicators.record import WINDOW, child, day, event, man, moment, north
from threadline.casework.models import EpisodeKind
from threadline.checks.facts import load_facts
from threadline.checks.registry import get_check
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType, Outcome
from threadline.indicators.measures import assessments, fathers
from threadline.people.models import Person, RelationshipKind

pytestmark = pytest.mark.django_db


def occurrences(check_id: str, person: Person) -> list[bool]:
    facts = load_facts([person.pk], moment(WINDOW.today, 12))[person.pk]
    return [occurrence.done for occurrence in get_check(check_id).occurrences(facts)]


def test_assessments_count_dec_3s_occurrences() -> None:
    n = north()
    ada = child()
    InvolvementFactory(person=ada, agency=n, opened_on=day("2025-01-06"))
    # Completed in time; never completed; started without a referral and completed in time.
    event(n, EventType.REFERRAL, "2025-01-06", [ada], outcome=Outcome.SINGLE_ASSESSMENT)
    event(n, EventType.ASSESSMENT_COMPLETED, "2025-02-28", [ada])
    event(n, EventType.REFERRAL, "2025-03-03", [ada], outcome=Outcome.SECTION_47)
    event(n, EventType.ASSESSMENT_STARTED, "2025-03-03", [ada], outcome=Outcome.SECTION_47)
    done = occurrences("DEC-3", ada)
    tally = assessments.count(WINDOW)
    assert (tally.due, tally.met) == (len(done), sum(done)) == (2, 1)


def test_fathers_count_net_2s_occurrences() -> None:
    n = north()
    ada = child()
    StatusEpisodeFactory(
        person=ada, agency=n, kind=EpisodeKind.CHILD_PROTECTION, started_on=day("2025-02-01")
    )
    dad = man()
    RelationshipFactory(person=dad, relative=ada, kind=RelationshipKind.PARENT)
    event(n, EventType.CORE_GROUP, "2025-03-04", [ada, (dad, SubjectRole.PRESENT)])
    event(n, EventType.CORE_GROUP, "2025-04-08", [ada])
    event(n, EventType.CONFERENCE, "2025-05-06", [ada, (dad, SubjectRole.INVITED)])
    done = occurrences("NET-2", ada)
    tally = fathers.count(WINDOW)
    assert (tally.due, tally.met) == (len(done), sum(done)) == (3, 2)
