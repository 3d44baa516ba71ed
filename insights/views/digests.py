"""A lead chooses which services' weekly digest they get."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.forms import GovUKFormMixin
from insights.digests import DIGEST_PERMISSION, digest_subscriptions_set, services_digested_for
from surveys.models import Service


class DigestChoiceForm(GovUKFormMixin, forms.Form):
    services = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Which services do you want to hear about?"),
        help_text=gettext_lazy(
            "Once a week: how many responses came in, the main themes and a redacted quote for "
            "each. Never the comments themselves. Untick them all to stop the emails."
        ),
        queryset=Service.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


@login_required
@permission_required(DIGEST_PERMISSION, raise_exception=True)
def digest_choose(request):
    initial = {"services": list(services_digested_for(request.user))}
    # Not `request.POST or None`: unticking every box posts nothing, and must still save.
    data = request.POST if request.method == "POST" else None
    form = DigestChoiceForm(data, initial=initial)
    if request.method == "POST" and form.is_valid():
        digest_subscriptions_set(user=request.user, services=form.cleaned_data["services"])
        messages.success(request, _("Your weekly digest choices are saved."))
        return redirect("insights:digests")
    return render(request, "insights/digests.html", {"form": form})
