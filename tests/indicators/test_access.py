"""Who sees the indicators."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import PractitionerFactory
from threadline.agencies.models import Role
from threadline.indicators.access import SEES_INDICATORS, may_see_indicators

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", Role.values)
def test_only_the_partnership_and_its_managers_see_them(role: str) -> None:
    user = PractitionerFactory(role=role)
    assert may_see_indicators(user) == (role in SEES_INDICATORS)


def test_nobody_signed_out_does() -> None:
    assert not may_see_indicators(AnonymousUser())  # type: ignore[arg-type]


def test_practitioners_do_not() -> None:
    assert Role.PRACTITIONER not in SEES_INDICATORS and Role.MASH not in SEES_INDICATORS
