"""Emergency access in a real browser: a school's safeguarding lead cannot open a child the
school has no involvement with, opens the record in an emergency with a reason, and her
manager sees the look and reviews it."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.test_alert_journey import sign_in
from tests.browser.test_chronology_journey import assert_accessible
from tests.factories import PersonFactory, PractitionerFactory, TeamFactory
from threadline.access.models import EmergencyAccess, ReviewOutcome
from threadline.agencies.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASON = "Police call at 23:10: child found alone at the address, mother in custody"


def test_emergency_access_with_a_reason_is_reviewed_by_the_manager(
    page: Page, live_server: LiveServer, artifacts: Path
) -> None:
    child = PersonFactory(given_name="Tegan", family_name="Ashworth")
    team = TeamFactory(name="School safeguarding")
    manager = PractitionerFactory(username="dsl.manager", team=team, role=Role.TEAM_MANAGER)
    lead = PractitionerFactory(username="dsl.lead", team=team, manager=manager)

    sign_in(page, live_server, lead.username)
    page.goto(f"{live_server.url}/people/{child.pk}/")
    expect(page.get_by_role("heading", name="Tegan Ashworth")).to_have_count(0)
    page.goto(f"{live_server.url}/search/?q=Tegan+Ashworth")
    expect(page.get_by_role("heading", name="No one found", exact=False)).to_be_visible()
    page.get_by_role("link", name="emergency access").click()
    expect(page.get_by_role("heading", name="Emergency access", level=1)).to_be_visible()
    assert_accessible(page, "emergency access")
    page.get_by_label("Why do you need this record now?").fill(REASON)
    page.get_by_role("button", name="Search the whole record").click()
    page.get_by_role("button", name="Open in an emergency the record of Tegan Ashworth").click()
    expect(page.get_by_role("heading", name="Tegan Ashworth", level=1)).to_be_visible()
    expect(page.get_by_text("You are seeing this record in an emergency until")).to_be_visible()
    page.screenshot(path=artifacts / "emergency_access.png", full_page=True)

    page.context.clear_cookies()
    sign_in(page, live_server, manager.username)
    page.get_by_role("link", name="Emergency access 1 to review").click()
    card = page.locator(".govuk-summary-card", has_text="opened Tegan Ashworth")
    expect(card).to_contain_text(REASON)
    assert_accessible(page, "emergency access review")
    card.get_by_label("Justified", exact=True).check()
    card.get_by_role("button", name="Record the review").click()
    expect(page.get_by_text("Nothing to review.")).to_be_visible()
    assert EmergencyAccess.objects.get().outcome == ReviewOutcome.JUSTIFIED
