from django.urls import path

from .views import comment_submit, thanks

urlpatterns = [
    path("", comment_submit, name="comment-submit"),
    # The product's confirmation address, so the benchmark's client reads both the same way.
    path("feedback/thanks/<uuid:token>/", thanks, name="thanks"),
]
