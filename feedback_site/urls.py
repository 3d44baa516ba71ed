from allauth.account.views import login as allauth_login
from allauth.account.views import logout as allauth_logout
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.documents import urls as wagtaildocs_urls

from core.views import administrators_only, health, media, not_mounted

urlpatterns = [
    path("healthz", health, name="healthz"),
    # Images from the shared storage (core.storage); papers go through documents/ below.
    path(settings.MEDIA_URL.strip("/") + "/<path:name>", media, name="media"),
    # One way to sign in: allauth, with its throttling and MFA. Wagtail's own login and logout
    # go through it too (its password reset and change are switched off in settings).
    path("admin/login/", allauth_login, name="admin-login"),
    path("admin/logout/", allauth_logout, name="admin-logout"),
    # The whole audit log (who read which unredacted comment) is for administrators only.
    path("admin/reports/site-history/", administrators_only(LogEntriesView.as_view())),
    path(
        "admin/reports/site-history/results/",
        administrators_only(LogEntriesView.as_view(results_only=True)),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("core.urls")),
    path("", include("surveys.urls")),
    path("board/", include("coproduction.urls")),
    path("insights/", include("insights.urls")),
    # Wagtail's front-end login is Django's plain LoginView: no MFA, no throttling.
    path("_util/login/", not_mounted),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
