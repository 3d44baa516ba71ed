"""No application code reads or writes uploads by filesystem path: every file goes through
Django's storage API, so a shared object store (STORAGE_BACKEND=s3) serves every server."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ["core", "cms", "surveys", "themes", "coproduction", "insights", "feedback_site"]
# Migrations and the demo may touch disks; settings may name MEDIA_ROOT (that's the storage's).
NOT_APPLICATION_CODE = ("migrations", "demo")
ALLOWED = {"feedback_site/settings/base.py", "feedback_site/settings/test.py"}
FORBIDDEN = [
    (re.compile(r"MEDIA_ROOT"), "MEDIA_ROOT"),
    (re.compile(r"\.file\.path\b|\bstorage\.path\("), "a storage file's .path"),
    (re.compile(r"FileResponse\(\s*open\("), "FileResponse of a path"),
    (re.compile(r"THEMES_MODEL_PATH|MEDIA_DIR"), "a media path setting"),
]


def _application_files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative in ALLOWED or any(part in NOT_APPLICATION_CODE for part in path.parts):
                continue
            yield relative, path.read_text(encoding="utf-8")


def _violations(files):
    found = []
    for relative, text in files:
        for number, line in enumerate(text.splitlines(), start=1):
            code = line.split("#", 1)[0]
            found += [f"{relative}:{number}: {what}" for rx, what in FORBIDDEN if rx.search(code)]
    return found


def test_no_application_code_uses_media_paths():
    assert _violations(_application_files()) == []


def test_the_grep_finds_each_kind_of_media_path():
    samples = [
        ("a.py", "root = settings.MEDIA_ROOT / 'exports'"),
        ("b.py", "with open(document.file.path, 'rb') as f:"),
        ("c.py", "return FileResponse(open(path, 'rb'))"),
        ("d.py", "path = settings.THEMES_MODEL_PATH"),
        ("e.py", "# MEDIA_ROOT in a comment is fine"),
    ]
    assert [v.split(":")[0] for v in _violations(samples)] == ["a.py", "b.py", "c.py", "d.py"]


def test_the_grep_reads_every_app():
    files = dict(_application_files())
    assert "core/storage.py" in files and "insights/exports.py" in files
    assert not any("migrations" in name or name.startswith("demo/") for name in files)
