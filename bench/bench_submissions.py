"""Survey submissions per second: the product side by side with a bare Django baseline.

Both run at once under the same server settings (gunicorn 2 workers x 4 threads, PostgreSQL,
DEBUG off, CSRF on): the product with production settings (bench/load_test.py's environment,
database task queue, Redis cache under a prefix of its own) and bench/bare/, one form that
inserts one row. The same client (bench/load_client.py) does GET form -> POST -> GET the
confirmation page against each, in interleaved rounds that alternate which goes first.

    .venv/bin/python bench/bench_submissions.py --rounds 3 --submissions 200 --concurrency 8

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and Redis on 127.0.0.1:6379. Uses
databases of its own (feedback_bench_sub_<random>, feedback_bench_bare_<random>), dropped at
the end. The queries per submission are measured in-process afterwards (Django's test client
against the product's benchmark database). Each round also reports the CPU spent a
submission by each server's gunicorn processes, the PostgreSQL backends of its database and
this client (read from /proc), since the machine's other work moves the rates. The last line
printed is one JSON object.
"""

import argparse
import cProfile
import json
import os
import pstats
import secrets
import signal
import statistics
import subprocess
import sys
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_client  # noqa: E402
import psycopg  # noqa: E402
from load_client import _answers, submit  # noqa: E402
from load_server import (  # noqa: E402
    PG,
    PYTHON,
    REPO,
    database_create,
    database_drop,
    database_url,
    free_port,
    gunicorn,
    postgres_reachable,
)
from load_test import SURVEY_PATH, server_environment  # noqa: E402

BARE_PATH = "/"
GIVE_UP_SECONDS = 120
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--submissions", type=int, default=200, help="per server per round")
    parser.add_argument("--concurrency", type=int, default=8, help="residents at once")
    parser.add_argument("--port-base", type=int, help="product on this port, bare on the next")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--profile", type=int, default=0, help="cProfile this many journeys")
    parser.add_argument(
        "--form-reader",
        choices=sorted(load_client.FORM_READERS),
        default="regex",
        help="how the client reads the form's fields (bench/load_client.py): regular "
        "expressions over the input tags, or Python's HTMLParser over the whole page",
    )
    return parser.parse_args(argv)


def bare_environment(database):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.bare.settings",
        "SECRET_KEY": f"bench-only-{secrets.token_hex(16)}",
        "DATABASE_URL": database_url(database),
        "PYTHONPATH": str(REPO),
    }


def bare_database_create(name, env):
    with psycopg.connect(dbname="postgres", autocommit=True, **PG) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    migrate = [str(PYTHON), "-m", "django", "migrate", "--noinput", "-v", "0"]
    subprocess.run(migrate, cwd=REPO, env=env, check=True)


def count_rows(database, table):
    with psycopg.connect(dbname=database, **PG) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid):
    """User + system CPU seconds a process has used (0 once it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _children(pid):
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, ValueError):
            continue
    return found


class CpuMeter:
    """CPU used by one server: its gunicorn processes and the PostgreSQL backends serving its
    database (the machine's other work is left out). Sampled around each round."""

    def __init__(self, gunicorn_pid, database):
        self.pids = [gunicorn_pid, *_children(gunicorn_pid)]
        self.database = database

    def _backends(self):
        with psycopg.connect(dbname="postgres", autocommit=True, **PG) as conn:
            rows = conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s", (self.database,)
            )
            return [pid for (pid,) in rows.fetchall()]

    def sample(self):
        """{backend pid: seconds} for the database, and the app servers' seconds."""
        return {pid: _cpu_seconds(pid) for pid in self._backends()}, sum(
            _cpu_seconds(pid) for pid in self.pids
        )

    @staticmethod
    def spent(before, after):
        """(app server seconds, database seconds) between two samples; a backend that started
        in between counts from zero."""
        database = sum(seconds - before[0].get(pid, 0.0) for pid, seconds in after[0].items())
        return after[1] - before[1], database


