"""The DASH risk checklist in a real browser: after a domestic abuse incident a police officer
completes the checklist with the mother, 14 "yes" answers show high risk, and the officer refers
her to MARAC. The learning check that asked for both (RSK-3) closes."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.assessments.conftest import incident, police_know_mother
from tests.browser.test_alert_journey import sign_in
from tests.browser.test_chronology_journey import assert_accessible
from tests.checks.family import at
from tests.meetings.conftest import Family, family
from threadline.assessments import childrisk, dash
from threadline.checks.models import OPEN_STATES, Alert
from threadline.chronology.models import Event
from threadline.chronology.vocabulary import EventType

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
__all__ = ["family"]


def test_a_dash_with_fourteen_yes_is_high_risk_and_referred_to_marac(
    page: Page, live_server: LiveServer, family: Family, artifacts: Path
) -> None:
    police_know_mother()
    incident("2024-03-04")
    assert Alert.objects.filter(check_id="RSK-3", subject=family.mother).exists()
    at("2024-03-04", 10)
    officer = family.staff["police"]
    sign_in(page, live_server, officer.username)
    page.goto(f"{live_server.url}/people/{family.mother.pk}/assessments/")
    page.get_by_role("link", name="Complete a DASH risk checklist").click()
    expect(page.get_by_role("heading", name="DASH risk checklist", level=1)).to_be_visible()
    assert_accessible(page, "the DASH checklist")

    page.get_by_label("Alleged perpetrator").select_option(label="Carl Marsh (parent of Ada Marsh)")
    for number, question in zip(dash.NUMBERS, dash.QUESTIONS, strict=True):
        answer = "Yes" if number <= 14 else "No"
        page.get_by_role("group", name=f"{number}. {question}").get_by_label(
            answer, exact=True
        ).check()
    page.get_by_role("button", name="Save and see the risk level").click()

    expect(page.get_by_role("heading", name="High risk")).to_be_visible()
    expect(page.get_by_text("14 of 24")).to_be_visible()
    expect(page.get_by_text("High risk: refer Beth Marsh to MARAC.")).to_be_visible()
    assert_accessible(page, "a high-risk DASH result")
    page.screenshot(path=artifacts / "dash_high_risk.png")
    page.get_by_label("The family's consent to sharing").select_option("not_sought")
    page.get_by_label("If shared without consent, or consent not sought: why").fill(
        "Telling him of the referral would put her at greater risk."
    )
    page.get_by_role("button", name="Refer to MARAC").click()
    expect(page.get_by_text("Referred to MARAC; the referral is in the chronology")).to_be_visible()
    expect(page.get_by_text("Referred to MARAC on 4 March 2024")).to_be_visible()
    expect(page.get_by_role("button", name="Refer to MARAC")).to_have_count(0)
    assert_accessible(page, "a DASH referred to MARAC")
    page.screenshot(path=artifacts / "dash_referred_to_marac.png", full_page=True)

    referral = Event.objects.get(event_type=EventType.MARAC_REFERRAL, is_current=True)
    assert referral.agency.code == "police"
    assert not Alert.objects.filter(
        check_id="RSK-3", subject=family.mother, state__in=OPEN_STATES
    ).exists()


def test_an_assessment_started_completed_and_the_childs_risk_graded(
    page: Page, live_server: LiveServer, family: Family, artifacts: Path
) -> None:
    at("2024-03-05", 10)
    sign_in(page, live_server, family.worker.username)
    page.goto(f"{live_server.url}/people/{family.child.pk}/assessments/")
    assert_accessible(page, "a child's assessments")
    page.get_by_role("link", name="Start an assessment").click()
    page.get_by_label("Referral date").fill("2024-03-04")
    page.get_by_role("button", name="Start the assessment").click()
    expect(page.get_by_text("Single assessment started: due by 09 May 2024")).to_be_visible()

    at("2024-04-25", 10)
    page.reload()
    page.get_by_label("Date completed").fill("2024-04-25")
    page.get_by_label("Analysis").fill("Ada is frightened at home when her parents argue.")
    page.get_by_label("Outcome").select_option(label="Child in need plan")
    page.get_by_role("button", name="Complete the assessment").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Say whether the child's father or male carers were assessed"
    )
    assert_accessible(page, "an assessment refused at completion")
    page.get_by_role(
        "group", name="Were the child's father and any male carers assessed?"
    ).get_by_label("Yes", exact=True).check()
    page.get_by_label("Outcome").select_option(label="Child in need plan")
    page.get_by_role("button", name="Complete the assessment").click()
    expect(page.get_by_text("The child has not been recorded as seen alone.")).to_be_visible()
    assert_accessible(page, "a completed assessment with what is still to record")
    page.screenshot(path=artifacts / "assessment_completed.png", full_page=True)

    page.get_by_role("link", name="Assessments").click()
    page.get_by_role("link", name="Assess the risk to the child").click()
    assert_accessible(page, "the child's risk tool")
    grades = {"present_or_injured": "Level 3", "escalation": "Level 2"}
    for factor in childrisk.FACTORS:
        choice = grades.get(factor.field, "Not present or not known")
        page.get_by_role("group", name=factor.question).get_by_label(choice).check()
    page.get_by_role("button", name="Save and see the level").click()
    expect(page.get_by_role("heading", name="Level 3: medium-high")).to_be_visible()
    assert_accessible(page, "the child's risk level")
