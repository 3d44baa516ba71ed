"""Background jobs: thin, idempotent wrappers around services."""

from django_tasks import task

from coproduction import services


@task()
def send_action_reminders(days_ahead=7):
    """Remind owners of actions due within `days_ahead` days. Safe to run more than once a day."""
    return len(services.action_reminders_send(days_ahead=days_ahead))
