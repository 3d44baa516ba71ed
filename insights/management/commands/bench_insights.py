"""Benchmark the insights dashboard on synthetic data in a fresh PostgreSQL database.

    python manage.py bench_insights --responses 1000000

Creates the database `feedback_bench` (dropped afterwards unless --keep), loads synthetic
responses with COPY, builds the roll-ups, then times the dashboard for a representative set of
filters (median of --runs runs each) and the theme summary. The last line printed is one JSON
object: responses, dashboard_ms (the slowest filter's median), summary_ms and per-filter figures.
"""

import json
import os
import subprocess
import sys

import dj_database_url
import psycopg
from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command

from insights.benchmark import loading
from insights.benchmark.report import measure

BENCH_DATABASE = "feedback_bench"
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"


class Command(BaseCommand):
    help = "Time the insights dashboard and summary on synthetic data in PostgreSQL."

    def add_arguments(self, parser):
        parser.add_argument("--responses", type=int, default=100_000)
        parser.add_argument("--runs", type=int, default=5)
        parser.add_argument(
            "--database-url", default=DEFAULT_SERVER, help="Any database on the server to use."
        )
        parser.add_argument("--keep", action="store_true", help="Keep the benchmark database.")
        parser.add_argument(
            "--reuse", action="store_true", help="Time an existing benchmark database again."
        )
        parser.add_argument("--inside", action="store_true", help="(internal)")

    def handle(self, *args, **options):
        if options["inside"]:
            return self._run_inside(options)
        server = dj_database_url.parse(options["database_url"])
        if "postgresql" not in server["ENGINE"]:
            raise CommandError("The benchmark needs PostgreSQL.")
        if not options["reuse"]:
            self._admin(options["database_url"], f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")
            self._admin(options["database_url"], f"CREATE DATABASE {BENCH_DATABASE}")
        try:
            self._run_child(options)
        finally:
            if not options["keep"]:
                self._admin(options["database_url"], f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")

    def _admin(self, url, sql):

        server = dj_database_url.parse(url)
        with psycopg.connect(
            host=server["HOST"],
            port=server["PORT"] or 5432,
            user=server["USER"],
            password=server["PASSWORD"] or None,
            dbname=server["NAME"],
            autocommit=True,
        ) as connection:
            connection.execute(sql)

    def _run_child(self, options):
        """Run again in a child process whose default database is the benchmark database."""
        url = options["database_url"].rsplit("/", 1)[0] + f"/{BENCH_DATABASE}"
        arguments = [
            sys.executable,
            str(settings.BASE_DIR / "manage.py"),
            "bench_insights",
            "--inside",
            f"--responses={options['responses']}",
            f"--runs={options['runs']}",
        ]
        if options["reuse"]:
            arguments.append("--reuse")
        env = dict(os.environ, DATABASE_URL=url, LOG_LEVEL="WARNING")
        result = subprocess.run(arguments, env=env, check=False)
        if result.returncode:
            raise CommandError("The benchmark failed.")

    def _run_inside(self, options):

        call_command("migrate", verbosity=0)
        progress = lambda message: self.stdout.write(f"  {message}")  # noqa: E731
        if options["reuse"]:
            self.stdout.write("Recounting the roll-ups of the existing benchmark data…")
            rebuild_s = loading.rebuild_rollups(progress)
        else:
            self.stdout.write(f"Loading {options['responses']:,} synthetic responses…")
            rebuild_s = loading.load(options["responses"], progress)
        results = measure(options["runs"], self.stdout.write)
        results["rollups_rebuild_s"] = rebuild_s
        self.stdout.write(json.dumps(results))
        return None
