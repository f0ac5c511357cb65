"""Whether a child's plan is ready to step down, read the way the learning checks read it (PLN-3
and PLN-4), so the decision form and the alerts never disagree."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from threadline import clock
from threadline.casework.models import EpisodeKind, StatusEpisode
from threadline.checks.facts import load_facts
from threadline.checks.rules import pln_3, pln_4
from threadline.checks.rules._planning import StepDown
from threadline.chronology.models import Event
from threadline.meetings.models import Meeting
from threadline.people.models import Person

# Highest first: the plan a step-down moves down from.
STEPPED_FROM = (EpisodeKind.LOOKED_AFTER, EpisodeKind.CHILD_PROTECTION, EpisodeKind.CHILD_IN_NEED)


@dataclass
class Readiness:
    episode: StatusEpisode | None
    open_actions: list[str] = field(default_factory=list)
    discussed: bool = False
    concerns: list[str] = field(default_factory=list)
    appraised: bool = False

    def unmet(self, *, risk_appraisal: str = "") -> list[str]:
        """What stands in the way, in words a manager can weigh when overriding."""
        found = []
        if self.open_actions:
            found.append(
                f"{len(self.open_actions)} action(s) set for the family not completed: "
                + "; ".join(self.open_actions[:5])
            )
        if not self.discussed:
            found.append(
                f"no multi-agency meeting in the {pln_3.DISCUSSED_WITHIN} working days before"
            )
        if self.concerns and not (self.appraised or risk_appraisal.strip()):
            found.append(f"no risk appraisal while there are {'; '.join(self.concerns)}")
        return found


def current_plan(child: Person, day: dt.date) -> StatusEpisode | None:
    open_episodes = [
        e
        for e in StatusEpisode.objects.filter(person=child, started_on__lte=day)
        if e.ended_on is None or e.ended_on > day
    ]
    for kind in STEPPED_FROM:
        found = [e for e in open_episodes if e.kind == kind]
        if found:
            return min(found, key=lambda e: e.started_on)
    return None


def readiness(child: Person, meeting: Meeting | None = None) -> Readiness:
    now, today = clock.now(), clock.today()
    result = Readiness(current_plan(child, today))
    facts = load_facts({child.pk}, now).get(child.pk)
    if facts is None:
        return result
    proposal = StepDown(
        key="proposed", at=now, day=today, what="Step-down", at_a_meeting=meeting is not None
    )
    open_actions = pln_3.CHECK.outstanding_actions(facts, proposal)
    summaries = dict(
        Event.objects.filter(pk__in=[h.pk for h in open_actions]).values_list("pk", "summary")
    )
    result.open_actions = [summaries.get(h.pk, "an action") for h in open_actions]
    result.discussed = pln_3.CHECK.discussed(facts.subject, proposal)
    result.concerns = pln_4.CHECK.active_concerns(facts, today)
    result.appraised = pln_4.CHECK.appraised(facts.subject, today)
    return result
