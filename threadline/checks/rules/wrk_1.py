"""WRK-1: when the allocated worker is away, a manager covers the actions falling due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from threadline.agencies.models import Absence, AgencyKind
from threadline.casework.models import Involvement
from threadline.checks.base import Actor, Check, Occurrence, Provenance
from threadline.checks.facts import Facts, Happening, PersonView
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._planning import (
    MULTI_AGENCY_MEETINGS,
    ByDate,
    about,
    answered,
    concerning,
    day_of,
    label,
    nation_of,
    shown,
    start_of,
)
from threadline.chronology.vocabulary import EventType
from threadline.workingdays import subtract_working_days

FALLING_DUE = (EventType.ACTION_SET, EventType.MEETING_SCHEDULED)
# A manager's review of the case made shortly before planned leave counts as arranging cover.
COVER_ARRANGED_BEFORE = dt.timedelta(days=10)


class ActionsCoveredInAbsence(Check):
    id = "WRK-1"
    title = "Actions falling due while the allocated worker is away are covered"
    provenance = (
        Provenance(
            "BE",
            "Rec 3",
            "Managers considering the impact of holiday periods and absence on services and "
            "on-going pieces of work",
        ),
    )
    must = "Reallocate or cover the actions due while the allocated worker is away"
    resolves = (
        "the action completed, the meeting held, another worker allocated, or a manager's "
        "review of the case recorded"
    )
    who = Actor.TEAM_MANAGER
    ladder = (Actor.SERVICE_MANAGER,)
    timescale = ByDate(working_days=None, wording="the working day before the action is due")

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        for involvement, absence in self._workers_away(child):
            for action in about(child, *FALLING_DUE):
                due = action.due_on
                if due is None or not absence.starts_on <= due <= absence.ends_on:
                    continue
                yield self._occurrence(facts, involvement, absence, action, due)

    def _workers_away(self, child: PersonView) -> Iterator[tuple[Involvement, Absence]]:
        """Absences of the social workers allocated to the child (``PersonView.absences``)."""
        absences = child.absences
        for involvement in child.involvements:
            if involvement.agency.kind != AgencyKind.CHILDRENS_SOCIAL_CARE:
                continue
            if involvement.closed_on is not None or involvement.lead_practitioner_id is None:
                continue
            for absence in absences:
                if absence.practitioner_id == involvement.lead_practitioner_id:
                    yield involvement, absence

    def _occurrence(
        self,
        facts: Facts,
        involvement: Involvement,
        absence: Absence,
        action: Happening,
        due: dt.date,
    ) -> Occurrence:
        child = facts.subject
        noticed = max(absence.starts_on, day_of(action))
        # Cover is needed before the day the action is due.
        cover_by = max(noticed, subtract_working_days(due, 1, nation_of(child)))
        worker = involvement.lead_practitioner_name or "The allocated worker"
        return Occurrence(
            key=f"absence:{absence.pk}:{occurrence_key(action)}",
            trigger_at=start_of(noticed),
            done=self._covered(facts, involvement, absence, action, due),
            due_on=cover_by,
            detail=f"{worker} is away {shown(absence.starts_on)} to {shown(absence.ends_on)}; "
            f"{label(action.type).lower()} on {shown(day_of(action))} is due {shown(due)} "
            "with no cover recorded.",
        )

    def _covered(
        self,
        facts: Facts,
        involvement: Involvement,
        absence: Absence,
        action: Happening,
        due: dt.date,
    ) -> bool:
        child = facts.subject
        if action.type == EventType.ACTION_SET:
            people = [child, *facts.caring_adults(day_of(action))]
            if answered(people, {action.key}, [EventType.ACTION_COMPLETED]):
                return True
        elif any(
            day_of(meeting) == due or meeting.refers_to == action.key
            for meeting in concerning(child, *MULTI_AGENCY_MEETINGS)
        ):
            return True
        return self._reallocated(child, involvement, due) or self._manager_reviewed(
            child, absence, due
        )

    def _reallocated(self, child: PersonView, away: Involvement, due: dt.date) -> bool:
        """Another social worker allocated to the child on the day the action is due."""
        return any(
            other.pk != away.pk
            and bool(other.lead_practitioner_id or other.lead_practitioner_name)
            and other.lead_practitioner_id != away.lead_practitioner_id
            for other in child.open_involvements(due, AgencyKind.CHILDRENS_SOCIAL_CARE)
        )

    def _manager_reviewed(self, child: PersonView, absence: Absence, due: dt.date) -> bool:
        since = start_of(absence.starts_on - COVER_ARRANGED_BEFORE)
        reviews = concerning(child, EventType.MANAGEMENT_REVIEW, after=since)
        return any(day_of(review) <= due for review in reviews)


CHECK = ActionsCoveredInAbsence()
