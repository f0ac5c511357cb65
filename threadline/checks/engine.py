"""Runs the checks: incrementally for the people a change touched, and on the clock for deadlines.

Deadline scanning follows the healthchecks pattern: each open alert keeps the time it next needs
looking at in an indexed column; ``tick`` takes the due ones earliest first and claims them with
a conditional UPDATE, so two workers never act on the same alert.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q

from threadline import clock
from threadline.agencies.models import AgencyKind, Nation
from threadline.casework.models import Involvement, StatusEpisode
from threadline.checks.base import Check, Occurrence
from threadline.checks.deadlines import due_at, next_rung_at, remind_at
from threadline.checks.facts import Facts, linked_people, load_facts
from threadline.checks.models import (
    OPEN_STATES,
    Alert,
    AlertState,
    AlertStep,
    Resolution,
    StepKind,
)
from threadline.checks.recipients import Directory
from threadline.checks.registry import all_checks
from threadline.checks.services import escalate, notify, raise_alert, remind, resolve
from threadline.feeds.context import chunked

CLAIM_SECONDS = 300
TICK_BATCH = 2000
AlertKey = tuple[str, int, str]


@dataclass
class EvaluationResult:
    watched: int = 0
    raised: int = 0
    resolved: int = 0
    reminded: int = 0
    escalated: int = 0
    subjects: int = 0
    keys: set[AlertKey] = field(default_factory=set)


def applies(check: Check, facts: Facts) -> bool:
    return (
        not check.children_only
        or facts.subject.is_child_on(facts.today)
        or (
            facts.subject.person.date_of_birth is None
            and facts.subject.person.expected_date_of_birth is not None
        )
    )


def occurrences_for(facts: Facts) -> Iterable[tuple[Check, Occurrence]]:
    for check in all_checks().values():
        if applies(check, facts):
            for occurrence in check.occurrences(facts):
                yield check, occurrence


def _nations(subject_ids: Iterable[int]) -> dict[int, str]:
    """The nation whose bank holidays count for each subject: that of their children's services."""
    nations: dict[int, str] = {}
    for chunk in chunked(sorted(subject_ids)):
        rows = Involvement.objects.filter(
            person_id__in=chunk, agency__kind=AgencyKind.CHILDRENS_SOCIAL_CARE
        ).values_list("person_id", "agency__nation")
        nations.update(dict(rows))
    return nations


def _existing(subject_ids: set[int]) -> tuple[dict[AlertKey, Alert], set[AlertKey]]:
    """Open alerts by key, and the keys a professional judgement has closed for good."""
    open_alerts: dict[AlertKey, Alert] = {}
    judged: set[AlertKey] = set()
    for chunk in chunked(sorted(subject_ids)):
        rows = Alert.objects.filter(subject_id__in=chunk).filter(
            Q(state__in=OPEN_STATES) | Q(resolution=Resolution.JUDGEMENT)
        )
        for alert in rows.select_related("subject"):
            key = (alert.check_id, alert.subject_id, alert.occurrence)
            if alert.state == AlertState.RESOLVED:
                judged.add(key)
            else:
                open_alerts[key] = alert
    return open_alerts, judged


def _new_alert(check: Check, facts: Facts, occurrence: Occurrence, nation: str) -> Alert:
    return Alert(
        check_id=check.id,
        subject=facts.subject.person,
        occurrence=occurrence.key[:120],
        level=check.level,
        what=f"{check.must} ({check.who}, {check.timescale.describe()}). {occurrence.detail}"[:500],
        why=check.why[:1000],
        trigger_at=occurrence.trigger_at,
        due_at=due_at(check, occurrence, nation),
        remind_at=remind_at(check, occurrence, nation),
        nation=nation,
        state=AlertState.WATCHING,
    )


def _begin(alert: Alert, now: dt.datetime, result: EvaluationResult) -> list[AlertStep]:
    """A new alert is watched until due, or raised at once when already due; its inboxes are
    told by the next tick, so an ingest never waits on routing."""
    steps = [
        AlertStep(alert=alert, kind=StepKind.WATCHED, at=now, detail=f"due {alert.due_at:%Y-%m-%d}")
    ]
    if now >= alert.due_at:
        alert.state, alert.raised_at, alert.next_action_at = AlertState.RAISED, now, now
        steps.append(AlertStep(alert=alert, kind=StepKind.RAISED, at=now, detail="already due"))
        result.raised += 1
    else:
        alert.next_action_at = min(filter(None, (alert.remind_at, alert.due_at)))
        result.watched += 1
    return steps


def get_check_of(alert: Alert) -> Check:
    return all_checks()[alert.check_id]


def _close(alerts: list[tuple[Alert, Resolution]], now: dt.datetime) -> None:
    steps = []
    for alert, resolution in alerts:
        alert.state, alert.resolution, alert.resolved_at = AlertState.RESOLVED, resolution, now
        alert.next_action_at = None
        steps.append(
            AlertStep(alert=alert, kind=StepKind.RESOLVED, at=now, detail=resolution.label)
        )
    fields = ["state", "resolution", "resolved_at", "next_action_at"]
    Alert.objects.bulk_update([alert for alert, _ in alerts], fields, batch_size=1000)
    AlertStep.objects.bulk_create(steps, batch_size=2000)


