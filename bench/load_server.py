"""The server side of the load test: a fresh PostgreSQL database, gunicorn, and a database outage.

Migrating an empty database takes most of a minute, so the first run migrates and seeds a
template database named after a fingerprint of every migration; each run then copies it
(`CREATE DATABASE ... TEMPLATE ...`, about a second). A new migration makes a new template.
"""

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import psycopg

REPO = Path(__file__).resolve().parent.parent
PYTHON = Path(sys.executable)
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
TEMPLATE_PREFIX = "feedback_load_template_"


def postgres_reachable():
    try:
        with psycopg.connect(dbname="postgres", connect_timeout=3, **PG):
            return True
    except psycopg.OperationalError:
        return False


def _admin():
    return psycopg.connect(dbname="postgres", autocommit=True, **PG)


def database_url(name):
    return f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{name}"


def _fingerprint():
    digest = hashlib.sha256()
    for path in sorted(REPO.glob("*/migrations/*.py")) + [REPO / "bench" / "load_fixture.py"]:
        digest.update(path.relative_to(REPO).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _drop(conn, name):
    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _build_template(template, env, log):
    building = f"{template}_building_{os.getpid()}"
    with _admin() as conn:
        for (old,) in conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", (TEMPLATE_PREFIX + "%",)
        ).fetchall():
            _drop(conn, old)
        conn.execute(f'CREATE DATABASE "{building}"')
    build_env = {**env, "DATABASE_URL": database_url(building)}
    log(f"Building {template} (migrate + minimal seed; only when migrations change)")
    for command in (["manage.py", "migrate", "--noinput", "-v", "0"], ["bench/load_fixture.py"]):
        subprocess.run([str(PYTHON), *command], cwd=REPO, env=build_env, check=True)
    with _admin() as conn:
        conn.execute(f'ALTER DATABASE "{building}" RENAME TO "{template}"')


def database_create(name, env, log):
    """A fresh copy of the migrated, seeded template, under `name`."""
    template = TEMPLATE_PREFIX + _fingerprint()
    with _admin() as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (template,)
        ).fetchone()
    if not exists:
        _build_template(template, env, log)
    with _admin() as conn:
        _drop(conn, name)
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def database_drop(name):
    with _admin() as conn:
        _drop(conn, name)


def stored_responses(name):
    """(receipt code, submission token) for every response in the database."""
    with psycopg.connect(dbname=name, **PG) as conn:
        rows = conn.execute("SELECT receipt_code, submission_token FROM surveys_response")
        return [(receipt, str(token)) for receipt, token in rows.fetchall()]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(
    env, *, port, workers, threads, log_path, app="feedback_site.wsgi", health_path="/healthz"
):
    """gunicorn on loopback, stopped (with all its workers) however the block ends."""
    command = [
        str(PYTHON.parent / "gunicorn"),
        app,
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--timeout=60",
        "--graceful-timeout=5",
        "--preload",  # import the app once, then fork: workers start in a moment
    ]
    with open(log_path, "wb") as log_file:
        process = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
        try:
            _wait_healthy(port, process, health_path)
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_healthy(port, process, health_path, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with code {process.returncode}")
        url = f"http://127.0.0.1:{port}{health_path}"
        try:
            with urllib.request.urlopen(url, timeout=5) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not become healthy in time")


class PrivateCluster:
    """A PostgreSQL server of the load test's own: `initdb` in a temporary folder, on a free
    port. The outage test stops and starts this one, never the machine's PostgreSQL (which other
    tests and people are using)."""

    def __init__(self):
        found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not found:
            raise RuntimeError("PostgreSQL's server programs (initdb) are not installed")
        self.bin = found[-1].parent
        self.folder = Path(tempfile.mkdtemp(prefix="feedback-load-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()

    def _run(self, program, *args, check=True):
        command = [str(self.bin / program), *args]
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, timeout=120)

    def create(self):
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.pg_ctl("start")

    def pg_ctl(self, action, check=True):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = self.folder / "server.log"
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(log), "-w", action, check=check
        )

    def remove(self):
        self.pg_ctl("stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


_private = {"cluster": None}


@contextmanager
def private_postgres():
    """Point the load test at a PostgreSQL of its own for as long as the block runs."""
    cluster = PrivateCluster()
    machine_port = PG["port"]
    try:
        cluster.create()
        PG["port"], _private["cluster"] = cluster.port, cluster
        yield cluster
    finally:
        PG["port"], _private["cluster"] = machine_port, None
        cluster.remove()


def postgres_outage(seconds):
    """Stop the private PostgreSQL for `seconds`, then start it again, whatever happens."""
    cluster = _private["cluster"]
    if cluster is None:
        raise RuntimeError("An outage needs the load test's own PostgreSQL (private_postgres)")
    try:
        cluster.pg_ctl("stop")
        time.sleep(seconds)
    finally:
        cluster.pg_ctl("start", check=False)  # "already running" is fine too
        deadline = time.monotonic() + 60
        while not postgres_reachable() and time.monotonic() < deadline:
            time.sleep(0.5)
