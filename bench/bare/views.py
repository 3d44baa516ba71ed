from django.shortcuts import get_object_or_404, redirect, render

from .forms import CommentForm
from .models import Comment


def comment_submit(request):
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        comment = Comment.objects.create(text=form.cleaned_data["q_comment"])
        return redirect("thanks", token=comment.token)
    return render(request, "bare/form.html", {"form": form})


def thanks(request, token):
    comment = get_object_or_404(Comment, token=token)
    return render(request, "bare/thanks.html", {"comment": comment})
