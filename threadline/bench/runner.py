"""Run each benchmark in its own process against a scratch database of each engine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import psycopg
from django.conf import settings

BENCHMARKS = ("ingest", "chronology", "tick", "linkage", "library")
# Benchmarks that use no Threadline database, run once rather than on each engine.
IN_PROCESS = ("linkage",)
SCRATCH_PG = "threadline_bench"


def scratch_url(engine: str, name: str) -> str:
    if engine == "sqlite":
        folder = Path(settings.BASE_DIR).parent / "var" / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    base = os.environ.get("THREADLINE_BENCH_PG", "postgres://postgres@127.0.0.1:5432/postgres")
    with psycopg.connect(base.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {SCRATCH_PG}_{name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {SCRATCH_PG}_{name}")
    return base.rsplit("/", 1)[0] + f"/{SCRATCH_PG}_{name}"


def run_in_child(name: str, engine: str, options: dict[str, Any]) -> dict[str, Any]:
    url = scratch_url(engine, name)
    env = {
        **os.environ,
        "THREADLINE_DATABASE_URL": url,
        "THREADLINE_DEBUG": "false",
        "THREADLINE_SECRET_KEY": "bench-only-not-secret",
        # Production settings, but spoken to over plain HTTP in this process.
        "THREADLINE_SSL_REDIRECT": "false",
        "THREADLINE_SECURE_COOKIES": "false",
    }
    command = [sys.executable, "-m", "threadline.cli"]
    subprocess.run([*command, "migrate", "--verbosity", "0"], env=env, check=True)
    worker = [*command, "bench", name, "--worker", "--options", json.dumps(options)]
    done = subprocess.run(worker, env=env, capture_output=True, text=True)
    if done.returncode != 0:  # the worker's own traceback says why, not the runner's
        sys.stderr.write(done.stderr)
        raise RuntimeError(f"the {name} bench failed on {engine} (exit {done.returncode})")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))
