"""'Please contact me' requests: only staff who make the calls may see or delete them."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.log_actions import log

from surveys.models import ContactRequest
from surveys.services import contact_request_delete


@permission_required("surveys.view_contactrequest", raise_exception=True)
def contact_request_list(request):
    contact_requests = ContactRequest.objects.select_related("response__service")
    log(instance=request.user, action="surveys.view_contact_details", user=request.user)
    return render(
        request, "surveys/staff/contact_requests.html", {"contact_requests": contact_requests}
    )


@require_POST
@permission_required("surveys.change_contactrequest", raise_exception=True)
def contact_request_close(request, pk):
    contact_request = get_object_or_404(ContactRequest, pk=pk)
    contact_request.status = ContactRequest.Status.CLOSED
    contact_request.closed_on = timezone.localdate()
    contact_request.save(update_fields=["status", "closed_on"])
    messages.success(request, _("Marked as contacted."))
    return redirect("surveys_staff:contact-requests")


@require_POST
@permission_required("surveys.delete_contactrequest", raise_exception=True)
def contact_request_remove(request, pk):
    contact_request_delete(contact_request=get_object_or_404(ContactRequest, pk=pk))
    messages.success(request, _("Contact details deleted. The feedback itself is kept."))
    return redirect("surveys_staff:contact-requests")
