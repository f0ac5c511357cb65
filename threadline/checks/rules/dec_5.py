"""DEC-5: when a parent completes a programme of work, the child's assessment is updated."""

from __future__ import annotations

from collections.abc import Iterator

from threadline.agencies.models import AgencyKind
from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import CARING_ADULT_ROLES, Facts, Happening, PersonView
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._planning import about, day_of, shown, start_of
from threadline.chronology.vocabulary import EventType
from threadline.people.models import RelationshipKind

ROLE_NAMES: dict[str, str] = {
    RelationshipKind.PARENT: "parent",
    RelationshipKind.STEP_PARENT: "step-parent",
    RelationshipKind.CARER: "carer",
    RelationshipKind.PARTNER: "partner",
    RelationshipKind.SIGNIFICANT_ADULT: "significant adult",
}


class AssessmentUpdatedAfterProgramme(Check):
    id = "DEC-5"
    title = "The child's assessment is updated when a parent completes a programme"
    provenance = (
        Provenance(
            "Ag",
            "Rec 2",
            "When a parent undertakes work to improve their parenting capacity, routine practice "
            "should be that the Social Worker must complete an updated Social Work assessment",
        ),
    )
    must = (
        "Update the child's assessment: what work the parent did, how they changed, and the "
        "impact on the child"
    )
    resolves = "an assessment of the child completed on or after the day the programme ended"
    timescale = Timescale(working_days=20)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        for role, adult, programme in self._programmes(facts):
            if not self._has_a_worker(child, programme):
                continue
            updated = child.happenings(
                EventType.ASSESSMENT_COMPLETED, after=start_of(day_of(programme))
            )
            yield Occurrence(
                key=occurrence_key(programme),
                trigger_at=programme.at,
                done=bool(updated),
                detail=f"{adult.person.full_name} ({ROLE_NAMES.get(role, role)}) completed a "
                f"programme on {shown(day_of(programme))}; the child's assessment has not been "
                "updated since.",
            )

    def _programmes(self, facts: Facts) -> Iterator[tuple[str, PersonView, Happening]]:
        """Programmes the adults caring for the child completed while linked to the child."""
        seen: set[tuple[int, str]] = set()
        for link in facts.subject.links:
            if link.role not in CARING_ADULT_ROLES:
                continue
            for programme in about(link.other, EventType.PROGRAMME_COMPLETED):
                if link.current_on(day_of(programme)) and programme.key not in seen:
                    seen.add(programme.key)  # one alert even when two links reach the same adult
                    yield link.role, link.other, programme

    def _has_a_worker(self, child: PersonView, programme: Happening) -> bool:
        """Only a child with a social worker or lead practitioner has an assessment to update."""
        day = day_of(programme)
        kinds = {episode.kind for episode in child.episodes}
        return bool(
            child.open_episodes(day, kinds)
            or child.open_involvements(day, AgencyKind.CHILDRENS_SOCIAL_CARE)
        )


CHECK = AssessmentUpdatedAfterProgramme()
