"""Staff screens for reading responses. Comments are redacted unless the user may see them."""

from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from wagtail.log_actions import log

from surveys.models import Response
from surveys.redaction import visible_text
from surveys.selectors import responses_filtered

can_view_responses = permission_required("surveys.view_response", raise_exception=True)


@can_view_responses
def response_list(request):
    form, queryset = responses_filtered(request.GET)
    page = Paginator(queryset, 50).get_page(request.GET.get("p"))
    rows = [
        (response, [visible_text(c.text, request.user) for c in response.comments.all()])
        for response in page
    ]
    return render(
        request,
        "surveys/staff/response_list.html",
        {"form": form, "page_obj": page, "rows": rows, "total": queryset.count()},
    )


@can_view_responses
def response_detail(request, pk):
    response = get_object_or_404(Response.objects.select_related("service", "touchpoint"), pk=pk)
    unredacted = request.user.has_perm("surveys.view_unredacted_text")
    comments = [(c, visible_text(c.text, request.user)) for c in response.comments.all()]
    if unredacted and comments:
        log(instance=response, action="surveys.view_unredacted", user=request.user)
    return render(
        request,
        "surveys/staff/response_detail.html",
        {"response": response, "comments": comments, "unredacted": unredacted},
    )
