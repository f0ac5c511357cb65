"""The scale path: the same linkage on Splink's Spark backend (local pyspark, two cores) gives
the same pairs and the same probabilities as on DuckDB."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from django.core.management import call_command

from tests.factories import AgencyFactory, PersonFactory
from threadline import clock
from threadline.bench.linkage import _features_of
from threadline.bench.linkage_data import synthetic_records
from threadline.matching.linkage import link_all
from threadline.people.models import Person, PersonRecord

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs a JVM")


def test_spark_and_duckdb_find_the_same_pairs_with_the_same_scores() -> None:
    from threadline.matching.spark import local_spark

    rows = [_features_of(record) for record in synthetic_records(1500, seed=5)]
    on_duckdb = {(p.left, p.right): round(p.probability, 6) for p in link_all(rows, at_least=0.5)}
    spark = local_spark()
    on_spark = {
        (p.left, p.right): round(p.probability, 6)
        for p in link_all(rows, at_least=0.5, spark=spark)
    }
    assert len(on_duckdb) > 500
    assert on_spark == on_duckdb


def _held(agency_code: str, given: str) -> Person:
    person = PersonFactory(given_name=given, family_name="Hartley", nhs_number="")
    PersonRecord.objects.create(
        agency=AgencyFactory(code=agency_code),
        source_id=f"{agency_code}-1",
        person=person,
        given_name=given,
        family_name="Hartley",
        date_of_birth=dt.date(1988, 7, 14),
        sex="male",
        postcode="NE1 4ST",
        content_hash="test",
        received_at=clock.now(),
    )
    return person


@pytest.mark.django_db
def test_the_batch_relink_runs_on_spark_from_the_command_line() -> None:
    gp, police = _held("gp", "William"), _held("police", "Bill")

    call_command("link", spark="local[1]")

    assert Person.objects.get(pk=police.pk).merged_into_id == gp.pk
