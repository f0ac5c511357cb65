"""The indicator pages in Debian's Chromium: axe-core finds nothing against WCAG 2.2 AA, and the
charts draw at a legible size. Screenshots go to tests/artifacts for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import CHROMIUM
from tests.browser.test_alert_journey import sign_in
from tests.browser.test_chronology_journey import assert_accessible
from tests.indicators.record import core_groups_and_visits

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is missing"),
]


def test_the_indicator_pages_are_accessible(
    page: Page, live_server: LiveServer, artifacts: Path
) -> None:
    core_groups_and_visits()
    sign_in(page, live_server, "analyst")
    page.goto(live_server.url + "/indicators/")
    expect(page.get_by_role("heading", name="Practice indicators", level=1)).to_be_visible()
    assert_accessible(page, "indicator list")
    page.screenshot(path=artifacts / "indicators.png", full_page=True)

    page.get_by_role("link", name="Core group notes circulated within 5 working days").click()
    chart = page.get_by_role("img", name="Share met each month: All agencies")
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] >= 600
    assert_accessible(page, "one indicator, all agencies")
    page.screenshot(path=artifacts / "indicator_core_group_notes.png", full_page=True)

    page.get_by_label("Period").select_option("6")
    page.get_by_role("button", name="Show figures").click()
    expect(
        page.get_by_role("heading", name="All agencies: January 2025 to June 2025")
    ).to_be_visible()

    page.goto(live_server.url + "/indicators/core-group-notes/?months=5")
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page, "a bad choice")

    page.goto(live_server.url + "/indicators/alerts-resolved-in-time/")
    assert_accessible(page, "the alerts indicator")
    page.screenshot(path=artifacts / "indicator_alerts.png", full_page=True)
