from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from threadline import clock


def pytest_configure(config: pytest.Config) -> None:
    # The SQLite test database is a file under var/, which a fresh clone does not have.
    test_name = settings.DATABASES["default"].get("TEST", {}).get("NAME")
    if test_name:
        Path(test_name).parent.mkdir(parents=True, exist_ok=True)
    # Argon2 is slow on purpose; thousands of test users need a fast hash. Production's choice
    # is tested in tests/web/test_security.py.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Tests sign users in directly; the second factor has its own tests (tests/signin), which
    # turn it back on.
    settings.THREADLINE_TWO_FACTOR = False


@pytest.fixture(autouse=True)
def _release_clock() -> Iterator[None]:
    yield
    clock.set_now(None)


from tests.checks.family import ladder  # noqa: E402  (a fixture: a CSC team with its managers)

__all__ = ["ladder"]
