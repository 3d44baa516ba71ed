"""Staff confirm or reject theme tags; confirmed tags teach the classifier."""

from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from themes.models import ThemeMention
from themes.services import mention_review

can_review = permission_required("themes.review_thememention", raise_exception=True)


@can_review
def mention_list(request):
    mentions = (
        ThemeMention.objects.filter(review="", comment__safeguarding_flags__isnull=True)
        .select_related("theme", "service")
        .order_by("-submitted_on", "-pk")
    )
    page = Paginator(mentions, 30).get_page(request.GET.get("p"))
    return render(request, "themes/staff/mention_list.html", {"page_obj": page})


@require_POST
@can_review
def mention_decide(request, pk):
    mention = get_object_or_404(ThemeMention, pk=pk)
    mention_review(
        mention=mention, confirmed=request.POST.get("decision") == "confirm", user=request.user
    )
    page = request.GET.get("p", "1")
    return redirect(f"{reverse('themes_staff:mentions')}?p={page if page.isdigit() else 1}")
