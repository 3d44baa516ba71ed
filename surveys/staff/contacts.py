"""'Please contact me' requests: only staff who make the calls may see or delete them."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from surveys import services
from surveys.models import ContactRequest


@permission_required("surveys.view_contactrequest", raise_exception=True)
def contact_request_list(request):
    contact_requests = services.contact_requests_read(user=request.user)
    return render(
        request, "surveys/staff/contact_requests.html", {"contact_requests": contact_requests}
    )


@require_POST
@permission_required("surveys.change_contactrequest", raise_exception=True)
def contact_request_close(request, pk):
    services.contact_request_close(
        contact_request=get_object_or_404(ContactRequest, pk=pk), user=request.user
    )
    messages.success(request, _("Marked as contacted."))
    return redirect("surveys_staff:contact-requests")


@require_POST
@permission_required("surveys.delete_contactrequest", raise_exception=True)
def contact_request_remove(request, pk):
    services.contact_request_delete(
        contact_request=get_object_or_404(ContactRequest, pk=pk), user=request.user
    )
    messages.success(request, _("Contact details deleted. The feedback itself is kept."))
    return redirect("surveys_staff:contact-requests")