def run_round(port, path, count, concurrency):
    """Accepted submissions, seconds, POST latencies and problems for `count` residents."""
    give_up_at = time.monotonic() + GIVE_UP_SECONDS
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        outcomes = list(
            pool.map(
                lambda n: submit(port, path, n, double_click=False, give_up_at=give_up_at),
                range(count),
            )
        )
    seconds = time.monotonic() - started
    accepted = sum(len(o.receipts) for o in outcomes)
    return {
        "accepted": accepted,
        "seconds": round(seconds, 2),
        "per_second": round(accepted / seconds, 1),
        "post_ms": [ms for o in outcomes for ms in o.post_ms],
        "problems": [p for o in outcomes for p in o.problems],
    }


def percentile(values, fraction):
    ordered = sorted(values)
    return round(ordered[int(fraction * (len(ordered) - 1))], 1) if ordered else None


def spread(values):
    return {"min": min(values), "median": round(statistics.median(values), 1), "max": max(values)}


def run_rounds(ports, args, meters):
    """Every round against both servers, alternating which goes first; warm-up rounds first."""
    servers = {"product": (ports[0], SURVEY_PATH), "bare": (ports[1], BARE_PATH)}
    totals = {name: {"accepted": 0, "post_ms": [], "problems": []} for name in servers}
    rounds = []
    for number in range(-1, args.rounds):  # round -1 warms both servers up, not reported
        order = ["product", "bare"] if number % 2 == 0 else ["bare", "product"]
        row = {"round": number + 1, "first": order[0]}
        for name in order:
            port, path = servers[name]
            count = args.concurrency * 2 if number < 0 else args.submissions
            before, client_before = meters[name].sample(), time.process_time()
            result = run_round(port, path, count, args.concurrency)
            client = time.process_time() - client_before
            app, database = CpuMeter.spent(before, meters[name].sample())
            per = 1000 / max(result["accepted"], 1)
            result["cpu_ms"] = {
                "app": round(app * per, 1),
                "database": round(database * per, 1),
                "client": round(client * per, 1),
            }
            totals[name]["accepted"] += result["accepted"]
            totals[name]["problems"] += result["problems"]
            if number >= 0:
                totals[name]["post_ms"] += result["post_ms"]
                row[name] = {k: result[k] for k in ("accepted", "seconds", "per_second", "cpu_ms")}
        if number >= 0:
            row["ratio"] = round(row["product"]["per_second"] / row["bare"]["per_second"], 3)
            print_round(row)
            rounds.append(row)
    return rounds, totals


def print_round(row):
    product, bare = row["product"], row["bare"]
    print(
        f"round {row['round']} ({row['first']} first): product {product['per_second']}/s "
        f"({product['accepted']} in {product['seconds']} s), bare {bare['per_second']}/s "
        f"({bare['accepted']} in {bare['seconds']} s), ratio {row['ratio']}; CPU ms a "
        f"submission (app, database, client): product {_cpu_text(product)}, bare "
        f"{_cpu_text(bare)}",
        flush=True,
    )


def _cpu_text(result):
    cpu = result["cpu_ms"]
    return f"{cpu['app']}, {cpu['database']}, {cpu['client']}"


def measure_queries(env, profile_journeys):
    """Statements for one GET form + POST + confirmation, through Django's test client in this
    process against the product's benchmark database; with `profile_journeys`, a cProfile of that
    many journeys (form, send, confirmation) is printed too."""
    os.environ.update(env)
    sys.path.insert(0, str(REPO))
    # Static files come from the finders (bench/load_settings.py): no collected folder is needed.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", enforce_csrf_checks=True)
    # A warm server, as in tests/surveys/test_submission_query_counts.py: one journey first.
    warm = client.post(SURVEY_PATH, _answers(client.get(SURVEY_PATH).content.decode(), 0))
    client.get(warm["Location"])
    counts = []
    with CaptureQueriesContext(connection) as captured:
        fields = _answers(client.get(SURVEY_PATH).content.decode(), 0)
    counts.append(_split(captured))  # now: the next request clears the log it reads
    with CaptureQueriesContext(connection) as captured:
        sent = client.post(SURVEY_PATH, fields)
    counts.append(_split(captured))
    with CaptureQueriesContext(connection) as captured:
        page = client.get(sent["Location"])
    counts.append(_split(captured))
    if sent.status_code != 302 or page.status_code != 200:
        raise RuntimeError(f"in-process submission failed: {sent.status_code} {page.status_code}")
    if profile_journeys:
        _profile_journeys(client, profile_journeys)
    return counts


