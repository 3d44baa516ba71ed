"""Load test: residents submit the survey concurrently to gunicorn and PostgreSQL on loopback.

Proves that the responses stored are exactly the responses the server accepted: none lost,
none duplicated (double clicks included). With --restart-postgres, PostgreSQL is stopped partway
through and started again: requests during the outage must get the 503 "Please try again" page,
never a 500 or a stack trace, and every accepted response must still be there afterwards.

    .venv/bin/python bench/load_test.py --requests 2000 --concurrency 16
    .venv/bin/python bench/load_test.py --requests 2000 --concurrency 16 --restart-postgres

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth); --restart-postgres instead starts
a PostgreSQL of its own (initdb in a temporary folder, a free port) and stops and starts that one,
never the machine's. Bounded: at most --requests submissions, none started after
--duration-limit seconds. The last line printed is one JSON object with the figures; the exit
code is 0 only if nothing was lost, duplicated or answered with anything but a 302 or a 503.
"""

import argparse
import base64
import json
import os
import secrets
import signal
import statistics
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import nullcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_client import submit  # noqa: E402
from load_server import (  # noqa: E402
    REPO,
    database_create,
    database_drop,
    database_url,
    free_port,
    gunicorn,
    postgres_outage,
    postgres_reachable,
    private_postgres,
    stored_responses,
)

