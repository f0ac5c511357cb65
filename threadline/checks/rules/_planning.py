"""Readings of the record shared by the decision, planning and workforce checks (DEC, PLN, WRK).

Private to those checks (the registry skips modules starting with ``_``)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from threadline.agencies.models import AgencyKind, Nation
from threadline.casework.models import EpisodeKind, StatusEpisode
from threadline.checks.base import Timescale
from threadline.checks.deadlines import LONDON, local_day
from threadline.checks.facts import STATUTORY_KINDS, Facts, Happening, PersonView
from threadline.checks.patterns import occurrence_key
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType, Outcome

# Decisions that take a child to a lower level of intervention, or end it.
STEP_DOWN_OUTCOMES = frozenset({Outcome.STEP_DOWN, Outcome.CLOSURE})
PROPOSING = (
    EventType.DECISION,
    EventType.CONFERENCE,
    EventType.CIN_REVIEW,
    EventType.CORE_GROUP,
    EventType.MEETING,
)
# Levels of intervention, for telling a step-down from a step-up.
LEVELS: dict[str, int] = {
    EpisodeKind.EARLY_HELP: 1,
    EpisodeKind.CHILD_IN_NEED: 2,
    EpisodeKind.CHILD_PROTECTION: 3,
    EpisodeKind.LOOKED_AFTER: 4,
}
ENDED_NAMES: dict[str, str] = {
    EpisodeKind.EARLY_HELP: "Early help",
    EpisodeKind.CHILD_IN_NEED: "Child in need plan",
    EpisodeKind.CHILD_PROTECTION: "Child protection plan",
    EpisodeKind.LOOKED_AFTER: "Care (looked after)",
}
# A decision recorded within this of an episode's end is the proposal that ended it.
PROPOSED_AROUND = dt.timedelta(days=20)
# Meetings where agencies discuss the child together.
MULTI_AGENCY_MEETINGS = (
    EventType.CONFERENCE,
    EventType.CORE_GROUP,
    EventType.CIN_REVIEW,
    EventType.PROFESSIONALS_MEETING,
    EventType.MEETING,
    EventType.STRATEGY_DISCUSSION,
)
# Where an episode ends and the next starts within this gap, it is one journey with services.
JOURNEY_GAP = dt.timedelta(days=92)
# A closure decision may be recorded a little after the episode was closed.
RECENTLY_ENDED = dt.timedelta(days=14)
# Two agencies' records of one meeting may differ by a day or two.
RECORDS_APART = 2
# Roles that make the event about the person: what triggers a check for them.
SUBJECT_ROLES = frozenset(
    {SubjectRole.SUBJECT, SubjectRole.VICTIM, SubjectRole.ALLEGED_PERPETRATOR}
)
# Roles that mean the event is only about someone else.
PASSING_ROLES = frozenset({SubjectRole.MENTIONED, SubjectRole.INVITED, SubjectRole.APOLOGIES})


@dataclass(frozen=True)
class ByDate(Timescale):
    """A deadline set by a date in the record (``Occurrence.due_on``), described in words."""

    wording: str = "by the date set"

    def describe(self) -> str:
        return self.wording


def day_of(happening: Happening) -> dt.date:
    """The UK day an event happened on (as ``Happening.day``), for comparing with dates."""
    return local_day(happening.at)


def start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=LONDON)


def today(facts: Facts) -> dt.date:
    return local_day(facts.now)


def shown(day: dt.date | None) -> str:
    return f"{day:%d %b %Y}" if day else "an unknown date"


def label(event_type: str) -> str:
    return EventType(event_type).label if event_type in EventType.values else event_type


def outcome_label(outcome: str) -> str:
    return Outcome(outcome).label.lower() if outcome in Outcome.values else outcome


def concerns(happening: Happening) -> bool:
    """The person took part or was affected, not only mentioned or invited."""
    return happening.role not in PASSING_ROLES


def about(view: PersonView, *types: str, after: dt.datetime | None = None) -> list[Happening]:
    """Events about this person: a parent present at her child's review is not its subject."""
    return [h for h in view.happenings(*types, after=after) if h.role in SUBJECT_ROLES]


def concerning(view: PersonView, *types: str, after: dt.datetime | None = None) -> list[Happening]:
    """Events the person took part in or was affected by: evidence that something was done."""
    return [h for h in view.happenings(*types, after=after) if concerns(h)]


def one_per_day(happenings: Iterable[Happening], *, by_type: bool = True) -> list[Happening]:
    """One record per event type and day: when several agencies record the same event, the first
    recorded stands for it, so it raises one alert. Without ``by_type``, one a day."""
    return _first_of_each(happenings, lambda one, other: _same_day(one, other, by_type))


def one_per_meeting(happenings: Iterable[Happening]) -> list[Happening]:
    """One record per meeting, as ``one_per_day``, and also when another agency records it a day
    or two apart (agencies' records of one meeting often differ on the date)."""
    return _first_of_each(happenings, _same_meeting)


def _first_of_each(
    happenings: Iterable[Happening], same: Callable[[Happening, Happening], bool]
) -> list[Happening]:
    kept: list[Happening] = []
    for happening in sorted(happenings, key=lambda h: (h.recorded_at, h.key)):
        if not any(same(happening, other) for other in kept):
            kept.append(happening)
    return sorted(kept, key=lambda h: (h.at, h.key))


