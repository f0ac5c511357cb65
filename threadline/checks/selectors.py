"""Reading alerts on a practitioner's behalf: their inbox, their team's dashboard, a child's."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from threadline.access.selectors import visible_people
from threadline.agencies.models import Practitioner
from threadline.checks.models import VISIBLE_STATES, Alert, AlertState
from threadline.checks.registry import all_checks
from threadline.people.models import Person

RECENTLY_RESOLVED = 10


def _addressed_to(user: Practitioner) -> Q:
    mine = Q(recipients__practitioner=user)
    if user.team_id is not None:
        mine |= Q(recipients__team_id=user.team_id)
    return mine


def inbox(user: Practitioner) -> QuerySet[Alert]:
    """Raised alerts sent to the user or their team, about people they may see."""
    return (
        Alert.objects.filter(_addressed_to(user), state__in=VISIBLE_STATES)
        .filter(subject__in=visible_people(user))
        .select_related("subject")
        .distinct()
        .order_by("due_at")
    )


def escalated_to(user: Practitioner) -> QuerySet[Alert]:
    """Alerts that reached the user because nobody acted lower down the ladder."""
    return inbox(user).filter(recipients__practitioner=user, recipients__rung__gt=0)


def alerts_for_child(person: Person) -> tuple[list[Alert], list[Alert]]:
    """Open alerts about the child (call only after ``access_person``), and recent resolutions."""
    alerts = Alert.objects.filter(subject=person).exclude(state=AlertState.WATCHING)
    open_alerts = list(alerts.filter(state__in=VISIBLE_STATES).order_by("due_at"))
    resolved = list(
        alerts.filter(state=AlertState.RESOLVED).order_by("-resolved_at")[:RECENTLY_RESOLVED]
    )
    return open_alerts, resolved


@dataclass
class Dashboard:
    alerts: list[Alert]
    by_check: list[tuple[str, str, int]] = field(default_factory=list)
    by_worker: list[tuple[str, int]] = field(default_factory=list)
    by_child: list[tuple[Person, int]] = field(default_factory=list)
    judgements: list[Alert] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return len(self.alerts)

    @property
    def escalated(self) -> int:
        return sum(1 for alert in self.alerts if alert.rung > 0)


def team_dashboard(user: Practitioner) -> Dashboard:
    """Open and overdue alerts across the user's team (or agency, for service managers)."""
    scope = Q(recipients__team_id=user.team_id) | Q(recipients__practitioner__team_id=user.team_id)
    if user.team_id is None and user.agency_id is not None:
        scope = Q(recipients__practitioner__agency_id=user.agency_id)
    alerts = list(
        Alert.objects.filter(scope, state__in=VISIBLE_STATES)
        .filter(subject__in=visible_people(user))
        .select_related("subject")
        .prefetch_related("recipients__practitioner")
        .distinct()
        .order_by("due_at")
    )
    titles = {check.id: check.title for check in all_checks().values()}
    checks = Counter(alert.check_id for alert in alerts)
    workers = Counter(_worker(alert) for alert in alerts)
    children = Counter(alert.subject for alert in alerts)
    judgements = list(
        Alert.objects.filter(scope, resolution="judgement")
        .select_related("subject", "resolved_by")
        .distinct()
        .order_by("-resolved_at")[:RECENTLY_RESOLVED]
    )
    return Dashboard(
        alerts=alerts,
        by_check=[(check_id, titles.get(check_id, ""), n) for check_id, n in checks.most_common()],
        by_worker=workers.most_common(),
        by_child=children.most_common(),
        judgements=judgements,
    )


def _worker(alert: Alert) -> str:
    first = min(alert.recipients.all(), key=lambda r: r.rung, default=None)
    if first is None:
        return "Not yet routed"
    return str(first.practitioner or first.team)
