"""The partnership's journey in Debian's Chromium: upload a review, correct one finding,
publish, create an action, see it on the board report, and see an indicator chart. axe-core
finds nothing against WCAG 2.2 AA on each page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import CHROMIUM
from tests.browser.test_alert_journey import sign_in
from tests.browser.test_chronology_journey import assert_accessible
from tests.indicators.record import core_groups_and_visits
from threadline.learning.models import Item
from threadline.learning.seeds import seed_files

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is missing"),
]


def test_upload_correct_publish_track_and_see_the_evidence(
    page: Page, live_server: LiveServer, artifacts: Path
) -> None:
    core_groups_and_visits()  # the live record the indicator reads, and the analyst
    sign_in(page, live_server, "analyst")
    page.goto(live_server.url + "/library/")
    assert_accessible(page, "the library")
    page.get_by_role("button", name="Upload a review").click()
    page.get_by_label("Review document").set_input_files(str(seed_files()[2]))
    page.get_by_role("button", name="Upload and read").click()
    expect(page.get_by_role("heading", name="Child BE", level=1)).to_be_visible()
    assert_accessible(page, "a draft review")
    page.screenshot(path=artifacts / "library_draft.png", full_page=True)

    page.get_by_role("link", name="Correct Finding BE2").click()
    page.get_by_label("Text").fill(
        "Assessments were based on self-reporting, not recorded history."
    )
    assert_accessible(page, "correcting a finding")
    page.get_by_role("button", name="Save the correction").click()
    expect(page.get_by_text("Finding BE2 corrected", exact=True)).to_be_visible()
    page.get_by_role("button", name="Publish this review").click()
    expect(page.get_by_text("Child BE is published", exact=True)).to_be_visible()
    assert Item.objects.get(label="Finding BE2").corrected_at is not None

    page.get_by_role("link", name="Board report for this review's recommendations").click()
    page.get_by_role("link", name="Add an action for Recommendation BE1").click()
    page.get_by_label("What will be done").fill("Circulate core group minutes within 5 days")
    page.get_by_label("Or the owning subgroup").fill("Quality Assurance subgroup")
    deadline = dt.date.today() + dt.timedelta(days=60)
    page.get_by_label("Deadline").fill(deadline.isoformat())
    page.get_by_label("Expected impact for children").fill("Every member acts on one plan")
    page.get_by_label("How we will know").fill("Share in time above 90%")
    page.get_by_label("Indicator from the live record").select_option("core-group-notes")
    assert_accessible(page, "a new action")
    page.get_by_role("button", name="Add the action").click()
    expect(page.get_by_text("Action added to the tracker", exact=True)).to_be_visible()

    page.goto(live_server.url + "/recommendations/")
    expect(page.get_by_test_id("total-actions")).to_have_text("1")
    expect(page.get_by_test_id("by-owner")).to_contain_text("Quality Assurance subgroup")
    assert_accessible(page, "the board report")
    page.screenshot(path=artifacts / "board_report.png", full_page=True)

    page.get_by_role("link", name="Child BE").click()
    page.get_by_role("link", name="Circulate core group minutes within 5 days").click()
    page.get_by_role("link", name="See the indicator from the live record").click()
    expect(page.get_by_role("img", name="Share met each month: All agencies")).to_be_visible()
    assert_accessible(page, "the indicator the action points to")
    page.screenshot(path=artifacts / "action_indicator.png", full_page=True)
