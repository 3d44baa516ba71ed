"""Background jobs: thin, idempotent wrappers around services."""

from django_tasks import task

from coproduction import reminders, services


@task()
def send_action_reminders(days_ahead=7):
    """Remind owners of actions due within `days_ahead` days, chase owners of overdue ones
    weekly, and tell officers weekly which actions need an owner. Safe to run more than once a
    day. Returns how many actions were reminded about."""
    due = services.action_reminders_send(days_ahead=days_ahead)
    overdue = services.action_overdue_reminders_send()
    ownerless = services.action_owner_digests_send()
    return len(due) + len(overdue) + sum(len(actions) for actions in ownerless.values())


@task()
def send_meeting_reminders():
    """Remind current members of each meeting a week before and a day before, once each. Safe
    to run more than once a day. Returns how many emails were sent."""
    sent = reminders.meeting_reminders_send()
    return sum(count for kind in sent.values() for _meeting, count in kind)