def _split(captured):
    """(statements, transaction control): BEGIN, COMMIT and savepoints apart, as the pinned
    counts in tests/surveys/test_submission_query_counts.py leave them out."""
    sql = [q["sql"] for q in captured.captured_queries]
    control = sum(1 for s in sql if s.startswith(TRANSACTION_CONTROL))
    return len(sql) - control, control


def _profile_journeys(client, count):
    """Mean in-process milliseconds of each step over `count` journeys (timed without the
    profiler, whose overhead is larger than some steps), then their cProfile."""
    spent = {"form": 0.0, "send": 0.0, "confirmation": 0.0}
    for number in range(count):
        started = time.perf_counter()
        form = client.get(SURVEY_PATH)
        sent_at = time.perf_counter()
        sent = client.post(SURVEY_PATH, _answers(form.content.decode(), number))
        confirm_at = time.perf_counter()
        client.get(sent["Location"])
        spent["form"] += sent_at - started
        spent["send"] += confirm_at - sent_at
        spent["confirmation"] += time.perf_counter() - confirm_at
    print({step: f"{seconds * 1000 / count:.2f} ms" for step, seconds in spent.items()})
    profiler = cProfile.Profile()
    for number in range(count):
        form = profiler.runcall(client.get, SURVEY_PATH)
        sent = profiler.runcall(client.post, SURVEY_PATH, _answers(form.content.decode(), number))
        profiler.runcall(client.get, sent["Location"])
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    stats.sort_stats("cumulative").print_stats(60)
    stats.sort_stats("tottime").print_stats(40)


def summary(rounds, totals, stored, queries):
    product = [r["product"]["per_second"] for r in rounds]
    bare = [r["bare"]["per_second"] for r in rounds]
    return {
        "per_second": round(statistics.median(product), 1),
        "bare_per_second": round(statistics.median(bare), 1),
        "ratio_to_bare": round(statistics.median(r["ratio"] for r in rounds), 3),
        "per_second_spread": spread(product),
        "bare_per_second_spread": spread(bare),
        "cpu_ms_per_submission": _cpu_medians(rounds, "product"),
        "bare_cpu_ms_per_submission": _cpu_medians(rounds, "bare"),
        "p95_ms": percentile(totals["product"]["post_ms"], 0.95),
        "p50_ms": percentile(totals["product"]["post_ms"], 0.5),
        "bare_p95_ms": percentile(totals["bare"]["post_ms"], 0.95),
        "queries_per_submission": sum(statements for statements, _control in queries),
        "queries_form_send_confirmation": [statements for statements, _control in queries],
        "transaction_statements": sum(control for _statements, control in queries),
        "stored": stored["product"],
        "accepted": totals["product"]["accepted"],
        "bare_stored": stored["bare"],
        "bare_accepted": totals["bare"]["accepted"],
        "problems": len(totals["product"]["problems"]) + len(totals["bare"]["problems"]),
        "server_cpu_ratio": _server_cpu_ratio(rounds),
        "form_reader": load_client.form_reader,
        "rounds": rounds,
    }


def _server_cpu_ratio(rounds):
    """Bare's server CPU (app and database) over the product's, a submission: the ratio with
    the client's share of the machine left out (median of the rounds)."""

    def server(cpu):
        return cpu["app"] + cpu["database"]

    return round(
        statistics.median(
            server(r["bare"]["cpu_ms"]) / server(r["product"]["cpu_ms"]) for r in rounds
        ),
        3,
    )


