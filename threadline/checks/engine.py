"""Runs the checks: incrementally for the people a change touched, and on the clock for deadlines.

Deadline scanning follows the healthchecks pattern: each open alert keeps the time it next needs
looking at in an indexed column; ``tick`` takes the due ones earliest first and claims them with
a conditional UPDATE, so two workers never act on the same alert.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from django.db import connection, transaction
from django.db.models import Q, QuerySet

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
    Resolution,
    StepKind,
    among,
)
from threadline.checks.recipients import Directory
from threadline.checks.registry import all_checks
from threadline.checks.services import (
    ClaimedAlert,
    Routable,
    Writes,
    plan_escalate,
    plan_notify,
    plan_raise,
    plan_remind,
    plan_resolve,
)
from threadline.feeds.context import chunked

CLAIM_SECONDS = 300
TICK_BATCH = 5000
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


def _begin(alert: Alert, now: dt.datetime, writes: Writes, result: EvaluationResult) -> None:
    """A new alert is watched until due, or raised at once when already due; its inboxes are
    told by the next tick, so an ingest never waits on routing."""
    writes.step(alert, StepKind.WATCHED, now, detail=f"due {alert.due_at:%Y-%m-%d}")
    if now >= alert.due_at:
        plan_raise(alert, now=now, writes=writes, detail="already due")
        alert.next_action_at = now
        result.raised += 1
    else:
        alert.next_action_at = min(filter(None, (alert.remind_at, alert.due_at)))
        result.watched += 1


def get_check_of(alert: Routable) -> Check:
    return all_checks()[alert.check_id]


def _close(alerts: list[tuple[Alert, Resolution]], now: dt.datetime, writes: Writes) -> None:
    read = attrgetter(*RESOLVE_FIELDS)
    before = {alert.pk: read(alert) for alert, _ in alerts}
    for alert, resolution in alerts:
        plan_resolve(alert, resolution, now=now, writes=writes)
    save_changed([alert for alert, _ in alerts], before, RESOLVE_FIELDS)


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
    writes = Writes()
    _close(closing, now, writes)
    result.resolved += len(closing)
    for alert in created:
        _begin(alert, now, writes, result)
    Alert.objects.bulk_create(created, batch_size=1000)
    writes.save()
    return result


# What ``tick`` reads of a claimed alert, in ClaimedAlert's order; and what it may change.
CLAIMED_FIELDS = (
    "pk",
    "check_id",
    "subject_id",
    "state",
    "rung",
    "told_rung",
    "due_at",
    "nation",
    "next_action_at",
)
TICK_FIELDS = ("state", "raised_at", "rung", "told_rung", "next_action_at")
RESOLVE_FIELDS = (
    "state",
    "resolution",
    "resolution_reason",
    "resolved_by_id",
    "resolved_at",
    "next_action_at",
)


def _claim(now: dt.datetime, limit: int) -> tuple[list[ClaimedAlert], str | None]:
    """Take up to ``limit`` due alerts, earliest first, for this transaction; and the claim token
    their rows carry, or None where the rows are locked instead."""
    # ``exclude(state=RESOLVED)`` spells out the partial index's own condition: SQLite uses the
    # index only then (``state IN (...)`` alone scanned the whole table at every tick).
    due = (
        Alert.objects.exclude(state=AlertState.RESOLVED)
        .filter(state__in=OPEN_STATES, next_action_at__lte=now)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
    )
    if connection.vendor == "postgresql":
        _take_turn()
        rows = due.order_by("next_action_at", "pk").values_list(*CLAIMED_FIELDS)[:limit]
        return [ClaimedAlert(*row) for row in rows], None
    token = uuid.uuid4().hex
    return _claim_by_token(due, now, limit, token), token


# PostgreSQL's advisory lock for a batch of ``tick``.
TICK_LOCK = 0x7469636B


def _take_turn() -> None:
    """Wait for any other worker's batch to commit, then hold the turn until this one does.

    Workers take turns batch by batch, so none acts on an alert another is acting on, and
    nothing is written to claim rows (locking 50,000 rows one by one, or marking them claimed,
    costs a tick a second). The batch's commit need not wait for the disk: should the server
    fail within the moment after, the alerts come due again and the next tick does them again.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [TICK_LOCK])
        cursor.execute("SET LOCAL synchronous_commit TO OFF")


def _claim_by_token(
    due: QuerySet[Alert], now: dt.datetime, limit: int, token: str
) -> list[ClaimedAlert]:
    """A conditional UPDATE: a row another worker claimed meanwhile no longer meets the
    conditions and is not taken (SQLite has no row locks)."""
    ids = list(due.order_by("next_action_at").values_list("pk", flat=True)[:limit])
    if not ids:
        return []
    claimed_until = now + dt.timedelta(seconds=CLAIM_SECONDS)
    due.filter(pk__in=among(ids)).update(claimed_until=claimed_until, claim_token=token)
    rows = Alert.objects.filter(pk__in=among(ids), claim_token=token)
    claimed = [ClaimedAlert(*row) for row in rows.values_list(*CLAIMED_FIELDS)]
    return sorted(claimed, key=lambda alert: (alert.next_action_at or now, alert.pk))


