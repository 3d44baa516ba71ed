from allauth.account.views import login as allauth_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.views import health

urlpatterns = [
    path("healthz", health, name="healthz"),
    # Wagtail's own login form would skip allauth's throttling and MFA: use allauth's instead.
    path("admin/login/", allauth_login, name="admin-login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("core.urls")),
    path("", include("surveys.urls")),
    path("board/", include("coproduction.urls")),
    path("insights/", include("insights.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
