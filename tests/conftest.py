from __future__ import annotations

from collections.abc import Iterator

import pytest

from threadline import clock


@pytest.fixture(autouse=True)
def _release_clock() -> Iterator[None]:
    yield
    clock.set_now(None)


from tests.checks.family import ladder  # noqa: E402  (a fixture: a CSC team with its managers)

__all__ = ["ladder"]
