"""Background jobs: thin wrappers around services, safe to run more than once."""

from django_tasks import task

from surveys.models import Response
from themes.services import response_analyse


@task()
def analyse_response(response_id):
    response = Response.objects.filter(pk=response_id).first()
    if response is None:  # withdrawn before we got to it
        return "gone"
    return response_analyse(response=response).status
