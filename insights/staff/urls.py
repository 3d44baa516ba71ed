from django.urls import path

from insights.staff import safeguarding

app_name = "insights_staff"

urlpatterns = [
    path("safeguarding/", safeguarding.flag_list, name="flags"),
    path("safeguarding/<int:pk>/", safeguarding.flag_detail, name="flag"),
]
