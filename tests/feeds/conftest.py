from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps

from threadline import clock


@pytest.fixture(autouse=True)
def _fixed_today() -> None:
    clock.set_now(dt.datetime(2024, 6, 3, 9, 0, tzinfo=dt.UTC))


def table_counts() -> dict[str, int]:
    """Rows in every Threadline table: a bad feed must leave all of them as they were."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {"agencies", "people", "casework", "chronology", "access", "feeds"}
    }
