"""DEC-4: the child is seen, seen alone where old enough, and heard, before work is completed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening, PersonView
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._planning import about, day_of, label, one_per_meeting, shown
from threadline.chronology.vocabulary import EventType

# A child in need review is the review of a CIN plan, as plan_reviewed is of any plan.
COMPLETIONS = (
    EventType.ASSESSMENT_COMPLETED,
    EventType.PLAN_REVIEWED,
    EventType.CIN_REVIEW,
    EventType.CONFERENCE,
)
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
        born = child.person.date_of_birth
        if born is None:
            return
        for completion in one_per_meeting(about(child, *COMPLETIONS)):
            if day_of(completion) < born:
                continue  # a pre-birth assessment or conference: there was no child to see yet
            missing = self._missing(child, completion)
            yield Occurrence(
                key=occurrence_key(completion),
                trigger_at=completion.at,
                done=not missing,
                detail=f"{label(completion.type)} on {shown(day_of(completion))} without "
                f"{', '.join(missing) or 'anything missing'} in the three months before.",
            )

    def _missing(self, child: PersonView, completion: Happening) -> list[str]:
        last_day = day_of(completion)
        first_day = last_day - WINDOW

        def within(*types: str) -> list[Happening]:
            return [h for h in child.happenings(*types) if first_day <= day_of(h) <= last_day]

        seen_alone = within(EventType.CHILD_SEEN_ALONE)
        seen = seen_alone or within(EventType.CHILD_SEEN)
        heard = within(EventType.CHILD_VIEWS_RECORDED)
        age = child.age_on(last_day) or 0
        missing = []
        if not seen:
            missing.append("the child seen")
        if age >= OLD_ENOUGH_TO_BE_SEEN_ALONE and not seen_alone:
            missing.append("the child seen alone")
        if not heard:
            missing.append("the child's views or lived experience recorded")
        return missing


CHECK = ChildSeenAndHeard()
