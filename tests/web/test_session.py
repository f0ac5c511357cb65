"""The idle timeout (signed out after 30 minutes without activity) without a session write on
every page, and a page's audit entry and session change written in one commit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import DatabaseError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.web.builders import Family, build_family
from threadline.access.models import AuditAction, AuditEntry
from threadline.web import views
from threadline.web.middleware import refresh_seconds

MINUTE = dt.timedelta(minutes=1)
TIMEOUT = dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)


@contextmanager
def wall_clock(moment: dt.datetime) -> Iterator[None]:
    """Django's sessions (and the middleware) read the time from django.utils.timezone.now."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def child_page(client: Client, family: Family) -> Any:
    return client.get(reverse("person", args=[family.child.pk]))


def signed_in(client: Client, family: Family) -> bool:
    response = child_page(client, family)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("login"))
        return False
    assert response.status_code == 200
    return True


def writes(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]


def test_the_timeout_is_thirty_minutes_refreshed_at_most_once_a_minute() -> None:
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert refresh_seconds() == 60
    assert not getattr(settings, "SESSION_SAVE_EVERY_REQUEST", False)


def test_a_shorter_timeout_is_refreshed_more_often(settings: Any) -> None:
    settings.SESSION_COOKIE_AGE = 5 * 60
    assert refresh_seconds() == 10


def test_a_page_within_the_minute_writes_its_audit_entry_and_not_the_session(
    worker_client: Client, family: Family
) -> None:
    start = timezone.now()
    with wall_clock(start):
        assert signed_in(worker_client, family)
    with (
        wall_clock(start + MINUTE - dt.timedelta(seconds=1)),
        CaptureQueriesContext(connection) as queries,
    ):
        assert signed_in(worker_client, family)
    assert len(writes(queries)) == 1
    assert writes(queries)[0].startswith('INSERT INTO "access_auditentry"')
    assert AuditEntry.objects.filter(actor=family.worker, action=AuditAction.VIEW).count() == 2


def test_a_page_a_minute_later_saves_the_session_again(
    worker_client: Client, family: Family
) -> None:
    start = timezone.now()
    with wall_clock(start):
        assert signed_in(worker_client, family)
    with wall_clock(start + MINUTE), CaptureQueriesContext(connection) as queries:
        assert signed_in(worker_client, family)
    assert [sql.split()[:2] for sql in writes(queries)] == [
        ["INSERT", "INTO"],  # the audit entry
        ["UPDATE", '"django_session"'],
    ]
    session = Session.objects.get()
    assert session.expire_date == start + MINUTE + TIMEOUT


def test_thirty_minutes_without_activity_signs_the_user_out(
    worker_client: Client, family: Family
) -> None:
    start = timezone.now()
    with wall_clock(start):
        assert signed_in(worker_client, family)
    with wall_clock(start + TIMEOUT - dt.timedelta(seconds=1)):
        assert signed_in(worker_client, family)
    with wall_clock(start + TIMEOUT - dt.timedelta(seconds=1) + TIMEOUT):
        assert not signed_in(worker_client, family)


def test_activity_keeps_the_user_signed_in(worker_client: Client, family: Family) -> None:
    start = timezone.now()
    for minutes in (0, 20, 40, 60, 80):
        with wall_clock(start + dt.timedelta(minutes=minutes)):
            assert signed_in(worker_client, family)
    with wall_clock(start + dt.timedelta(minutes=80) + TIMEOUT):
        assert not signed_in(worker_client, family)


def test_the_timeout_is_never_longer_than_thirty_minutes_after_the_last_activity(
    worker_client: Client, family: Family
) -> None:
    """Activity within a minute of the last save does not move the timeout: the user is signed
    out up to a minute early, never late."""
    start = timezone.now()
    with wall_clock(start):
        assert signed_in(worker_client, family)
    last_activity = start + MINUTE - dt.timedelta(seconds=1)
    with wall_clock(last_activity):
        assert signed_in(worker_client, family)
    with wall_clock(last_activity + TIMEOUT):
        assert not signed_in(worker_client, family)


def test_signing_out_is_not_undone(worker_client: Client, family: Family) -> None:
    assert signed_in(worker_client, family)
    response = worker_client.post(reverse("logout"))
    assert response.status_code == 302
    assert not Session.objects.exists()
    assert not signed_in(worker_client, family)
    assert not Session.objects.exists()


def test_signing_in_starts_the_timeout(client: Client, family: Family) -> None:
    start = timezone.now()
    with wall_clock(start):
        client.post(
            reverse("login"),
            {"username": family.worker.username, "password": "correct horse battery staple"},
        )
    with wall_clock(start + dt.timedelta(seconds=30)), CaptureQueriesContext(connection) as queries:
        assert signed_in(client, family)
    assert len(writes(queries)) == 1  # the audit entry: signing in saved the session
    with wall_clock(start + TIMEOUT):
        assert not signed_in(client, family)


def test_a_page_whose_audit_entry_cannot_be_written_is_not_shown(family: Family) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(family.worker)
    with mock.patch.object(AuditEntry, "save_new", side_effect=DatabaseError("disk full")):
        response = child_page(client, family)
    assert response.status_code == 500
    assert family.child.full_name not in response.content.decode()


def test_a_page_that_fails_after_the_look_still_leaves_its_audit_entry(family: Family) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(family.worker)
    with mock.patch.object(views, "alerts_for_child", side_effect=RuntimeError("bug")):
        assert child_page(client, family).status_code == 500
    entry = AuditEntry.objects.get(actor=family.worker)
    assert (entry.action, entry.person) == (AuditAction.VIEW, family.child)


@contextmanager
def commits_seen() -> Iterator[list[tuple[str, bool, int]]]:
    """Each write with whether it ran inside a transaction and how many commits came before it;
    the commits themselves are counted in the last item."""
    seen: list[tuple[str, bool, int]] = []
    commits = [0]
    real_commit: Callable[[], None] = connection.commit

    def counting_commit() -> None:
        commits[0] += 1
        real_commit()

    def record(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        words = sql.split()
        if words[0] in {"INSERT", "UPDATE", "DELETE"}:
            table = words[1] if words[0] == "UPDATE" else words[2]
            seen.append((table, connection.in_atomic_block, commits[0]))
        return execute(sql, params, many, context)

    with (
        mock.patch.object(connection, "commit", counting_commit),
        connection.execute_wrapper(record),
    ):
        yield seen
    seen.append(("commits", False, commits[0]))


@pytest.mark.django_db(transaction=True)
def test_the_audit_entry_and_the_session_refresh_are_one_commit() -> None:
    family = build_family()
    client = Client()
    client.force_login(family.worker)
    start = timezone.now()
    with wall_clock(start):
        assert signed_in(client, family)
    with wall_clock(start + MINUTE), commits_seen() as seen:
        assert signed_in(client, family)
    assert seen == [
        ('"access_auditentry"', True, 0),
        ('"django_session"', True, 0),
        ("commits", False, 1),
    ]


@pytest.mark.django_db(transaction=True)
def test_a_refusal_is_committed_with_the_session_refresh() -> None:
    family = build_family()
    client = Client()
    client.force_login(family.outsider)
    with commits_seen() as seen:
        assert child_page(client, family).status_code == 404
    assert seen == [
        ('"access_auditentry"', True, 0),
        ('"django_session"', True, 0),
        ("commits", False, 1),
    ]
    assert AuditEntry.objects.get(actor=family.outsider).action == AuditAction.DENIED
