from django.urls import path

from themes.staff import narrowing, phrases, reviews, safeguarding

app_name = "themes_staff"

urlpatterns = [
    path("safeguarding/", safeguarding.flag_list, name="flags"),
    path("safeguarding/<int:pk>/", safeguarding.flag_detail, name="flag"),
    path("tags/", reviews.mention_list, name="mentions"),
    path("tags/<int:pk>/decide/", reviews.mention_decide, name="mention-decide"),
    path("phrases/", phrases.phrase_list, name="phrases"),
    path("phrases/<int:pk>/reopen/", phrases.phrase_reopen_view, name="phrase-reopen"),
    path("rejected-rules/", narrowing.rejected_trigger_list, name="rejected-triggers"),
    path("rejected-rules/<int:pk>/narrow/", narrowing.trigger_narrow, name="trigger-narrow"),
]
