"""Alerts in a real browser: a worker acts on an alert and it closes; a manager sees what was
escalated to them."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.test_chronology_journey import assert_accessible
from tests.checks.family import at, strategy_discussion
from threadline.checks.engine import tick
from threadline.checks.models import Alert, AlertState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


def sign_in(page: Page, live_server: LiveServer, username: str) -> None:
    page.goto(live_server.url + "/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your work", level=1)).to_be_visible()


def test_a_worker_records_the_action_and_the_alert_closes(
    page: Page, live_server: LiveServer, ladder: dict, artifacts: Path
) -> None:
    strategy_discussion("2024-03-04")
    at("2024-03-06", 1)
    tick()
    at("2024-03-06", 10)
    alert = Alert.objects.get(check_id="DEC-1")

    sign_in(page, live_server, ladder["worker"].username)
    page.goto(f"{live_server.url}/people/{alert.subject_id}/")
    alerts = page.locator("#alerts")
    expect(alerts).to_contain_text("DEC-1")
    alerts.get_by_role("link", name="DEC-1").click()

    expect(page.get_by_text("Why: the review finding")).to_be_visible()
    expect(page.locator("blockquote").first).to_contain_text("did not take place")
    assert_accessible(page, "alert page")
    page.screenshot(path=artifacts / "alert_open.png", full_page=True)

    page.get_by_label("What was done").select_option(label="Assessment started")
    page.get_by_label("Outcome (if any)").select_option(label="Single assessment")
    page.get_by_label("Date").fill("2024-03-06")
    page.get_by_label("Summary").fill("Single assessment started; home visit booked for Friday")
    page.get_by_role("button", name="Record it").click()

    expect(page.get_by_text("alert closed")).to_be_visible()
    page.screenshot(path=artifacts / "alert_closed.png", full_page=True)
    alert.refresh_from_db()
    assert alert.state == AlertState.RESOLVED


def test_a_manager_sees_an_overdue_alert_escalated_to_them(
    page: Page, live_server: LiveServer, ladder: dict, artifacts: Path
) -> None:
    strategy_discussion("2024-03-04")
    for day in ("2024-03-06", "2024-03-08", "2024-03-12"):
        at(day, 1)
        tick()
    at("2024-03-12", 10)

    sign_in(page, live_server, ladder["manager"].username)
    page.get_by_role("link", name="Alerts").first.click()
    escalated = page.get_by_role("table").filter(has_text="Escalated to you")
    expect(escalated).to_contain_text("DEC-1")
    expect(escalated).to_contain_text("Escalated")
    assert_accessible(page, "manager's alerts")
    page.screenshot(path=artifacts / "manager_escalated.png", full_page=True)
