"""Meetings in a real browser: a chair books the ICPC from the strategy discussion, holds it and
circulates the minutes; the police confirm receipt, the GP does not, and the practice manager
sees the alert escalated to them. A step-down is refused while the chair's actions are open."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.test_alert_journey import sign_in
from tests.browser.test_chronology_journey import assert_accessible
from tests.checks.family import at
from tests.meetings.conftest import Family, family
from tests.meetings.test_services import strategy
from tests.stepdown.test_services import core_group, on_a_plan
from threadline.checks.engine import tick
from threadline.meetings.models import Meeting, MeetingKind
from threadline.meetings.services import acknowledge_minutes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
__all__ = ["family"]


def switch_user(page: Page, live_server: LiveServer, username: str) -> None:
    page.context.clear_cookies()
    sign_in(page, live_server, username)


def test_icpc_booked_minuted_and_a_missing_receipt_escalated(
    page: Page, live_server: LiveServer, family: Family, artifacts: Path
) -> None:
    discussion = strategy(family)
    at("2024-03-05", 9)
    sign_in(page, live_server, family.chair.username)
    page.goto(f"{live_server.url}/meetings/{discussion.pk}/")
    page.get_by_role("link", name="Book the next meeting").click()
    expect(page.get_by_text("must be held by Monday 25 March 2024")).to_be_visible()
    expect(page.get_by_label("Carl Marsh (parent)")).to_be_checked()
    assert_accessible(page, "booking an ICPC")
    page.get_by_label("Date", exact=True).fill("2024-03-18")
    page.get_by_label("Time", exact=True).fill("10:00")
    page.get_by_role("button", name="Book and send invitations").click()
    expect(page.get_by_text("booked and the invitations sent")).to_be_visible()
    conference = Meeting.objects.get(kind=MeetingKind.ICPC)

    at("2024-03-18", 14)
    page.reload()
    page.get_by_label("Date held").fill("2024-03-18")
    page.get_by_label("Time", exact=True).fill("10:00")
    page.get_by_label("Decision", exact=True).select_option(label="Child protection plan")
    page.get_by_label("The decision in words").fill("Child protection plan, emotional abuse")
    page.get_by_role("button", name="Record as held").click()
    expect(page.get_by_text("recorded as held")).to_be_visible()
    page.get_by_label("Minutes", exact=True).fill("The conference heard from every agency.")
    page.get_by_role("button", name="Save the minutes").click()
    page.get_by_role("button", name="Circulate the minutes").click()
    expect(page.get_by_text("Minutes sent to 5 agencies")).to_be_visible()
    assert_accessible(page, "a held conference")
    page.screenshot(path=artifacts / "meeting_circulated.png", full_page=True)

    at("2024-03-19", 10)
    switch_user(page, live_server, family.staff["police"].username)
    page.goto(f"{live_server.url}/meetings/{conference.pk}/")
    page.get_by_role("button", name="Confirm Northshire police has the minutes").click()
    expect(page.get_by_text("Receipt confirmed for Northshire police")).to_be_visible()
    for code in ("education", "health_visiting", "housing"):
        acknowledge_minutes(conference.minutes, by=family.staff[code])

    for day in ("2024-04-04", "2024-04-08"):  # due 3 April; two working days on
        at(day, 9)
        tick()
    at("2024-04-08", 10)
    switch_user(page, live_server, family.practice.username)
    page.get_by_role("link", name="Alerts").first.click()
    escalated = page.get_by_role("table").filter(has_text="Escalated to you")
    expect(escalated).to_contain_text("SHR-3")
    page.screenshot(path=artifacts / "minutes_escalated.png", full_page=True)
    escalated.get_by_role("link", name="SHR-3").first.click()
    expect(page.get_by_text("Northshire gp")).to_be_visible()


def test_a_step_down_is_refused_while_the_chairs_actions_are_open(
    page: Page, live_server: LiveServer, family: Family, artifacts: Path
) -> None:
    on_a_plan(family)
    core_group(family, "2024-06-10")
    sign_in(page, live_server, family.worker.username)
    page.goto(f"{live_server.url}/people/{family.child.pk}/step-down/")
    expect(page.get_by_text("Refer the father to a perpetrator programme")).to_be_visible()
    page.get_by_label("Decision").select_option(label="Step down to a child in need plan")
    page.get_by_label("Reason").fill("Good progress at home")
    page.get_by_role("button", name="Record the decision").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("The step-down is refused")
    expect(summary).to_contain_text("Refer the father to a perpetrator programme")
    assert_accessible(page, "a refused step-down")
    page.screenshot(path=artifacts / "step_down_refused.png", full_page=True)
