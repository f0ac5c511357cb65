"""PLN-3: a step-down is decided in a multi-agency discussion once the actions set are done."""

from __future__ import annotations

from collections.abc import Iterator

from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening, PersonView
from threadline.checks.rules._planning import (
    MULTI_AGENCY_MEETINGS,
    STEP_DOWN_OUTCOMES,
    StepDown,
    about,
    answered,
    concerning,
    day_of,
    journey,
    nation_of,
    shown,
    step_downs,
    under_statutory_plan,
)
from threadline.chronology.vocabulary import EventType
from threadline.workingdays import subtract_working_days

DISCUSSED_WITHIN = 20  # working days before the decision


class StepDownReady(Check):
    id = "PLN-3"
    title = "A step-down is agreed in a multi-agency discussion, with the actions set done"
    provenance = (
        Provenance(
            "Ag",
            "findings",
            "As part of the step down process, the Child Protection Chair had asked for various "
            "actions to be completed. This did not happen.",
        ),
        Provenance(
            "Ag",
            "findings",
            "they felt the further step down from Child In Need to Early Help was not appropriate.",
        ),
        Provenance(
            "E",
            "question 6",
            "Should the closure of a Child in Need case be done in the context of a multi-agency "
            "discussion?",
        ),
    )
    must = (
        "Before stepping down or closing: complete the actions set, and take the decision in a "
        "multi-agency discussion"
    )
    resolves = (
        "every action set recorded as completed, and a multi-agency meeting in the 20 working "
        "days before the decision"
    )
    timescale = Timescale(working_days=None)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        for proposal in step_downs(child):
            if under_statutory_plan(child, proposal.day) is None:
                continue  # closing after an assessment, or early help: no plan to step down from
            outstanding = self.outstanding_actions(facts, proposal)
            discussed = self.discussed(child, proposal)
            yield Occurrence(
                key=proposal.key,
                trigger_at=proposal.at,
                done=not outstanding and discussed,
                detail=self._detail(proposal, outstanding, discussed),
            )

    def outstanding_actions(self, facts: Facts, proposal: StepDown) -> list[Happening]:
        """Actions set in this journey with services before the proposal, not recorded done.
        Actions set on the day of the proposal are set for the step-down it makes, not before it."""
        child = facts.subject
        episodes = journey(child, proposal.day)
        since = episodes[0].started_on if episodes else proposal.day
        people = [child, *facts.caring_adults(proposal.day)]
        return [
            action
            for action in about(child, EventType.ACTION_SET)
            if since <= day_of(action) < proposal.day
            and not answered(people, {action.key}, [EventType.ACTION_COMPLETED])
        ]

    def discussed(self, child: PersonView, proposal: StepDown) -> bool:
        """A meeting of the agencies in the weeks before, or the proposal made at one, or a later
        meeting that agreed it."""
        if proposal.at_a_meeting:
            return True
        first_day = subtract_working_days(proposal.day, DISCUSSED_WITHIN, nation_of(child))
        for meeting in concerning(child, *MULTI_AGENCY_MEETINGS):
            day = day_of(meeting)
            if first_day <= day <= proposal.day:
                return True
            if day > proposal.day and meeting.outcome in STEP_DOWN_OUTCOMES:
                return True
        return False

    def _detail(self, proposal: StepDown, outstanding: list[Happening], discussed: bool) -> str:
        gaps = []
        if outstanding:
            dates = ", ".join(shown(day_of(action)) for action in outstanding[:5])
            gaps.append(f"{len(outstanding)} action(s) not recorded as completed (set {dates})")
        if not discussed:
            gaps.append(f"no multi-agency meeting in the {DISCUSSED_WITHIN} working days before")
        return f"{proposal.what} on {shown(proposal.day)}: {'; '.join(gaps) or 'ready'}."


CHECK = StepDownReady()