SURVEY_PATH = "/f/load1"
RETRY_GRACE_SECONDS = 60


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="submissions to make")
    parser.add_argument("--concurrency", type=int, default=8, help="residents at once")
    parser.add_argument("--duration-limit", type=float, default=120, help="seconds")
    parser.add_argument("--restart-postgres", action="store_true", help="outage mid-test")
    parser.add_argument("--outage-seconds", type=float, default=3.0)
    parser.add_argument("--outage-after", type=float, default=0.3, help="fraction done first")
    parser.add_argument("--double-click-every", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--database", default="feedback_load")
    parser.add_argument("--keep-database", action="store_true")
    return parser.parse_args(argv)


def server_environment(database):
    """Production settings (see bench/load_settings.py) pointed at the load-test database."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.load_settings",
        "SECRET_KEY": f"load-test-only-{secrets.token_hex(16)}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "http://127.0.0.1",
        "MFA_ENCRYPTION_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "BACKUP_ENCRYPTION_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        # A real backend, pointed nowhere: the load test sends no email.
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url(database),
        # The machine's Redis, under a prefix of this run's own: nothing shared is touched.
        "CACHE_URL": os.environ.get("LOAD_TEST_CACHE_URL", "redis://127.0.0.1:6379/0"),
        "CACHE_KEY_PREFIX": f"load-test-{secrets.token_hex(4)}",
        "SURVEY_RATE_LIMIT": "1000000000",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(REPO),
    }


class OutageTrigger:
    """Stops PostgreSQL once enough submissions are done. Not a daemon: it always restarts it."""

    def __init__(self, threshold, seconds, log):
        self.threshold, self.seconds, self.log = threshold, seconds, log
        self.done, self.thread, self.lock = 0, None, threading.Lock()
        self.window = None

    def submission_done(self):
        with self.lock:
            self.done += 1
            if self.thread is None and self.done >= self.threshold:
                self.thread = threading.Thread(target=self._outage, name="postgres-outage")
                self.thread.start()

    def _outage(self):
        started = time.monotonic()
        self.log(f"Stopping PostgreSQL for {self.seconds:g} s after {self.done} submissions")
        postgres_outage(self.seconds)
        self.window = (started, time.monotonic())
        self.log("PostgreSQL is back")

    def join(self):
        if self.thread is not None:
            self.thread.join()


def run_load(port, args, log):
    """Every submission's Outcome, and the seconds the load phase took."""
    started = time.monotonic()
    start_by = started + args.duration_limit
    give_up_at = start_by + RETRY_GRACE_SECONDS
    trigger = None
    if args.restart_postgres:
        trigger = OutageTrigger(
            max(1, int(args.requests * args.outage_after)), args.outage_seconds, log
        )

    def one(number):
        if time.monotonic() > start_by:
            return None
        every = args.double_click_every
        double = bool(every) and number % every == every - 1
        return submit(port, SURVEY_PATH, number, double_click=double, give_up_at=give_up_at)

    outcomes = []
    try:
        with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            for future in as_completed(pool.submit(one, n) for n in range(args.requests)):
                outcome = future.result()
                if outcome is not None:
                    outcomes.append(outcome)
                    if trigger:
                        trigger.submission_done()
    finally:
        if trigger:
            trigger.join()
    return outcomes, time.monotonic() - started


def tally(outcomes, stored, seconds, args):
    """Compare what residents were told with what the database holds."""
    by_token = {o.token: o for o in outcomes if o.token}
    accepted = set().union(*(o.receipts for o in outcomes)) if outcomes else set()
    stored_receipts = {receipt for receipt, _token in stored}
    split = sum(len(o.receipts) - 1 for o in outcomes if len(o.receipts) > 1)
    unacknowledged = foreign = 0
    for receipt, token in stored:
        outcome = by_token.get(token)
        if outcome is None or (outcome.receipts and receipt not in outcome.receipts):
            foreign += 1
        elif not outcome.receipts:
            unacknowledged += 1
    statuses = Counter(s for o in outcomes for s in o.statuses)
    post_ms = sorted(ms for o in outcomes for ms in o.post_ms)
    problems = [p for o in outcomes for p in o.problems]
    result = {
        "mode": "restart-postgres" if args.restart_postgres else "steady",
        "submissions": len(outcomes),
        "not_started": args.requests - len(outcomes),
        "double_clicks": sum(1 for o in outcomes if o.double_click),
        "http_requests": sum(statuses.values()),
        "status_counts": {str(k): v for k, v in sorted(statuses.items())},
        "retries": sum(o.retries for o in outcomes),
        "accepted": len(accepted),
        "stored": len(stored),
        "lost": len(accepted - stored_receipts),
        "duplicated": split + foreign,
        "unacknowledged": unacknowledged,
        "problems": len(problems),
        "seconds": round(seconds, 2),
        "per_second": round(len(accepted) / seconds, 1) if seconds else 0.0,
        "p50_ms": round(statistics.median(post_ms), 1) if post_ms else None,
        "p95_ms": round(post_ms[int(0.95 * (len(post_ms) - 1))], 1) if post_ms else None,
    }
    unexpected_503 = statuses.get(503, 0) and not args.restart_postgres
    result["ok"] = (
        not (result["lost"] or result["duplicated"] or unacknowledged or problems or unexpected_503)
        and result["stored"] == result["accepted"]
    )
    return result, problems


def print_summary(result, problems, log_path):
    print(f"Submissions: {result['submissions']} ({result['not_started']} not started in time)")
    print(f"HTTP statuses: {result['status_counts']}  retries after 503: {result['retries']}")
    print(
        f"Accepted {result['accepted']}, stored {result['stored']}: lost {result['lost']}, "
        f"duplicated {result['duplicated']}, stored but never acknowledged "
        f"{result['unacknowledged']}"
    )
    print(
        f"Throughput {result['per_second']}/s; POST latency p50 {result['p50_ms']} ms, "
        f"p95 {result['p95_ms']} ms; {result['seconds']} s"
    )
    for problem, count in Counter(problems).most_common(10):
        print(f"PROBLEM x{count}: {problem}")
    print(("PASS" if result["ok"] else "FAIL") + f" (server log: {log_path})")


def main(argv=None):
    args = parse_args(argv)
    # SIGTERM ends the run like Ctrl+C does, so gunicorn stops and PostgreSQL is restarted.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not postgres_reachable():
        print("PostgreSQL is not reachable on 127.0.0.1:5432", file=sys.stderr)
        return 2
    # An outage stops a PostgreSQL of the test's own, never the machine's.
    with private_postgres() if args.restart_postgres else nullcontext():
        return _run(args)


def _run(args):
    log_dir = REPO / "bench" / "results"
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"load-gunicorn-{args.database}.log"
    env = server_environment(args.database)
    database_create(args.database, env, print)
    try:
        port = free_port()
        with gunicorn(
            env, port=port, workers=args.workers, threads=args.threads, log_path=log_path
        ):
            print(
                f"gunicorn on 127.0.0.1:{port}: {args.requests} submissions, "
                f"{args.concurrency} at a time"
            )
            outcomes, seconds = run_load(port, args, print)
        stored = stored_responses(args.database)
    finally:
        if not args.keep_database:
            database_drop(args.database)
    result, problems = tally(outcomes, stored, seconds, args)
    print_summary(result, problems, log_path)
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
