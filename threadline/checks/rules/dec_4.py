"""DEC-4: the child is seen, seen alone where old enough, and heard, before work is completed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening
from threadline.checks.patterns import occurrence_key
from threadline.chronology.vocabulary import EventType

COMPLETIONS = (EventType.ASSESSMENT_COMPLETED, EventType.PLAN_REVIEWED, EventType.CONFERENCE)
WINDOW = dt.timedelta(days=92)
OLD_ENOUGH_TO_BE_SEEN_ALONE = 4.0


class ChildSeenAndHeard(Check):
    id = "DEC-4"
    title = "The child is seen, seen alone where old enough, and their views recorded"
    provenance = (
        Provenance(
            "Ak",
            "finding 2",
            "Child Ak's voice was not heard and his day-to-day life experiences were not known.",
        ),
        Provenance("BE", "finding 3", "In this case there was a lack of focus on Child BE."),
        Provenance(
            "Q",
            "learning points",
            "Ensure that you speak to a child alone in relation to any allegation of harm",
        ),
    )
    must = "See the child (alone where old enough) and record their wishes, feelings or lived experience"
    resolves = "the child seen (alone where old enough) and their views recorded in the three months before"
    timescale = Timescale(working_days=None)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        if child.person.date_of_birth is None:
            return
        for completion in child.happenings(*COMPLETIONS):
            missing = self._missing(facts, completion)
            yield Occurrence(
                key=occurrence_key(completion),
                trigger_at=completion.at,
                done=not missing,
                detail=f"{completion.type.replace('_', ' ').capitalize()} on "
                f"{completion.day:%d %b %Y} without: {', '.join(missing) or 'nothing'}.",
            )

    def _missing(self, facts: Facts, completion: Happening) -> list[str]:
        child = facts.subject
        since = completion.at - WINDOW
        seen_alone = child.happenings(EventType.CHILD_SEEN_ALONE, after=since, until=completion.at)
        seen = seen_alone or child.happenings(
            EventType.CHILD_SEEN, after=since, until=completion.at
        )
        heard = child.happenings(EventType.CHILD_VIEWS_RECORDED, after=since, until=completion.at)
        age = child.age_on(completion.day) or 0
        missing = []
        if not seen:
            missing.append("the child seen")
        if age >= OLD_ENOUGH_TO_BE_SEEN_ALONE and not seen_alone:
            missing.append("the child seen alone")
        if not heard:
            missing.append("the child's views or lived experience")
        return missing


CHECK = ChildSeenAndHeard()
