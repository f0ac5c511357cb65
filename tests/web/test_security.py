"""Sign-in and the web: headers on every response, Argon2, and Django's deployment checks
clean with production settings."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher, make_password

import threadline.settings as production

pytestmark = pytest.mark.django_db


def test_every_response_carries_a_strict_content_security_policy(client) -> None:
    response = client.get("/sign-in/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_passwords_are_hashed_with_argon2() -> None:
    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    argon2 = Argon2PasswordHasher()
    hashed = make_password("correct horse battery staple", hasher=argon2)
    assert hashed.startswith("argon2$argon2id$")
    assert argon2.verify("correct horse battery staple", hashed)
    assert not argon2.verify("correct horse battery stable", hashed)


def test_the_deployment_checks_pass_with_production_settings(tmp_path) -> None:
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,  # less the browser tests' async switch, which no deployment has
        "THREADLINE_DEBUG": "false",
        "THREADLINE_SECRET_KEY": "x7#Kq!v2Lp9$Wm4@Rt6^Yz8&Bn3*Hd5(Jf1)Gs0-Vc7+Xa2=Qe9~Uw4%Ti6",
        "THREADLINE_ALLOWED_HOSTS": "threadline.example.org",
        "THREADLINE_DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    done = subprocess.run(
        [sys.executable, "-m", "threadline.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout
