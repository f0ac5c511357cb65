"""A local Spark session for Splink's Spark backend: the same linkage as on DuckDB, for the day
a region's records outgrow one machine. On a cluster, build the session there instead, with
Splink's similarity functions on the classpath (``similarity_jar_location``) and a checkpoint
directory on shared storage, and pass it to ``linkage.link_all(..., spark=session)``."""

from __future__ import annotations

import tempfile
from typing import Any


def local_spark(cores: int = 2, master: str | None = None) -> Any:
    """A session on this machine's ``cores``, or on ``master`` (``spark://host:7077``)."""
    from pyspark.sql import SparkSession
    from splink.internals.spark.jar_location import similarity_jar_location

    scratch = tempfile.mkdtemp(prefix="threadline-spark-")
    session = (
        SparkSession.builder.master(master or f"local[{cores}]")
        .appName("threadline-link")
        .config("spark.jars", similarity_jar_location())
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(cores * 2))
        .config("spark.driver.memory", "2g")
        .config("spark.sql.warehouse.dir", f"{scratch}/warehouse")
        .getOrCreate()
    )
    session.sparkContext.setCheckpointDir(f"{scratch}/checkpoints")
    session.sparkContext.setLogLevel("ERROR")
    return session
