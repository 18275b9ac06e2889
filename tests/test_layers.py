"""The floors of the house (README, «Архитектура»): an app imports only the apps below it, no two apps
import each other, and no app imports another's private (_underscore) names. Every module of every app
is read with `ast`, imports inside functions included."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Floor by floor, the apps each app may import. The project package (`mshn`: settings, URLs) and the
# tools (`bench`) stand outside the house and may import any app.
CAPABILITIES = {"registry", "banks", "meetings", "events", "websites", "indicators", "submissions", "reports"}
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "accounts": {"core"},
    "directory": {"core"},
    "registry": {"core", "directory"},
    "websites": {"core", "directory"},
    "banks": {"core", "directory", "registry"},
    "meetings": {"core", "directory", "registry"},
    "events": {"core", "directory", "registry"},
    # The indicators of a year (a package, no models): defined once, computed from the capabilities below.
    "indicators": {"core", "directory", "registry", "banks", "meetings", "websites"},
    "submissions": {"core", "accounts", "directory", "registry", "banks", "websites", "indicators"},
    "reports": {
        "core",
        "directory",
        "registry",
        "banks",
        "meetings",
        "events",
        "websites",
        "indicators",
        "submissions",
    },
    "home": {"core", "accounts", "directory", *CAPABILITIES},
    # The open site: only what is public and approved, read from the capabilities below.
    "public": {"core", "directory", "registry", "banks", "meetings", "events"},
    "demo": {"core", "accounts", "directory", *CAPABILITIES},
}
APPS = set(ALLOWED)


def imports_of(path: Path) -> list[tuple[str, list[str], int]]:
    """(module, imported names, line) of every absolute import in the file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [alias.name for alias in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            found.extend((alias.name, [], node.lineno) for alias in node.names)
    return found


def modules_of(app: str) -> list[Path]:
    return [p for p in sorted((ROOT / app).rglob("*.py")) if "migrations" not in p.parts]


def app_imports() -> dict[str, dict[str, list[str]]]:
    """app → imported app → where («file:line»)."""
    graph: dict[str, dict[str, list[str]]] = {app: {} for app in APPS}
    for app in sorted(APPS):
        for path in modules_of(app):
            for module, _names, line in imports_of(path):
                target = module.split(".")[0]
                if target in APPS and target != app:
                    graph[app].setdefault(target, []).append(f"{path.relative_to(ROOT)}:{line}")
    return graph


def test_every_app_of_the_project_has_a_floor():
    from django.conf import settings

    ours = {name for name in settings.INSTALLED_APPS if (ROOT / name / "apps.py").exists()}
    assert ours <= APPS, f"apps without a row in ALLOWED: {sorted(ours - APPS)}"


def test_the_table_itself_has_no_cycle():
    """Below means strictly below: the allowed imports form floors, never a loop."""
    placed: set[str] = set()
    while len(placed) < len(APPS):
        floor = {app for app in APPS - placed if ALLOWED[app] <= placed}
        assert floor, f"a loop among {sorted(APPS - placed)}"
        placed |= floor


@pytest.mark.parametrize("app", sorted(APPS))
def test_app_imports_only_the_apps_below_it(app):
    crossed = {target: where for target, where in app_imports()[app].items() if target not in ALLOWED[app]}
    assert not crossed, f"{app} imports apps above it or beside it: {crossed}"


def test_no_two_apps_import_each_other():
    graph = app_imports()
    pairs = sorted({tuple(sorted((a, b))) for a in graph for b in graph[a] if a in graph.get(b, {})})
    assert not pairs, f"apps importing each other: {pairs}"


def test_no_app_imports_another_apps_private_names():
    private = []
    for app in sorted(APPS):
        for path in modules_of(app):
            for module, names, line in imports_of(path):
                target = module.split(".")[0]
                if target not in APPS or target == app:
                    continue
                hidden = [n for n in [*module.split(".")[1:], *names] if n.startswith("_")]
                if hidden:
                    private.append(f"{path.relative_to(ROOT)}:{line} {module} {hidden}")
    assert not private, private


def test_the_checker_sees_a_crossed_floor(tmp_path):
    """The reader finds imports inside functions and private names: the guard itself can fail."""
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from reports.exporters import _hidden\n", encoding="utf-8")
    assert imports_of(module) == [("reports.exporters", ["_hidden"], 2)]


MAX_MIXINS = 4  # our classes that are not views themselves (scope, form, workflow …)
MAX_OWN_CLASSES = 5  # all of our classes a reader opens to understand one view


def views_of_the_urls():
    from django.urls import URLResolver, get_resolver

    def walk(resolver):
        for pattern in resolver.url_patterns:
            yield from walk(pattern) if isinstance(pattern, URLResolver) else [pattern]

    return {p.callback.view_class for p in walk(get_resolver()) if hasattr(p.callback, "view_class")}


def own_classes(view) -> list[type]:
    return [cls for cls in view.__mro__[1:] if cls.__module__.split(".")[0] in APPS]


def test_views_stand_on_few_of_our_own_classes():
    """A view is read by opening its bases: at most four of our mixins, at most five of our classes."""
    from django.views import View

    deep = {}
    for view in views_of_the_urls():
        own = own_classes(view)
        mixins = [cls for cls in own if not issubclass(cls, View)]
        if len(mixins) > MAX_MIXINS or len(own) > MAX_OWN_CLASSES:
            deep[f"{view.__module__}.{view.__name__}"] = [cls.__name__ for cls in own]
    assert not deep, deep
    assert views_of_the_urls(), "the walk found the views"
