"""A practitioner's journey in a real browser: sign in, find a child by a misspelt name, open the
chronology and filter it by agency. Each page is checked with axe-core for WCAG 2.2 AA."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.web.builders import PASSWORD, Family, build_family
from threadline.access.models import AuditAction, AuditEntry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def assert_accessible(page: Page, what: str) -> None:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"


def sign_in(page: Page, live_server: LiveServer, username: str) -> None:
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/sign-in/"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your work", level=1)).to_be_visible()


def test_find_a_child_and_filter_the_chronology(
    page: Page, live_server: LiveServer, artifacts: Path
) -> None:
    family: Family = build_family()

    page.goto(live_server.url + "/sign-in/")
    assert_accessible(page, "sign-in page")
    sign_in(page, live_server, family.worker.username)

    page.get_by_label("Find a person").fill("Jon Smyth")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("table")).to_contain_text("John Smith")
    assert_accessible(page, "search results")
    page.screenshot(path=artifacts / "search_results.png", full_page=True)

    page.get_by_role("link", name="John Smith").click()
    expect(page.get_by_role("heading", name="John Smith", level=1)).to_be_visible()
    expect(page.get_by_text("Health visitor worried about home conditions")).to_be_visible()
    expect(page.locator("#chronology-status")).to_have_text("Showing 1 to 4 of 4 entries")
    assert_accessible(page, "child page")
    page.screenshot(path=artifacts / "child_page.png", full_page=True)
    page.screenshot(path=artifacts / "child_page_top.png")  # what is seen first, at a glance

    page.get_by_label("Agency").select_option(label="Northshire Police")
    status = page.locator("#chronology-status")
    expect(status).to_have_text("Showing 1 to 1 of 1 entry, filtered: Northshire Police")
    table = page.locator("#chronology-panel table")
    expect(table).to_contain_text("Police called to the home")
    expect(table).not_to_contain_text("Two-year review not attended")
    expect(page).to_have_url(re.compile(rf"/people/{family.child.pk}/\?agency={family.police.pk}$"))
    page.locator("#chronology-panel summary").first.click()
    expect(page.get_by_text("Neighbour reported shouting")).to_be_visible()
    assert_accessible(page, "filtered chronology")
    page.locator("#chronology").screenshot(path=artifacts / "chronology_filtered.png")

    page.reload()  # the pushed URL is the full page, with the same filter
    expect(page.locator("#chronology-status")).to_contain_text("filtered: Northshire Police")
    assert (
        AuditEntry.objects.filter(
            actor=family.worker, person=family.child, action=AuditAction.VIEW
        ).count()
        >= 3
    )
    assert AuditEntry.objects.filter(actor=family.worker, action=AuditAction.SEARCH).exists()


def test_filters_work_without_javascript(
    page_without_javascript: Page, live_server: LiveServer
) -> None:
    family = build_family()
    page = page_without_javascript
    sign_in(page, live_server, family.worker.username)
    page.goto(f"{live_server.url}/people/{family.child.pk}/")
    page.get_by_label("Significance").select_option(label="Critical only")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#chronology-status")).to_contain_text("filtered: Critical only")
    expect(page.locator("#chronology-panel table tbody tr")).to_have_count(1)


def test_an_outsider_finds_nothing_and_cannot_open_the_child(
    page: Page, live_server: LiveServer
) -> None:
    family = build_family()
    sign_in(page, live_server, family.outsider.username)
    page.get_by_label("Find a person").fill("John Smith")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name=re.compile("No one found"))).to_be_visible()
    response = page.goto(f"{live_server.url}/people/{family.child.pk}/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    assert AuditEntry.objects.filter(actor=family.outsider, action=AuditAction.DENIED).exists()
