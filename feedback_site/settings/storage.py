"""Where uploads live, from the environment: local files, or an S3-compatible object store that
every app server and worker shares (docs/deployment.md, docs/decisions/0019-shared-files.md)."""

from django.core.exceptions import ImproperlyConfigured

FILESYSTEM = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
S3_BACKEND = "core.storage.PrivateS3Storage"
# The bucket's own setting names, as django-storages' documentation spells them.
S3_OPTIONS_FROM_ENV = {
    "AWS_S3_ENDPOINT_URL": "endpoint_url",
    "AWS_S3_REGION_NAME": "region_name",
    "AWS_ACCESS_KEY_ID": "access_key",
    "AWS_SECRET_ACCESS_KEY": "secret_key",
    "AWS_LOCATION": "location",
    "AWS_S3_ADDRESSING_STYLE": "addressing_style",
}


def default_storage_from_env(environ):
    """The STORAGES["default"] entry for STORAGE_BACKEND (`filesystem`, the default, or `s3`)."""
    backend = environ.get("STORAGE_BACKEND", "filesystem").strip().lower() or "filesystem"
    if backend == "filesystem":
        return FILESYSTEM
    if backend != "s3":
        raise ImproperlyConfigured(f"STORAGE_BACKEND is {backend!r}: use 'filesystem' or 's3'.")
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        raise ImproperlyConfigured("STORAGE_BACKEND=s3 needs AWS_STORAGE_BUCKET_NAME.")
    options = {
        "bucket_name": bucket,
        # Private objects; nobody is ever sent to the bucket (core.storage serves every file).
        "default_acl": "private",
        "querystring_auth": True,
        # Two uploads with one name get two objects, as on a disk (Wagtail expects it).
        "file_overwrite": False,
        "signature_version": "s3v4",
    }
    for variable, option in S3_OPTIONS_FROM_ENV.items():
        value = environ.get(variable, "").strip()
        if value:
            options[option] = value
    # Without keys in the environment boto3 finds its own (instance role, ~/.aws, web identity).
    return {"BACKEND": S3_BACKEND, "OPTIONS": options}
