"""The apps stack one way (docs/architecture.md): core < cms < surveys < themes < coproduction <
insights, with demo on top. import-linter checks every import statement, inside functions too;
these tests also catch the ways around it: modules named in strings, and the demo app."""

import ast
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["core", "cms", "surveys", "themes", "coproduction", "insights", "demo"]
# Calls that load a module or model named in a string.
LOADERS = {"import_module", "import_string", "get_model", "swappable_setting"}


def _app_modules(app):
    for path in (ROOT / app).rglob("*.py"):
        if "migrations" not in path.parts:
            yield path


def _named_apps(path):
    """Apps named by a string passed to import_module, import_string or apps.get_model."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        if name in LOADERS and node.args and isinstance(node.args[0], ast.Constant):
            value = node.args[0].value
            if isinstance(value, str):
                yield value.split(".")[0], node.lineno


def test_import_linter_contracts_hold():
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml")) == 0


def test_no_app_reaches_a_higher_one_through_a_string():
    found = []
    for level, app in enumerate(LAYERS):
        higher = set(LAYERS[level + 1 :])
        for path in _app_modules(app):
            found += [
                f"{path.relative_to(ROOT)}:{line} names {named}"
                for named, line in _named_apps(path)
                if named in higher
            ]
    assert found == []


def test_nothing_imports_the_demo_app():
    importers = []
    for app in [*LAYERS[:-1], "feedback_site"]:
        for path in (ROOT / app).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else []
                )
                if any(n == "demo" or n.startswith("demo.") for n in names):
                    importers.append(str(path.relative_to(ROOT)))
    assert importers == []


def test_the_string_check_sees_a_reach_upwards(tmp_path):
    """The check above must be able to fail."""
    probe = tmp_path / "probe.py"
    probe.write_text('import_module("insights.selectors")\napps.get_model("themes", "Theme")\n')
    assert list(_named_apps(probe)) == [("insights", 1), ("themes", 2)]
