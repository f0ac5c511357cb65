"""Signing in: password, then a code from an authenticator app, for every user; and a lock-out
after repeated wrong passwords."""

from __future__ import annotations

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PractitionerFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _two_factor_on(settings) -> None:
    settings.THREADLINE_TWO_FACTOR = True


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client, user) -> object:
    return client.post("/sign-in/", {"username": user.username, "password": PASSWORD})


def test_a_password_alone_opens_nothing_but_the_second_step(client) -> None:
    user = PractitionerFactory()
    sign_in(client, user)
    response = client.get("/search/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/two-factor/?next=")
    assert client.get(f"/people/{user.pk}/").status_code == 302
    second_step = client.get("/sign-in/two-factor/set-up/").content.decode()
    assert 'href="/alerts/"' not in second_step, "no menu until both factors are proved"


def test_the_first_sign_in_sets_up_the_app_then_the_code_opens_the_record(client, settings) -> None:
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code makes the next wait a second, else
    user = PractitionerFactory()
    sign_in(client, user)
    setup = client.get("/sign-in/two-factor/?next=/search/", follow=True)
    assert 'data-testid="totp-key"' in setup.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)

    wrong = client.post("/sign-in/two-factor/set-up/", {"code": "000000", "next": "/search/"})
    assert "That code is wrong" in wrong.content.decode()
    done = client.post(
        "/sign-in/two-factor/set-up/", {"code": code_for(device), "next": "/search/"}
    )

    assert done["Location"] == "/search/"
    assert client.get("/search/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_later_sign_ins_ask_for_the_code_and_a_used_code_is_refused(client) -> None:
    user = PractitionerFactory()
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    sign_in(client, user)
    assert client.get("/sign-in/two-factor/").status_code == 200
    code = code_for(device)
    assert client.post("/sign-in/two-factor/", {"code": code})["Location"] == "/"

    client.post("/sign-out/")
    sign_in(client, user)
    replay = client.post("/sign-in/two-factor/", {"code": code})
    assert "That code is wrong or has expired" in replay.content.decode()


def test_the_next_address_cannot_send_anyone_elsewhere(client) -> None:
    user = PractitionerFactory()
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    sign_in(client, user)
    done = client.post(
        "/sign-in/two-factor/", {"code": code_for(device), "next": "https://evil.example/"}
    )
    assert done["Location"] == "/"


def test_five_wrong_passwords_lock_the_username_even_with_the_right_one_after(client) -> None:
    user = PractitionerFactory()
    for _ in range(5):
        client.post("/sign-in/", {"username": user.username, "password": "wrong"})
    locked = sign_in(client, user)
    assert locked.status_code == 429
    assert "too many wrong passwords" in locked.content.decode()
    assert client.get("/search/").status_code == 302, "not signed in"


def test_a_right_password_resets_the_count(client) -> None:
    user = PractitionerFactory()
    for _ in range(4):
        client.post("/sign-in/", {"username": user.username, "password": "wrong"})
    sign_in(client, user)
    client.post("/sign-out/")
    for _ in range(4):
        client.post("/sign-in/", {"username": user.username, "password": "wrong"})
    assert sign_in(client, user).status_code == 302
