"""The safeguarding queue: open flags first, oldest due first, overdue ones marked."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from themes.models import SafeguardingFlag
from themes.selectors import safeguarding_queue_items
from themes.services import safeguarding_flag_open, safeguarding_outcome_record

can_review = permission_required("themes.review_safeguardingflag", raise_exception=True)


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=[c for c in SafeguardingFlag.Outcome.choices if c[0]],
        widget=forms.RadioSelect,
        label=gettext_lazy("Outcome"),
    )
    notes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label=gettext_lazy("Notes (no personal details)"),
    )


@can_review
def flag_list(request):
    return render(request, "themes/staff/flag_list.html", {"items": safeguarding_queue_items()})


@can_review
def flag_detail(request, pk):
    flag = get_object_or_404(
        SafeguardingFlag.objects.select_related("comment", "response__service"), pk=pk
    )
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        safeguarding_outcome_record(
            flag=flag,
            outcome=form.cleaned_data["outcome"],
            notes=form.cleaned_data["notes"],
            user=request.user,
        )
        messages.success(request, _("Outcome recorded."))
        return redirect("themes_staff:flags")
    safeguarding_flag_open(flag=flag, user=request.user)
    return render(request, "themes/staff/flag_detail.html", {"flag": flag, "form": form})
