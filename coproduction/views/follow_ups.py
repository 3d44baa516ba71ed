"""'Is it better now?': the follow-up question on each published 'You said, we did' entry.

Posted from the public page or a resident's receipt page, it works without JavaScript and keeps
the survey's rules: honeypot, rate limit, exactly once per form (coproduction/follow_ups.py)."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cms.selectors import you_said_we_did_url
from coproduction.follow_up_forms import FollowUpForm
from coproduction.follow_ups import follow_up_submit
from coproduction.models import Action
from surveys.ratelimit import submission_allowed


@never_cache
@require_http_methods(["GET", "POST"])
def follow_up(request, pk):
    action = get_object_or_404(Action.objects.you_said_we_did(), pk=pk)
    # Sent from an easy read receipt page (a hidden field), or linked as ?easy_read=1.
    easy_read = "1" in (request.POST.get("easy_read"), request.GET.get("easy_read"))
    form = FollowUpForm(request.POST or None, action=action, easy_read=easy_read)
    context = {
        "action": action,
        "form": form,
        "changes_url": you_said_we_did_url(),
        "easy_read": easy_read,
    }
    if request.method == "POST":
        if form.is_spam():
            return render(request, "coproduction/follow_up_thanks.html", context)
        if not submission_allowed(request):
            return render(request, "surveys/too_many.html", context, status=429)
        if form.is_valid():
            data = form.cleaned_data
            try:
                follow_up_submit(
                    action=action,
                    answer=data["answer"],
                    comment=data["comment"],
                    submission_token=data["submission_token"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return render(request, "coproduction/follow_up_thanks.html", context)
    return render(request, "coproduction/follow_up.html", context)
