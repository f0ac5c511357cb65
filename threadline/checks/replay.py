"""Replay: feed a scenario into the record day by day, as agencies would have sent it, running
the checks as they would have run live, and compare what was raised with what should have been."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from threadline import clock
from threadline.checks.engine import sweep, tick
from threadline.checks.models import Alert, AlertLevel
from threadline.checks.scenarios import Expectation, Scenario
from threadline.feeds.services import ingest_feed
from threadline.people.models import PersonRecord

LONDON = ZoneInfo("Europe/London")
WORKING_HOURS_END = dt.time(18, 0)
# Live, ``tick --daily`` sweeps every night; a replay sweeps weekly, which is enough for the
# checks that fall due with time alone (they watch their next deadlines) and keeps it quick.
SWEEP_WEEKDAY = 0
# Which field of a record ends it, and so must stay hidden until its day comes.
ENDING_FIELDS = {"involvement": "closed", "status_episode": "end", "relationship": "to"}
STARTING_FIELDS = {
    "involvement": "opened",
    "status_episode": "start",
    "relationship": "from",
    "plan_outcome": "written",
}


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value and len(value) >= 10 else None


def _event_day(record: dict[str, Any]) -> dt.date:
    recorded = _day(record.get("recorded"))
    if recorded:
        return recorded
    occurred = record["occurred"]
    return _day(occurred) or dt.date(
        int(occurred[:4]), int(occurred[5:7] or 1) if len(occurred) > 4 else 1, 1
    )


def reveal_plan(records: list[dict[str, Any]], first_day: dt.date) -> dict[dt.date, list[dict]]:
    """Each record on the day an agency would have sent it; an ending revealed on its own day."""
    plan: dict[dt.date, list[dict]] = defaultdict(list)
    for record in records:
        kind = record["kind"]
        if kind == "event":
            plan[max(_event_day(record), first_day)].append(record)
        elif kind == "person":
            _reveal_person(plan, record, first_day)
        elif kind in STARTING_FIELDS:
            start = max(_day(record.get(STARTING_FIELDS[kind])) or first_day, first_day)
            end = _day(record.get(ENDING_FIELDS.get(kind, "")))
            if end and end > start:
                plan[start].append({**record, ENDING_FIELDS[kind]: None})
                plan[end].append(record)
            else:
                plan[start].append(record)
        else:
            plan[first_day].append(record)
    return plan


def _reveal_person(plan: dict[dt.date, list[dict]], record: dict[str, Any], first: dt.date) -> None:
    """A person as known on the first day; a birth or a death still to come is revealed on its
    own day (until birth, the expected date is what the record holds)."""
    born, died = _day(record.get("date_of_birth")), _day(record.get("date_of_death"))
    known = copy.deepcopy(record)
    if born and born > first:
        known["date_of_birth"] = None
        known.setdefault("expected_date_of_birth", record["date_of_birth"])
    if died and died > first:
        known["date_of_death"] = None
    plan[first].append(known)
    if born and born > first:
        at_birth = {**record, "expected_date_of_birth": known["expected_date_of_birth"]}
        if died and died > born:
            at_birth["date_of_death"] = None
        plan[born].append(at_birth)
    if died and died > first:
        plan[died].append({**record, "expected_date_of_birth": known.get("expected_date_of_birth")})


def first_day_of(records: list[dict[str, Any]]) -> dt.date:
    days = [_event_day(r) for r in records if r["kind"] == "event"]
    days += [d for r in records for key in ("opened", "start") if (d := _day(r.get(key)))]
    return min(days) if days else clock.today()


@dataclass
class Outcome:
    expectation: Expectation
    raised_on: dt.date | None

    @property
    def status(self) -> str:
        if self.raised_on is None:
            return "missed"
        return "raised_in_time" if self.raised_on <= self.expectation.by else "raised_late"

    def as_dict(self) -> dict[str, Any]:
        return {
            "check": self.expectation.check,
            "person": ":".join(part for part in self.expectation.person if part),
            "by": self.expectation.by.isoformat(),
            "raised_on": self.raised_on.isoformat() if self.raised_on else None,
            "finding": self.expectation.finding,
        }


@dataclass
class ReplayReport:
    scenario: str
    control: bool
    days: int
    outcomes: list[Outcome] = field(default_factory=list)
    unexpected: list[dict[str, Any]] = field(default_factory=list)
    reminders: int = 0

    def of(self, status: str) -> list[dict[str, Any]]:
        return [o.as_dict() for o in self.outcomes if o.status == status]

    def as_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "control": self.control,
            "days": self.days,
            "expected": len(self.outcomes),
            "raised_in_time": self.of("raised_in_time"),
            "raised_late": self.of("raised_late"),
            "missed": self.of("missed"),
            "unexpected": self.unexpected,
            "reminders": self.reminders,
        }


def _ingest_day(day: dt.date, records: list[dict[str, Any]]) -> None:
    clock.set_now(dt.datetime.combine(day, WORKING_HOURS_END, tzinfo=LONDON))
    order = {"agency": 0, "person": 1, "relationship": 2, "involvement": 3, "status_episode": 4}
    order["plan_outcome"] = 5
    ordered = sorted(records, key=lambda record: order.get(record["kind"], 6))
    ingest_feed([json.dumps(record) for record in ordered])


def run_scenario(scenario: Scenario, *, last_day: dt.date | None = None) -> ReplayReport:
    """Replay into the current database, which should hold nothing of this scenario yet."""
    first = first_day_of(scenario.records)
    plan = reveal_plan(scenario.records, first)
    end = last_day or scenario.end_date or max(plan) + dt.timedelta(days=14)
    day, days = first, 0
    while day <= end:
        if plan.get(day):
            _ingest_day(day, plan[day])
        clock.set_now(dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=LONDON))
        if day.weekday() == SWEEP_WEEKDAY:
            sweep()
        tick()
        day += dt.timedelta(days=1)
        days += 1
    return compare(scenario, days)


def _subjects(scenario: Scenario) -> dict[tuple[str, str], int]:
    default_agency = next((r["agency"] for r in scenario.records if r["kind"] == "person"), "")
    found = {}
    for expectation in scenario.expectations:
        agency, source_id = expectation.person
        record = PersonRecord.objects.filter(
            agency__code=agency or default_agency, source_id=source_id
        ).first()
        if record is not None:
            found[expectation.person] = record.person_id
    return found


def compare(scenario: Scenario, days: int) -> ReplayReport:
    report = ReplayReport(scenario.name, scenario.control, days)
    raised = Alert.objects.filter(raised_at__isnull=False).select_related("subject")
    first_raised: dict[tuple[str, int], Alert] = {}
    for raised_alert in raised.order_by("raised_at"):
        first_raised.setdefault((raised_alert.check_id, raised_alert.subject_id), raised_alert)
    subjects = _subjects(scenario)
    named: set[tuple[str, int]] = set()
    for expectation in scenario.expectations:
        subject_id = subjects.get(expectation.person)
        key = (expectation.check, subject_id or -1)
        named.add(key)
        alert = first_raised.get(key)
        raised_on = clock.local_date(alert.raised_at) if alert and alert.raised_at else None
        report.outcomes.append(Outcome(expectation, raised_on))
    for key, alert in first_raised.items():
        if key in named or alert.level == AlertLevel.REMINDER:
            continue
        report.unexpected.append(
            {
                "check": alert.check_id,
                "person": alert.subject.full_name,
                "raised_on": clock.local_date(alert.raised_at).isoformat()
                if alert.raised_at
                else None,
                "what": alert.what,
            }
        )
    report.reminders = Alert.objects.filter(steps__kind="reminded").distinct().count()
    return report
