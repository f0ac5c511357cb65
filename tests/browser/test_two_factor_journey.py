"""Two-factor sign-in in a real browser: a new user signs in with a password, sets up an
authenticator app from the key the page shows, and only then sees the menu; the next sign-in
asks for a code, and a wrong one is refused."""

from __future__ import annotations

from base64 import b32decode
from pathlib import Path

import pytest
from django_otp.oath import totp
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.test_alert_journey import PASSWORD
from tests.browser.test_chronology_journey import assert_accessible
from tests.factories import PractitionerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def code_from(key_shown: str, *, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the key the page gave, as a phone would compute it."""
    text = key_shown.replace(" ", "").upper()
    key = b32decode(text + "=" * (-len(text) % 8))
    return f"{totp(key, drift=steps_ahead):06d}"


def password_step(page: Page, live_server: LiveServer, username: str) -> None:
    page.goto(live_server.url + "/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_new_user_sets_up_the_app_and_later_needs_a_code(
    page: Page, live_server: LiveServer, artifacts: Path, settings
) -> None:
    settings.THREADLINE_TWO_FACTOR = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    user = PractitionerFactory(username="new.worker")

    password_step(page, live_server, user.username)
    expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
    expect(page.get_by_role("link", name="Alerts")).to_have_count(0)
    assert_accessible(page, "setting up two-factor sign-in")
    page.screenshot(path=artifacts / "two_factor_set_up.png", full_page=True)
    page.goto(f"{live_server.url}/search/")
    expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()

    key = page.get_by_test_id("totp-key").inner_text()
    page.get_by_label("Code from your authenticator app").fill("000000")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("That code is wrong", exact=False).first).to_be_visible()
    page.get_by_label("Code from your authenticator app").fill(code_from(key))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Find a person", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Alerts").first).to_be_visible()

    page.context.clear_cookies()
    password_step(page, live_server, user.username)
    expect(page.get_by_label("Code from your authenticator app")).to_be_visible()
    expect(page.get_by_test_id("totp-key")).to_have_count(0)
    assert_accessible(page, "the second step of signing in")
    page.get_by_label("Code from your authenticator app").fill(code_from(key, steps_ahead=1))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Your work", level=1)).to_be_visible()
