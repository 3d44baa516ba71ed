"""A safeguarding lead's page for one flagged 'Is it better now?' comment
(coproduction/safeguarding.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from coproduction.safeguarding import (
    REVIEW_PERMISSION,
    flagged_follow_ups,
    follow_up_flag_open,
    follow_up_outcome_record,
)
from themes.choices import safeguarding_category_label
from themes.staff.safeguarding import OutcomeForm


@permission_required(REVIEW_PERMISSION, raise_exception=True)
def follow_up_flag(request, pk):
    follow_up = get_object_or_404(flagged_follow_ups(), pk=pk)
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        follow_up_outcome_record(
            follow_up=follow_up,
            outcome=form.cleaned_data["outcome"],
            notes=form.cleaned_data["notes"],
            user=request.user,
        )
        messages.success(request, _("Outcome recorded."))
        return redirect("themes_staff:flags")
    follow_up_flag_open(follow_up=follow_up, user=request.user)
    categories = [safeguarding_category_label(c) for c in follow_up.safeguarding_categories]
    context = {"follow_up": follow_up, "form": form, "categories": categories}
    return render(request, "coproduction/admin/follow_up_flag.html", context)
