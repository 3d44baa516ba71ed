"""Production settings for the load test, with one change: static files served without a manifest.

Production's CompressedManifestStaticFilesStorage needs `collectstatic` to have run; the load test
measures the database path, so it serves static files from the finders instead of collecting them.
"""

from feedback_site.settings.production import *  # noqa: F403

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
