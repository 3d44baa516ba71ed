"""The learned themes model is shared: a server already running picks up a version saved by
another process at its next batch (ADR 0013), tested with a second real process."""

import json
import subprocess

import pytest

from tests.deployment.conftest import second_process
from tests.themes.test_learning_versions import THANKS, _adds
from themes.analysis.review_model import FORMAT
from themes.models import ThemeModelVersion

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _save_current(model):
    ThemeModelVersion.objects.filter(is_current=True).update(is_current=False)
    return ThemeModelVersion.objects.create(is_current=True, format=FORMAT,
                                            payload=model.to_bytes())  # fmt: skip


def test_a_running_server_uses_the_model_another_process_saved(postgres_test_database):
    _save_current(_adds("staff_attitude"))
    server = second_process(
        postgres_test_database, "tag", THANKS, stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        first = json.loads(server.stdout.readline())
        _save_current(_adds("respite"))  # e.g. `themes retrain` on another server
        server.stdin.write("next batch\n")
        server.stdin.flush()
        second = json.loads(server.stdout.readline())
    finally:
        server.stdin.close()
        server.wait(timeout=60)
    assert "staff_attitude" in first and "respite" not in first
    assert "respite" in second and "staff_attitude" not in second


def test_a_rollback_elsewhere_goes_back_to_the_rules_on_a_running_server(postgres_test_database):
    rules_only = None
    _save_current(_adds("respite"))
    server = second_process(
        postgres_test_database, "tag", THANKS, stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        with_model = json.loads(server.stdout.readline())
        ThemeModelVersion.objects.update(is_current=False)
        server.stdin.write("next batch\n")
        server.stdin.flush()
        rules_only = json.loads(server.stdout.readline())
    finally:
        server.stdin.close()
        server.wait(timeout=60)
    assert "respite" in with_model and "respite" not in rules_only
    assert "communication" in rules_only
