"""The harness's processes, each started from the very files in deploy/ and always stopped.

gunicorn, the worker and the scheduled jobs run the `ExecStart=` of their systemd unit (with
/opt/feedback read as this checkout and %i filled in); nginx runs deploy/nginx/feedback.conf
with its ${...} filled in, inside a minimal nginx.conf of the harness's own.
"""

import contextlib
import os
import shlex
import signal
import socket
import string
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
VENV_BIN = Path(sys.executable).parent
NGINX_CANDIDATES = ("nginx", "/usr/sbin/nginx")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_path():
    for candidate in NGINX_CANDIDATES:
        found = subprocess.run(["which", candidate], capture_output=True, text=True).stdout
        if found.strip() or Path(candidate).is_file():
            return found.strip() or candidate
    return None


def unit_command(unit, instance=""):
    """The ExecStart of deploy/systemd/<unit>, as this checkout runs it."""
    for line in (DEPLOY / "systemd" / unit).read_text().splitlines():
        if line.startswith("ExecStart="):
            command = line.removeprefix("ExecStart=").replace("%i", instance)
            command = command.replace("/opt/feedback/.venv/bin/", f"{VENV_BIN}/")
            return shlex.split(command)
    raise RuntimeError(f"{unit} has no ExecStart")


def nginx_site(values):
    """deploy/nginx/feedback.conf with its ${...} filled in (what envsubst does)."""
    text = (DEPLOY / "nginx" / "feedback.conf").read_text()
    return string.Template(text).safe_substitute(values)


class Processes:
    """Everything started, stopped in reverse order however the run ends."""

    def __init__(self, log_dir):
        self.log_dir, self.running = log_dir, []

    def start(self, name, command, env, cwd=REPO):
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 - closed in stop()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.running.append((name, process, log))
        return process

    def kill(self, process):
        """SIGKILL a process and its children (a server dying, not shutting down)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def stop_all(self):
        for _name, process, log in reversed(self.running):
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                    process.wait(timeout=20)
                except ProcessLookupError:
                    pass
                except subprocess.TimeoutExpired:
                    self.kill(process)
            log.close()
        self.running.clear()


def wait_for(check, what, timeout=120, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what}: exited with code {process.returncode}")
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{what}: not ready after {timeout} s")


def nginx_conf(folder, site):
    """A minimal nginx.conf of the harness's own that includes the site file."""
    (folder / "site.conf").write_text(site)
    conf = folder / "nginx.conf"
    conf.write_text(
        f"""daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
user root;
events {{ worker_connections 256; }}
http {{
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/site.conf;
}}
"""
    )
    return conf


def self_signed_certificate(folder, host):
    cert, key = folder / "tls.crt", folder / "tls.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", f"/CN={host}", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key
