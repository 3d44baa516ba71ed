"""Production settings for bench/multi_server.py, with one change: static files from the finders.

Production's manifest storage needs `collectstatic`; the harness checks shared state, not
static files. Uploads use production's own STORAGES["default"] (STORAGE_BACKEND=s3, moto).
"""

from feedback_site.settings.production import *  # noqa: F403
from feedback_site.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
