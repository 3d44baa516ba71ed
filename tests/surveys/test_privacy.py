"""Anonymous means anonymous: nothing that identifies the device or visit is stored."""

import uuid

from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import connection

from surveys.models import Response

CLIENT_IP = "203.0.113.77"
USER_AGENT = "Mozilla/5.0 (Linux; Android 14; PrivacyTestPhone) Mobile Safari/537.36"


def _all_stored_text():
    """Every text-like value in every table, as one string per row."""
    rows = []
    with connection.cursor() as cursor:
        for model in apps.get_models():
            table = model._meta.db_table
            if table not in connection.introspection.table_names():
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from Django
            rows.extend(f"{table}: {row!r}" for row in cursor.fetchall())
    return rows


def test_no_ip_user_agent_or_session_is_stored_anywhere(client, touchpoint, keys):
    client.get("/f/hd7k2?via=qr", REMOTE_ADDR=CLIENT_IP, HTTP_USER_AGENT=USER_AGENT)
    session_cookie = client.cookies.get("sessionid")
    client.post(
        "/f/hd7k2?via=qr",
        {
            "submission_token": str(uuid.uuid4()),
            f"q_{keys['overall']}": "good",
            f"q_{keys['went_well']}": "Friendly team",
        },
        REMOTE_ADDR=CLIENT_IP,
        HTTP_USER_AGENT=USER_AGENT,
    )
    assert Response.objects.count() == 1
    stored = "\n".join(_all_stored_text())
    assert CLIENT_IP not in stored
    assert "PrivacyTestPhone" not in stored
    assert session_cookie is None
    assert Session.objects.count() == 0


def test_resident_gets_no_cookie_but_the_csrf_one(client, touchpoint, keys):
    page = client.get("/f/hd7k2")
    assert set(page.cookies) <= {"csrftoken"}
    done = client.post(
        "/f/hd7k2", {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "good"}
    )
    assert set(done.cookies) <= {"csrftoken"}


def test_response_keeps_the_day_not_the_time(touchpoint, keys, client):
    client.post("/f/hd7k2", {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "good"})
    field_types = {f.name: f.get_internal_type() for f in Response._meta.get_fields() if f.concrete}
    assert field_types["submitted_on"] == "DateField"
    assert "DateTimeField" not in field_types.values()


def test_survey_pages_load_no_third_party_resources(client, touchpoint):
    import re

    html = client.get("/f/hd7k2").content.decode()
    sources = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources, "expected the page's own stylesheet and script"
    assert all(source.startswith("/") and not source.startswith("//") for source in sources)


def _rows_by_table():
    """Every row of every table, as {table: {row}}, to tell what a submission added or changed."""
    found = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.django_table_names(only_existing=True):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from Django
            found[table] = {tuple(map(str, row)) for row in cursor.fetchall()}
    return found


def _times_of_day(rows):
    """Values that look like a time of day: 'HH:MM' inside a date-time."""
    import re

    pattern = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")
    return [value for row in rows for value in row if pattern.search(value)]


# The one table allowed a time of day: the task queue's rows, which name no response (checked
# below). `prune_db_task_results` clears them daily (docs/operations.md).
TASK_TABLE = "django_tasks_database_dbtaskresult"


def _submit_a_disclosure(client, keys):
    return client.post(
        "/f/hd7k2?via=qr",
        {
            "submission_token": str(uuid.uuid4()),
            f"q_{keys['overall']}": "very_poor",
            f"q_{keys['do_better']}": (
                "The carers were always late and nobody rang back. My nephew takes my pension "
                "every week and shouts at me if I ask for it back."
            ),
        },
    )


def test_a_submission_leaves_no_time_of_day_in_any_table(
    client, touchpoint, keys, settings, django_capture_on_commit_callbacks
):
    """Submit a comment that is tagged and raises a safeguarding flag, through the real task
    queue (database backend), then look at every row any table gained."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    before = _rows_by_table()
    with django_capture_on_commit_callbacks(execute=True):
        _submit_a_disclosure(client, keys)
    # What `db_worker` does with each queued row (the command itself closes the database
    # connection, which the test's transaction can't survive on PostgreSQL).
    from django_tasks_db.models import DBTaskResult

    for row in DBTaskResult.objects.all():
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
    response = Response.objects.get()
    assert response.analysis.status == "done", "the worker tagged it"
    assert response.safeguarding_flags.exists(), "a flag was raised"
    after = _rows_by_table()
    added = {table: after[table] - before.get(table, set()) for table in after}
    assert added[TASK_TABLE], "the submission went through the task queue"
    assert any(added[t] for t in ("insights_thememention", "insights_responseanalysis"))

    leaks = {
        table: _times_of_day(rows)
        for table, rows in added.items()
        if table != TASK_TABLE and _times_of_day(rows)
    }
    assert leaks == {}
    # The queue's rows have times, so they must not say which response they were for.
    for task in DBTaskResult.objects.all():
        assert task.args_kwargs == {"args": [], "kwargs": {}}, task.task_path
        identifying = {response.receipt_code, str(response.submission_token)}
        assert not identifying & {str(task.return_value)}
