"""Several app servers for real: two gunicorn servers, nginx round robin, one db_worker, shared
PostgreSQL and Redis, and an S3 API server for files, all on loopback and all stopped at the end.

    .venv/bin/python bench/multi_server.py

Needs nginx (`apt-get install -y nginx-light`), PostgreSQL on 127.0.0.1:5432 (user postgres,
trust) and Redis on 127.0.0.1:6379. Its own database (feedback_multi, dropped at the end unless
--keep-database), its own Redis key prefix (deleted at the end), its own free ports. The S3
endpoint is moto's standalone server (`moto_server`): a real HTTP server that speaks the S3 API
to boto3, installed from the package index with the dev requirements; MinIO would be a
download of its own. The servers run the ExecStart of deploy/systemd's units and nginx runs
deploy/nginx/feedback.conf (bench/multi/processes.py). The last line is one JSON object with
each check's result; the exit code is 0 only if every check passed.
"""

import argparse
import base64
import functools
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import boto3  # noqa: E402
import psycopg  # noqa: E402
import redis  # noqa: E402

from bench import load_server  # noqa: E402
from bench.load_server import PG, database_create, database_drop, database_url  # noqa: E402
from bench.multi import checks  # noqa: E402
from bench.multi.client import HOST, Browser, Server  # noqa: E402
from bench.multi.processes import (  # noqa: E402
    VENV_BIN,
    Processes,
    free_port,
    nginx_conf,
    nginx_path,
    nginx_site,
    self_signed_certificate,
    unit_command,
    wait_for,
)

BUCKET = "feedback-multi"
# A template of the harness's own (migrated, with the load test's minimal site): the load test
# drops its own templates when migrations change, whoever is copying them.
load_server.TEMPLATE_PREFIX = "feedback_multi_template_"
RATE_LIMIT = 5


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="feedback_multi")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--residents", type=int, default=120, help="in the kill-one-server load")
    parser.add_argument("--keep-database", action="store_true")
    return parser.parse_args(argv)


def preflight(args):
    """Why the harness can't run, or None."""
    if nginx_path() is None:
        return "nginx is not installed: apt-get install -y nginx-light (Debian's package)"
    if not (VENV_BIN / "moto_server").exists():
        return "moto's S3 server is not installed: pip install -r requirements-dev.txt"
    try:
        psycopg.connect(dbname="postgres", connect_timeout=3, **PG).close()
    except psycopg.OperationalError:
        return "PostgreSQL is not reachable on 127.0.0.1:5432"
    try:
        redis.Redis.from_url(args.redis, socket_timeout=3).ping()
    except redis.RedisError:
        return f"Redis is not reachable at {args.redis}"
    return None


