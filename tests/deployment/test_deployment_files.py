"""docs/deployment.md shows the very files in deploy/ (the ones bench/multi_server.py runs),
and every scheduled job has its timer."""

import re
from pathlib import Path

from core.management.commands.run_scheduled import SCHEDULED_JOBS

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
GUIDE = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")


def test_every_deploy_file_is_shown_as_it_is():
    files = sorted(path for path in DEPLOY.rglob("*") if path.is_file())
    assert len(files) >= 10
    missing = [
        path.relative_to(ROOT).as_posix()
        for path in files
        if path.read_text(encoding="utf-8").rstrip("\n") not in GUIDE
    ]
    assert missing == []


def test_every_scheduled_job_has_a_timer_and_every_timer_a_job():
    timers = {path.name.split("@")[1].removesuffix(".timer")
              for path in (DEPLOY / "systemd").glob("feedback-job@?*.timer")}  # fmt: skip
    assert timers == set(SCHEDULED_JOBS)


def test_the_nginx_variables_are_the_ones_the_guide_fills_in():
    site = (DEPLOY / "nginx" / "feedback.conf").read_text()
    variables = set(re.findall(r"\$\{([A-Z_0-9]+)\}", site))
    [envsubst] = re.findall(r"envsubst '([^']+)'", GUIDE)
    assert variables == {name.lstrip("$") for name in envsubst.split()}


def test_the_app_server_unit_runs_gunicorn_without_a_control_socket():
    unit = (DEPLOY / "systemd" / "feedback-web@.service").read_text()
    [command] = [line for line in unit.splitlines() if line.startswith("ExecStart=")]
    assert "gunicorn feedback_site.wsgi" in command and "--no-control-socket" in command
    assert "--bind 127.0.0.1:%i" in command
