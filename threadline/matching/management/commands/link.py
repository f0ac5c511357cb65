"""``threadline link [--train] [--spark MASTER]``: compare every record held again, merging
and queueing; on Spark (``local[4]``, ``spark://host:7077``) where a region outgrows DuckDB."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from threadline.matching.linkage import train
from threadline.matching.services import record_features, relink_everyone
from threadline.people.models import PersonRecord


class Command(BaseCommand):
    help = "Re-link every person's records in batch; --train re-estimates the model first."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--train",
            action="store_true",
            help=f"estimate the model from the records held and save it to "
            f"{settings.THREADLINE_MATCH_MODEL}",
        )
        parser.add_argument(
            "--spark",
            metavar="MASTER",
            help="score on Spark instead of DuckDB: local[N] or a cluster's spark:// address",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["train"]:
            records = [record_features(r) for r in PersonRecord.objects.all()]
            model = train(records)
            settings.THREADLINE_MATCH_MODEL.parent.mkdir(parents=True, exist_ok=True)
            settings.THREADLINE_MATCH_MODEL.write_text(json.dumps(model, indent=1))
            self.stdout.write(f"model trained on {len(records)} records")
        spark = None
        if options["spark"]:
            from threadline.matching.spark import local_spark

            spark = local_spark(master=options["spark"])
        outcome = relink_everyone(spark=spark)
        self.stdout.write(
            f"{outcome.linked} linked automatically, {outcome.for_review} sent for review"
        )
