from __future__ import annotations

import pytest
from django.test import Client

from tests.web.builders import Family, build_family


@pytest.fixture
def family(db: None) -> Family:
    return build_family()


@pytest.fixture
def worker_client(client: Client, family: Family) -> Client:
    client.force_login(family.worker)
    return client


@pytest.fixture
def outsider_client(client: Client, family: Family) -> Client:
    client.force_login(family.outsider)
    return client
