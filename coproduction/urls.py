from django.urls import path

from coproduction.views import (
    actions,
    follow_ups,
    invitations,
    members,
    minutes,
    public,
    themes,
)

app_name = "coproduction"

urlpatterns = [
    path("", members.BoardListView.as_view(), name="board-list"),
    # Moved for good to the CMS "You said, we did" page; kept so old links arrive there.
    path("you-said-we-did/", public.YouSaidWeDidRedirectView.as_view(), name="you-said-we-did"),
    path("you-said-we-did/<int:pk>/is-it-better/", follow_ups.follow_up, name="follow-up"),
    path("join/<str:token>/", invitations.InvitationAcceptView.as_view(), name="invitation-accept"),
    path("actions/", members.AllActionsLogView.as_view(), name="all-actions"),
    path("<slug:slug>/", members.BoardDetailView.as_view(), name="board-detail"),
    path("<slug:slug>/about/", public.BoardPublicView.as_view(), name="board-public"),
    path("<slug:slug>/invite/", invitations.InvitationCreateView.as_view(), name="invite"),
    path("<slug:slug>/actions/", members.ActionLogView.as_view(), name="action-log"),
    path("<slug:slug>/actions/<int:pk>/", actions.ActionDetailView.as_view(), name="action-detail"),
    path("<slug:slug>/minutes/", public.PublishedMinutesListView.as_view(), name="minutes-index"),
    path(
        "<slug:slug>/minutes/<int:pk>/",
        public.PublishedMinutesDetailView.as_view(),
        name="minutes-public",
    ),
    path(
        "<slug:slug>/meetings/<int:pk>/", members.MeetingDetailView.as_view(), name="meeting-detail"
    ),
    path(
        "<slug:slug>/meetings/<int:pk>/minutes/",
        minutes.MinutesReviewView.as_view(),
        name="minutes-review",
    ),
    path(
        "<slug:slug>/meetings/<int:pk>/minutes/versions/<int:number>/",
        minutes.MinutesVersionView.as_view(),
        name="minutes-version",
    ),
    path(
        "<slug:slug>/meetings/<int:pk>/minutes/<slug:transition>/",
        minutes.MinutesTransitionView.as_view(),
        name="minutes-transition",
    ),
    path(
        "<slug:slug>/meetings/<int:pk>/themes/",
        themes.ThemeReviewView.as_view(),
        name="theme-review",
    ),
]
