"""Background jobs: thin wrappers around services, safe to run more than once.

The services they wrap also queue them, so each job imports its service when it runs."""

from django_tasks import task


@task()
def refresh_emerging_phrases(filter_data):
    from insights.dashboard.emerging import emerging_refresh, filter_from_json

    return len(emerging_refresh(filter_from_json(filter_data)))


@task()
def report_export_run(export_id):
    from insights.exports import report_export_make

    return report_export_make(export_id=export_id)


@task()
def send_weekly_digests():
    """Email subscribed leads about the last seven days, once per week. Returns emails sent."""
    from insights.digests import weekly_digests_send

    return len(weekly_digests_send())