@transaction.atomic
def evaluate(person_ids: Iterable[int], *, expand: bool = True) -> EvaluationResult:
    """Run every check for the people touched (and, with ``expand``, the people linked to them)."""
    now = clock.now()
    wanted = set(person_ids)
    subject_ids = linked_people(wanted) if expand else wanted
    result = EvaluationResult(subjects=len(subject_ids))
    facts_by_subject = load_facts(subject_ids, now)
    open_alerts, judged = _existing(subject_ids)
    nations = _nations(subject_ids)
    created: list[Alert] = []
    closing: list[tuple[Alert, Resolution]] = []
    for subject_id, facts in facts_by_subject.items():
        nation = nations.get(subject_id, Nation.ENGLAND)
        for check, occurrence in occurrences_for(facts):
            key = (check.id, subject_id, occurrence.key[:120])
            if key in result.keys:
                continue
            result.keys.add(key)
            alert = open_alerts.get(key)
            if occurrence.done and alert is not None:
                closing.append((alert, Resolution.DONE))
            elif not occurrence.done and alert is None and key not in judged:
                created.append(_new_alert(check, facts, occurrence, nation))
    for key, alert in open_alerts.items():
        if key[1] in facts_by_subject and key not in result.keys:
            closing.append((alert, Resolution.NO_LONGER_APPLIES))
    _close(closing, now)
    result.resolved += len(closing)
    steps = [step for alert in created for step in _begin(alert, now, result)]
    Alert.objects.bulk_create(created, batch_size=1000)
    for step in steps:
        step.alert_id = step.alert.pk
    AlertStep.objects.bulk_create(steps, batch_size=2000)
    return result


def _claim(now: dt.datetime, limit: int) -> list[Alert]:
    token = uuid.uuid4().hex
    due = Alert.objects.filter(state__in=OPEN_STATES, next_action_at__lte=now).filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    )
    ids = list(due.order_by("next_action_at").values_list("pk", flat=True)[:limit])
    claimed_until = now + dt.timedelta(seconds=CLAIM_SECONDS)
    for chunk in chunked(ids):
        # The same conditions again: a row another worker claimed meanwhile is not taken.
        due.filter(pk__in=chunk).update(claimed_until=claimed_until, claim_token=token)
    return list(Alert.objects.filter(claim_token=token).select_related("subject"))


def _advance(
    alert: Alert,
    occurrence: Occurrence | None,
    now: dt.datetime,
    directory: Directory,
    result: EvaluationResult,
) -> None:
    check = get_check_of(alert)
    if occurrence is None:
        resolve(alert, Resolution.NO_LONGER_APPLIES)
        result.resolved += 1
    elif occurrence.done:
        resolve(alert, Resolution.DONE)
        result.resolved += 1
    elif alert.state == AlertState.WATCHING and now < alert.due_at:
        remind(alert, directory)
        alert.next_action_at = alert.due_at
        result.reminded += 1
    elif alert.state == AlertState.WATCHING:
        raise_alert(alert, directory)
        alert.next_action_at = next_rung_at(check, alert.due_at, alert.nation)
        result.raised += 1
    elif alert.told_rung is None:
        notify(alert, rung=alert.rung, directory=directory)  # raised during an ingest
        alert.next_action_at = next_rung_at(check, now, alert.nation)
    elif escalate(alert, directory):
        alert.next_action_at = next_rung_at(check, now, alert.nation)
        result.escalated += 1
    else:
        alert.next_action_at = None  # the top of the ladder knows; it stays open until resolved
    alert.claimed_until, alert.claim_token = None, ""
    alert.save()


def tick(*, limit: int = TICK_BATCH) -> EvaluationResult:
    """Act on every alert whose next action time has come: raise, remind, escalate or resolve."""
    now = clock.now()
    total = EvaluationResult()
    while True:
        with transaction.atomic():
            claimed = _claim(now, limit)
            if not claimed:
                return total
            facts_by_subject = load_facts({a.subject_id for a in claimed}, now)
            current: dict[AlertKey, Occurrence] = {}
            for subject_id, facts in facts_by_subject.items():
                for check, occurrence in occurrences_for(facts):
                    current[(check.id, subject_id, occurrence.key[:120])] = occurrence
            directory = Directory(facts_by_subject)
            for alert in claimed:
                key = (alert.check_id, alert.subject_id, alert.occurrence)
                _advance(alert, current.get(key), now, directory, total)
            total.subjects += len(facts_by_subject)


SWEEP_BATCH = 2000


def people_under_watch() -> list[int]:
    """Everyone with open statutory work: the subjects whose checks can fall due with time alone
    (a plan reaching six months), not only when a record changes."""
    today = clock.today()
    open_episodes = StatusEpisode.objects.filter(started_on__lte=today).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=today)
    )
    open_work = Involvement.objects.filter(
        agency__kind=AgencyKind.CHILDRENS_SOCIAL_CARE, opened_on__lte=today
    ).filter(Q(closed_on__isnull=True) | Q(closed_on__gt=today))
    people = set(open_episodes.values_list("person_id", flat=True))
    people.update(open_work.values_list("person_id", flat=True))
    return sorted(people)


def sweep() -> EvaluationResult:
    """Evaluate every person under watch: run daily, beside the every-minute ``tick``."""
    total = EvaluationResult()
    for chunk in chunked(people_under_watch(), SWEEP_BATCH):
        result = evaluate(chunk, expand=False)
        total.subjects += result.subjects
        total.watched += result.watched
        total.raised += result.raised
        total.resolved += result.resolved
    return total
