"""The review queue in a real browser: a social care manager finds the police's record of a man
that may be the child's father, compares the two side by side, decides they are one man, and
sees his police history appear on the child's page."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.test_alert_journey import sign_in
from tests.browser.test_chronology_journey import assert_accessible
from tests.matching.family import the_two_records
from threadline.matching.models import Merge, MergeOrigin
from threadline.people.models import PersonRecord

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_review_queue_match_brings_the_fathers_police_history_to_the_child(
    page: Page, live_server: LiveServer, artifacts: Path
) -> None:
    manager = the_two_records()
    child = PersonRecord.objects.get(source_id="C1").person
    sign_in(page, live_server, manager.username)
    page.goto(f"{live_server.url}/people/{child.pk}/")
    expect(page.get_by_role("heading", name="Risk through the network")).to_have_count(0)

    page.get_by_role("link", name="Possible matches").click()
    expect(page.get_by_role("heading", name="Possible matches", level=1)).to_be_visible()
    assert_accessible(page, "the review queue")
    page.get_by_role("link", name="William Hartley and Bill Hartley").click()

    expect(page.get_by_role("heading", name="Are these the same person?")).to_be_visible()
    evidence = page.get_by_role("table", name="Each detail on both records")
    expect(evidence.get_by_role("row", name="Given name")).to_contain_text("Same formal name")
    expect(evidence.get_by_role("row", name="Date of birth")).to_contain_text("1988-07-04")
    assert_accessible(page, "a pair side by side")
    page.screenshot(path=artifacts / "match_review.png", full_page=True)

    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Say whether these are the same person").first).to_be_visible()
    page.get_by_label("The same person: merge them").check()
    page.get_by_label("What does the decision rest on?").fill(
        "Police PNC lists 4 Mill Lane, the address social care holds for him"
    )
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Decision recorded.")).to_be_visible()
    expect(page.get_by_text("No pairs are waiting for a decision.")).to_be_visible()

    page.goto(f"{live_server.url}/people/{child.pk}/")
    risks = page.get_by_role("region", name="Risk through the network")
    expect(risks).to_contain_text("William Hartley, father")
    expect(risks).to_contain_text("Domestic abuse incident")
    expect(risks).to_contain_text("Arrest")
    expect(risks).to_contain_text("Ask the agency that holds it for the detail")
    assert_accessible(page, "the child's page with the father's history")
    page.screenshot(path=artifacts / "child_with_fathers_history.png", full_page=True)

    merge = Merge.objects.get()
    assert (merge.origin, merge.merged_by) == (MergeOrigin.REVIEW, manager)
