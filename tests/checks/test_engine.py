"""The life of an alert: watched, raised at its deadline, escalated up the ladder, resolved."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core import mail
from django.db import connection

from tests.checks.family import at, feed, strategy_discussion
from threadline.checks.engine import EvaluationResult, evaluate, tick
from threadline.checks.models import (
    Alert,
    AlertRecipient,
    AlertState,
    AlertStep,
    Resolution,
    StepKind,
)
from threadline.checks.services import AlertError, acknowledge_alert, record_judgement

pytestmark = pytest.mark.django_db


def dec1() -> Alert:
    return Alert.objects.get(check_id="DEC-1")


def test_an_alert_is_watched_quietly_until_its_deadline_then_raised(
    ladder: dict, django_capture_on_commit_callbacks
) -> None:
    strategy_discussion("2024-03-04")
    assert dec1().state == AlertState.WATCHING
    at("2024-03-05", 17)
    tick()
    assert dec1().state == AlertState.WATCHING, "due by the end of the next working day"
    at("2024-03-06", 0)
    with django_capture_on_commit_callbacks(execute=True):
        tick()
    alert = dec1()
    assert alert.state == AlertState.RAISED
    assert AlertRecipient.objects.get(alert=alert).practitioner == ladder["worker"]
    assert any("DEC-1" in message.subject for message in mail.outbox)


def test_nothing_done_climbs_the_ladder_every_two_working_days(ladder: dict) -> None:
    strategy_discussion("2024-03-04")
    for day in ("2024-03-06", "2024-03-08", "2024-03-12", "2024-03-14", "2024-03-18"):
        at(day, 1)
        tick()
    told = list(
        AlertRecipient.objects.filter(alert__check_id="DEC-1")
        .order_by("rung")
        .values_list("rung", "practitioner__username")
    )
    # DEC-1's ladder: the allocated worker, then the team manager, then the service manager.
    assert told == [(0, "sw"), (1, "tm"), (2, "service")]
    assert dec1().state == AlertState.RAISED, "the top of the ladder keeps it until it is done"


def test_the_record_showing_the_action_resolves_it(ladder: dict) -> None:
    strategy_discussion("2024-03-04")
    at("2024-03-07", 1)
    tick()
    at("2024-03-07")
    feed(
        {
            "kind": "event",
            "agency": "csc",
            "id": "as",
            "type": "assessment_started",
            "occurred": "2024-03-07",
            "people": ["child"],
            "summary": "Single assessment started",
        }
    )
    alert = dec1()
    assert (alert.state, alert.resolution) == (AlertState.RESOLVED, Resolution.DONE)
    assert list(alert.steps.values_list("kind", flat=True))[-1] == "resolved"


def test_done_in_time_nothing_is_ever_raised(ladder: dict) -> None:
    strategy_discussion("2024-03-04")
    at("2024-03-05")
    feed(
        {
            "kind": "event",
            "agency": "csc",
            "id": "as",
            "type": "assessment_started",
            "occurred": "2024-03-05",
            "people": ["child"],
            "summary": "Single assessment started",
        }
    )
    at("2024-03-20")
    tick()
    assert dec1().raised_at is None and dec1().state == AlertState.RESOLVED
    assert AlertRecipient.objects.filter(alert__check_id="DEC-1").count() == 0


def test_a_judgement_needs_a_reason_and_is_never_reopened(ladder: dict) -> None:
    strategy_discussion("2024-03-04")
    at("2024-03-06", 1)
    tick()
    alert = dec1()
    acknowledge_alert(alert, actor=ladder["worker"])
    with pytest.raises(AlertError):
        record_judgement(alert, actor=ladder["worker"], reason="ok")
    record_judgement(
        alert,
        actor=ladder["manager"],
        reason="Family moved to Wales; referred to their MASH on 5 March",
    )
    evaluate([alert.subject_id])
    at("2024-03-20")
    tick()
    alerts = Alert.objects.filter(check_id="DEC-1")
    assert alerts.count() == 1
    assert alerts.get().resolution == Resolution.JUDGEMENT
    assert "Wales" in alerts.get().resolution_reason


def test_at_most_one_open_alert_per_check_subject_and_occurrence(ladder: dict) -> None:
    strategy_discussion("2024-03-04")
    evaluate(Alert.objects.values_list("subject_id", flat=True))
    strategy_discussion("2024-03-04")  # the same record again
    assert Alert.objects.filter(check_id="DEC-1").count() == 1
    strategy_discussion("2024-03-11", event_id="sd2")
    assert Alert.objects.filter(check_id="DEC-1").count() == 2, "a second discussion is another"


def test_a_corrected_record_that_no_longer_meets_the_condition_closes_it(ladder: dict) -> None:
    strategy_discussion("2024-03-04")
    strategy_discussion("2024-03-04", outcome="no_further_action")
    alert = dec1()
    assert (alert.state, alert.resolution) == (AlertState.RESOLVED, Resolution.NO_LONGER_APPLIES)


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_act_on_each_alert_once(ladder: dict) -> None:
    days = [dt.date(2024, 3, 4) + dt.timedelta(days=n) for n in range(40)]
    for number, day in enumerate([day for day in days if day.weekday() < 5][:24]):
        strategy_discussion(day.isoformat(), event_id=f"sd{number}")
    at("2024-05-01", 1)
    start = threading.Barrier(2)
    results: list[EvaluationResult] = []
    failures: list[BaseException] = []

    def worker() -> None:
        try:
            start.wait()
            results.append(tick(limit=3))  # small batches, so the two workers interleave
        except BaseException as failure:
            failures.append(failure)
        finally:
            connection.close()

    workers = [threading.Thread(target=worker) for _ in range(2)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    assert failures == []
    raised = AlertStep.objects.filter(kind=StepKind.RAISED)
    assert raised.filter(alert__check_id="DEC-1").count() == 24
    assert raised.count() == raised.values("alert").distinct().count() == Alert.objects.count()
    assert sum(result.raised for result in results) == raised.count()
    told = AlertRecipient.objects.filter(rung=0)
    assert told.count() == told.values("alert").distinct().count()
    if connection.vendor == "postgresql":
        # Waiters on the advisory lock queue in turn; SQLite's busy handler polls instead, so
        # there the worker that commits first may well take every batch.
        assert all(result.raised for result in results), "both workers took a share"
