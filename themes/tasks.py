"""Background jobs: thin wrappers around services, safe to run more than once."""

from django_tasks import task

from themes.services import waiting_responses_run


@task()
def analyse_waiting_responses():
    """Takes no arguments on purpose: see `themes.services.response_analysis_queue`."""
    return waiting_responses_run()