def _same_day(one: Happening, other: Happening, by_type: bool = True) -> bool:
    return (not by_type or one.type == other.type) and day_of(one) == day_of(other)


def _same_meeting(one: Happening, other: Happening) -> bool:
    if one.type != other.type:
        return False
    apart = abs((day_of(one) - day_of(other)).days)
    return apart == 0 or (apart <= RECORDS_APART and one.agency_id != other.agency_id)


def same_meeting(view: PersonView, happening: Happening) -> set[tuple[int, str]]:
    """The keys of every record of this meeting or event, whichever agency made it."""
    return {h.key for h in view.happenings(happening.type) if _same_meeting(h, happening)}


def same_day_records(view: PersonView, happening: Happening) -> set[tuple[int, str]]:
    """The keys of every record of this event on its day, whichever agency made it."""
    return {h.key for h in view.happenings(happening.type) if _same_day(h, happening)}


def step_down_proposals(view: PersonView) -> list[Happening]:
    """Decisions and meetings that propose a step-down or closure: one a day, as the meeting that
    proposed it and the manager's decision recording it are the same proposal."""
    proposals = [h for h in about(view, *PROPOSING) if h.outcome in STEP_DOWN_OUTCOMES]
    return one_per_day(proposals, by_type=False)


@dataclass(frozen=True)
class StepDown:
    """A step-down or closure: proposed at a meeting or by a decision, or, where the record
    holds no such proposal, seen in an episode ending with nothing as high after it."""

    key: str
    at: dt.datetime
    day: dt.date
    what: str  # for the alert: "Step down proposed", "Child in need plan ended"
    at_a_meeting: bool


def step_downs(view: PersonView) -> list[StepDown]:
    proposals = step_down_proposals(view)
    found = [
        StepDown(
            key=occurrence_key(p),
            at=p.at,
            day=day_of(p),
            what=f"{outcome_label(p.outcome).capitalize()} proposed",
            at_a_meeting=p.type in MULTI_AGENCY_MEETINGS,
        )
        for p in proposals
    ]
    for episode in view.episodes:
        ended = episode.ended_on
        if ended is None or not _stepped_down(view, episode, ended):
            continue
        if any(-PROPOSED_AROUND <= day_of(p) - ended <= PROPOSED_AROUND for p in proposals):
            continue  # the proposal that ended it stands for it
        found.append(
            StepDown(
                key=f"episode:{episode.agency_id}:{episode.source_id}:ended",
                at=start_of(ended),
                day=ended,
                what=f"{ENDED_NAMES.get(episode.kind, episode.kind)} ended",
                at_a_meeting=False,
            )
        )
    return sorted(found, key=lambda step: (step.at, step.key))


def _stepped_down(view: PersonView, episode: StatusEpisode, ended: dt.date) -> bool:
    """Nothing at the same level of intervention or higher carries on after the episode."""
    level = LEVELS.get(episode.kind, 0)
    return not any(
        other.pk != episode.pk and LEVELS.get(other.kind, 0) >= level and open_on(other, ended)
        for other in view.episodes
    )


def nation_of(view: PersonView) -> str:
    """The nation whose bank holidays count: that of the child's children's social care."""
    for involvement in view.involvements:
        if involvement.agency.kind == AgencyKind.CHILDRENS_SOCIAL_CARE:
            return involvement.agency.nation
    return Nation.ENGLAND


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day when it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def journey(view: PersonView, day: dt.date) -> list[StatusEpisode]:
    """The episodes (early help to care) of the child's current journey with services on ``day``:
    the chain of episodes each starting within three months of the one before ending."""
    chain: list[StatusEpisode] = []
    reach: dt.date | None = None
    for episode in sorted(view.episodes, key=lambda e: (e.started_on, e.pk)):
        if episode.started_on > day:
            break
        if reach is not None and episode.started_on > reach + JOURNEY_GAP:
            chain = []  # a gap: an earlier, finished journey
        chain.append(episode)
        ends = episode.ended_on or day
        reach = ends if reach is None else max(reach, ends)
    if reach is not None and reach + JOURNEY_GAP < day:
        return []  # every episode ended long before
    return chain


def under_statutory_plan(view: PersonView, day: dt.date) -> StatusEpisode | None:
    """The child in need, protection or care episode open on ``day``, or just ended before it (a
    closure decision is sometimes recorded after the episode was closed)."""
    for episode in sorted(view.episodes, key=lambda e: e.started_on, reverse=True):
        if episode.kind not in STATUTORY_KINDS or episode.started_on > day:
            continue
        if episode.ended_on is None or episode.ended_on >= day - RECENTLY_ENDED:
            return episode
    return None


def open_on(episode: StatusEpisode, day: dt.date) -> bool:
    return episode.started_on <= day and (episode.ended_on is None or episode.ended_on > day)


def answered(views: Iterable[PersonView], keys: set[tuple[int, str]], types: Iterable[str]) -> bool:
    """Whether any of these people's records answers (``refers_to``) one of these events."""
    wanted = set(types)
    return any(h.refers_to in keys and h.type in wanted for view in views for h in view.events)