class Run:
    """Everything a check needs: the servers, the signed-in lead, the database, the bucket."""

    def __init__(self, args, folder):
        self.args, self.folder, self.repo = args, folder, REPO
        self.token = secrets.token_hex(6)
        self.processes = Processes(folder)
        self.ports = {name: free_port() for name in ("s3", "a", "b", "https", "http")}
        self.a = Server("A", self.ports["a"])
        self.b = Server("B", self.ports["b"])
        self.nginx = Server("nginx", self.ports["https"], tls=True)
        self.bucket, self.prefix = BUCKET, f"multi-{self.token}"
        self.env = self._environment()
        self.lead = Browser("10.0.0.1")
        self.people = None
        self._b_process = None

    def _environment(self):
        s3 = f"http://127.0.0.1:{self.ports['s3']}"
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.multi.settings",
            "PYTHONPATH": str(REPO),
            "SECRET_KEY": f"multi-server-only-{secrets.token_hex(24)}",
            "ALLOWED_HOSTS": HOST,
            "SITE_URL": f"https://{HOST}",
            "MFA_ENCRYPTION_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
            "BACKUP_ENCRYPTION_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",  # pointed nowhere
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": "9",
            "DATABASE_URL": database_url(self.args.database),
            "CACHE_URL": self.args.redis,
            "CACHE_KEY_PREFIX": self.prefix,
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "STORAGE_BACKEND": "s3",
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": s3,
            "AWS_S3_REGION_NAME": "eu-west-2",
            "AWS_ACCESS_KEY_ID": "multi-server",
            "AWS_SECRET_ACCESS_KEY": secrets.token_hex(16),
            "AWS_S3_ADDRESSING_STYLE": "path",
            # nginx and the harness (which plays a proxy when it calls gunicorn) are loopback.
            "TRUSTED_PROXIES": "127.0.0.1/32",
            "SURVEY_RATE_LIMIT": str(RATE_LIMIT),
            "WEB_CONCURRENCY": "2",
            "LOG_LEVEL": "WARNING",
        }

    # Processes ---------------------------------------------------------------------------
    def start_s3(self):
        port = self.ports["s3"]
        command = [str(VENV_BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)]
        process = self.processes.start("moto", command, self.env)
        wait_for(lambda: urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2), "moto",
                 process=process)  # fmt: skip
        self.s3 = boto3.client(
            "s3",
            endpoint_url=self.env["AWS_S3_ENDPOINT_URL"],
            region_name="eu-west-2",
            aws_access_key_id=self.env["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=self.env["AWS_SECRET_ACCESS_KEY"],
        )
        self.s3.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
        )
        # As docs/deployment.md asks of the council's bucket: versioned, no public access.
        self.s3.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"})

    def start_web(self, server):
        command = unit_command("feedback-web@.service", str(server.port))
        process = self.processes.start(f"web-{server.name}", command, self.env)
        wait_for(lambda: Browser().get(server, "/healthz").status == 200, f"gunicorn {server.name}",
                 process=process)  # fmt: skip
        return process

    def start_worker(self):
        self.worker = self.processes.start(
            "worker", unit_command("feedback-worker.service"), self.env
        )

    def start_nginx(self):
        cert, key = self_signed_certificate(self.folder, HOST)
        site = nginx_site({
            "APP_SERVER_1": f"127.0.0.1:{self.ports['a']}",
            "APP_SERVER_2": f"127.0.0.1:{self.ports['b']}",
            "HTTP_LISTEN": f"127.0.0.1:{self.ports['http']}",
            "HTTPS_LISTEN": f"127.0.0.1:{self.ports['https']}",
            "SERVER_NAME": HOST,
            "TLS_CERTIFICATE": str(cert),
            "TLS_CERTIFICATE_KEY": str(key),
            "ACCESS_LOG": str(self.folder / "nginx-access.log"),
        })  # fmt: skip
        conf = nginx_conf(self.folder, site)
        nginx = nginx_path()
        subprocess.run([nginx, "-t", "-q", "-c", str(conf)], check=True, capture_output=True)
        process = self.processes.start("nginx", [nginx, "-c", str(conf)], self.env)
        wait_for(lambda: Browser().get(self.nginx, "/healthz").status == 200, "nginx",
                 process=process)  # fmt: skip

    def kill_b(self):
        """Server B dies (SIGKILL to gunicorn and its workers), as a machine would."""
        self.processes.kill(self._b_process)

    def restart_b(self):
        """What systemd's Restart=on-failure does."""
        self._b_process = self.start_web(self.b)

    def manage_shell(self, code):
        done = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code], cwd=REPO, env=self.env,
            capture_output=True, text=True, timeout=180,
        )  # fmt: skip
        if done.returncode:
            raise RuntimeError(f"manage.py shell failed: {done.stderr.strip()[-400:]}")

    # Database ----------------------------------------------------------------------------
    def db_rows(self, sql, params=()):
        with psycopg.connect(dbname=self.args.database, **PG) as conn:
            return conn.execute(sql, params).fetchall()

    def db_row(self, sql, params=()):
        rows = self.db_rows(sql, params)
        return rows[0] if rows else None

    def db_value(self, sql, params=()):
        row = self.db_row(sql, params)
        return row[0] if row else None

    def wait_until(self, condition, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(0.5)
        return False

    def alternate(self, number):
        """(server for the form, server for the answers): A then B, B then A, …"""
        return (self.a, self.b) if number % 2 == 0 else (self.b, self.a)


def setup(run, log):
    log(f"moto S3 server on 127.0.0.1:{run.ports['s3']}, bucket {BUCKET}")
    run.start_s3()
    log(f"PostgreSQL database {run.args.database} (a copy of its migrated template)")
    database_create(run.args.database, run.env, log)
    fixture = subprocess.run(
        [sys.executable, "-m", "bench.multi.fixture"], cwd=REPO, env=run.env,
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    run.people = json.loads(fixture.stdout.strip().splitlines()[-1])
    log(f"gunicorn A on {run.a.port}, B on {run.b.port}; db_worker; nginx on {run.nginx.port}")
    run.start_web(run.a)
    run._b_process = run.start_web(run.b)
    run.start_worker()
    run.start_nginx()


CHECKS = [
    ("staff_session", checks.staff_session),
    ("tagged_and_counted", checks.tagged_and_counted),
    ("export_across", checks.export_across),
    ("paper_to_its_board_only", checks.paper_to_its_board_only),
    ("rate_limit_shared", lambda run: checks.rate_limit_shared(run, RATE_LIMIT)),
    ("scheduled_job_once", checks.scheduled_job_once),
    ("one_server_killed", lambda run: checks.one_server_killed(run, run.args.residents)),
    ("survey_closed_everywhere", checks.survey_closed_everywhere),
]


def run_checks(run, log):
    results = {}
    for name, check in CHECKS:
        started = time.monotonic()
        try:
            if run.worker.poll() is not None:
                raise RuntimeError(f"db_worker exited with code {run.worker.returncode}")
            result = check(run)
        except Exception as error:  # noqa: BLE001 - a check that raises has failed
            result = {"ok": False, "error": repr(error)[:300]}
        result["seconds"] = round(time.monotonic() - started, 1)
        results[name] = result
        log(f"{'PASS' if result['ok'] else 'FAIL'} {name}: {json.dumps(result)}")
        if name == "one_server_killed":
            log("Restarting server B (systemd's Restart=on-failure)")
            run.restart_b()
    return results


def cleanup(run):
    run.processes.stop_all()
    if not run.args.keep_database:
        database_drop(run.args.database)
    client = redis.Redis.from_url(run.args.redis)
    for key in client.scan_iter(match=f"{run.prefix}:*", count=500):
        client.delete(key)


def main(argv=None):
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop everything, as Ctrl+C does
    problem = preflight(args)
    if problem:
        print(problem, file=sys.stderr)
        print(json.dumps({"ok": False, "error": problem}))
        return 2
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="feedback-multi-"))
    run = Run(args, folder)
    results = {}
    try:
        log = functools.partial(print, flush=True)
        setup(run, log)
        results = run_checks(run, log)
    except Exception as error:  # noqa: BLE001 - reported on the last line like any failure
        results["setup"] = {"ok": False, "error": repr(error)[:300]}
    finally:
        cleanup(run)
    ok = bool(results) and all(result["ok"] for result in results.values())
    print(f"Logs: {folder}")
    summary = {name: result["ok"] for name, result in results.items()}
    print(json.dumps({"ok": ok, "checks": summary, "seconds": round(time.monotonic() - started, 1),
                      "details": results}))  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
