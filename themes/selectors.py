"""Reads for staff screens: the safeguarding queue."""

from django.db.models import Case, IntegerField, Value, When

from themes.models import SafeguardingFlag


def safeguarding_queue():
    """Flags waiting for an outcome first (soonest due first), then decided ones."""
    return (
        SafeguardingFlag.objects.select_related("response__service", "outcome_by")
        .annotate(
            is_decided=Case(
                When(outcome="", then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("is_decided", "due_by")
    )


def safeguarding_open_count():
    return SafeguardingFlag.objects.filter(outcome="").count()