def save_changed(
    alerts: Sequence[Routable],
    before: dict[int, tuple[object, ...]],
    fields: tuple[str, ...],
    *,
    token: str | None = None,
) -> None:
    """Write the ``fields`` that changed on each alert since ``before``: alerts that changed the
    same fields to the same values (a batch holds a few dozen such groups) are written with one
    UPDATE per group. ``bulk_update`` writes it all in one statement of CASE expressions, but
    builds an expression per alert and field: 52 s for a full tick's 54,000 alerts on SQLite.

    With a claim ``token``, only rows still claimed with it are written, and the claim is
    released in the same UPDATE."""
    read = attrgetter(*fields)
    released = {"claimed_until": None, "claim_token": ""} if token is not None else {}
    groups: dict[tuple[tuple[str, object], ...], list[int]] = defaultdict(list)
    for alert in alerts:
        changed = tuple(
            (name, value)
            for name, value, old in zip(fields, read(alert), before[alert.pk], strict=True)
            if value != old
        )
        groups[changed].append(alert.pk)
    written = 0
    for changed, ids in groups.items():
        if not changed and not released:
            written += len(ids)
            continue
        rows = Alert.objects.filter(pk__in=among(ids))
        if token is not None:
            rows = rows.filter(claim_token=token)
        written += rows.update(**dict(changed), **released)
    if written != len(alerts):
        raise ClaimLost(f"{len(alerts) - written} of {len(alerts)} claimed alerts were taken over")


class ClaimLost(RuntimeError):
    """Another worker took over alerts this one had claimed: the batch is rolled back."""


def _advance(
    alert: Routable,
    now: dt.datetime,
    directory: Directory,
    writes: Writes,
    result: EvaluationResult,
) -> None:
    """Plan in memory every step of the alert that has come due: an alert raised long after its
    deadline has its next rung due at once, and is escalated now rather than by a second pass."""
    for _ in range(MAX_STEPS):
        _next_step(alert, now, directory, writes, result)
        if alert.next_action_at is None or alert.next_action_at > now:
            return


MAX_STEPS = 8


def _next_step(
    alert: Routable,
    now: dt.datetime,
    directory: Directory,
    writes: Writes,
    result: EvaluationResult,
) -> None:
    """Remind, raise, tell or escalate."""
    check = get_check_of(alert)
    if alert.state == AlertState.WATCHING and now < alert.due_at:
        plan_remind(alert, now=now, directory=directory, writes=writes)
        alert.next_action_at = alert.due_at
        result.reminded += 1
    elif alert.state == AlertState.WATCHING:
        plan_raise(alert, now=now, directory=directory, writes=writes)
        alert.next_action_at = next_rung_at(check, alert.due_at, alert.nation)
        result.raised += 1
    elif alert.told_rung is None:
        plan_notify(alert, rung=alert.rung, directory=directory, now=now, writes=writes)
        alert.next_action_at = next_rung_at(check, now, alert.nation)  # raised during an ingest
    elif plan_escalate(alert, now=now, directory=directory, writes=writes):
        alert.next_action_at = next_rung_at(check, now, alert.nation)
        result.escalated += 1
    else:
        alert.next_action_at = None  # the top of the ladder knows; it stays open until resolved


def _act(
    claimed: list[ClaimedAlert],
    token: str | None,
    now: dt.datetime,
    directory: Directory,
    result: EvaluationResult,
) -> None:
    """One claimed batch: every change planned in memory, then written in bulk."""
    read = attrgetter(*TICK_FIELDS)
    before = {alert.pk: read(alert) for alert in claimed}
    subjects = {alert.subject_id for alert in claimed}
    directory.load(subjects)
    writes = Writes()
    for alert in claimed:
        _advance(alert, now, directory, writes, result)
    save_changed(claimed, before, TICK_FIELDS, token=token)
    writes.save()
    result.subjects += len(subjects)


def tick(*, limit: int = TICK_BATCH) -> EvaluationResult:
    """Act on every alert whose next action time has come: remind, raise, tell or escalate.

    Whether an alert's action is done is for the checks to say: ``evaluate`` runs them in the
    same transaction as every ingest that changes the record, so an alert whose action the record
    shows is resolved then; the daily ``sweep`` runs them again for everyone with open work or an
    open alert, for what changes with time alone. ``tick`` is the clock: it does not run them."""
    now = clock.now()
    total = EvaluationResult()
    directory: Directory | None = None
    while True:
        with transaction.atomic():
            claimed, token = _claim(now, limit)
            if not claimed:
                return total
            directory = directory or Directory()
            _act(claimed, token, now, directory, total)


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


def people_to_sweep() -> list[int]:
    """Everyone under watch, and everyone with an open alert: ``tick`` does not run the checks,
    so the sweep is what closes an alert that time alone has made moot."""
    people = set(people_under_watch())
    people.update(Alert.objects.filter(state__in=OPEN_STATES).values_list("subject_id", flat=True))
    return sorted(people)


def sweep() -> EvaluationResult:
    """Evaluate everyone under watch or with an open alert: run daily, beside the every-minute
    ``tick``."""
    total = EvaluationResult()
    for chunk in chunked(people_to_sweep(), SWEEP_BATCH):
        result = evaluate(chunk, expand=False)
        total.subjects += result.subjects
        total.watched += result.watched
        total.raised += result.raised
        total.resolved += result.resolved
    return total
