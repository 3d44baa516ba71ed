"""Staff screens for reading responses. Comments are redacted unless the user may see them."""

from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from surveys.models import Response
from surveys.selectors import responses_filtered
from surveys.services import response_comments_read, responses_comments_read
from surveys.staff.forms import ResponseFilterForm

can_view_responses = permission_required("surveys.view_response", raise_exception=True)


@can_view_responses
def response_list(request):
    form = ResponseFilterForm(request.GET or None)
    queryset = responses_filtered(**form.filters())
    page = Paginator(queryset, 50).get_page(request.GET.get("p"))
    rows = responses_comments_read(responses=page, user=request.user)
    return render(
        request,
        "surveys/staff/response_list.html",
        {"form": form, "page_obj": page, "rows": rows, "total": queryset.count()},
    )


@can_view_responses
def response_detail(request, pk):
    response = get_object_or_404(Response.objects.select_related("service", "touchpoint"), pk=pk)
    return render(
        request,
        "surveys/staff/response_detail.html",
        {
            "response": response,
            "comments": response_comments_read(response=response, user=request.user),
            "unredacted": request.user.has_perm("surveys.view_unredacted_text"),
        },
    )