def _cpu_medians(rounds, name):
    """Median over the rounds of each CPU share (app servers, database, client), ms a submission."""
    return {
        part: statistics.median(r[name]["cpu_ms"][part] for r in rounds)
        for part in ("app", "database", "client")
    }


def print_summary(result):
    for key, label in (("per_second_spread", "product"), ("bare_per_second_spread", "bare")):
        s = result[key]
        print(f"{label}: min {s['min']}/s, median {s['median']}/s, max {s['max']}/s")
    print(
        f"ratio to bare (median of rounds) {result['ratio_to_bare']} (server CPU ratio "
        f"{result['server_cpu_ratio']}, client reads forms by {result['form_reader']}); "
        f"product POST p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms; "
        f"bare POST p95 {result['bare_p95_ms']} ms"
    )
    product, bare = result["cpu_ms_per_submission"], result["bare_cpu_ms_per_submission"]
    print(
        f"CPU ms a submission (median of rounds): product app {product['app']}, database "
        f"{product['database']}, client {product['client']}; bare app {bare['app']}, database "
        f"{bare['database']}, client {bare['client']}"
    )
    print(
        f"queries per submission {result['queries_per_submission']} "
        f"(form, send, confirmation: {result['queries_form_send_confirmation']}; plus "
        f"{result['transaction_statements']} BEGIN/COMMIT/SAVEPOINT/RELEASE); "
        f"product stored {result['stored']} of {result['accepted']} accepted, bare stored "
        f"{result['bare_stored']} of {result['bare_accepted']}; problems {result['problems']}"
    )


def main(argv=None):
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not postgres_reachable():
        print("PostgreSQL is not reachable on 127.0.0.1:5432", file=sys.stderr)
        return 2
    suffix = secrets.token_hex(4)
    databases = {"product": f"feedback_bench_sub_{suffix}", "bare": f"feedback_bench_bare_{suffix}"}
    try:
        return _run(args, databases)
    finally:
        for name in databases.values():
            database_drop(name)


def _run(args, databases):
    load_client.form_reader = args.form_reader
    log_dir = REPO / "bench" / "results"
    log_dir.mkdir(parents=True, exist_ok=True)
    envs = {
        "product": server_environment(databases["product"]),
        "bare": bare_environment(databases["bare"]),
    }
    database_create(databases["product"], envs["product"], print)
    bare_database_create(databases["bare"], envs["bare"])
    ports = (args.port_base, args.port_base + 1) if args.port_base else (free_port(), free_port())
    server = {"workers": args.workers, "threads": args.threads}
    with ExitStack() as stack:
        product = stack.enter_context(
            gunicorn(envs["product"], port=ports[0], log_path=log_dir / "sub-product.log", **server)
        )
        bare = stack.enter_context(
            gunicorn(
                envs["bare"],
                port=ports[1],
                log_path=log_dir / "sub-bare.log",
                app="bench.bare.wsgi",
                health_path=BARE_PATH,
                **server,
            )
        )
        print(
            f"product on 127.0.0.1:{ports[0]}, bare on 127.0.0.1:{ports[1]}: {args.rounds} "
            f"rounds of {args.submissions} submissions each, {args.concurrency} at a time",
            flush=True,
        )
        meters = {
            "product": CpuMeter(product.pid, databases["product"]),
            "bare": CpuMeter(bare.pid, databases["bare"]),
        }
        rounds, totals = run_rounds(ports, args, meters)
    stored = {
        "product": count_rows(databases["product"], "surveys_response"),
        "bare": count_rows(databases["bare"], "bare_comment"),
    }
    queries = measure_queries(envs["product"], args.profile)
    result = summary(rounds, totals, stored, queries)
    print_summary(result)
    print(json.dumps(result))
    ok = result["stored"] == result["accepted"] and not result["problems"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
