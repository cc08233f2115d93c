"""The package tree shows the pipeline: lower floors never import higher ones, modules import no cycle, no
module grows past about 300 lines, and only the engine adapter imports a site engine (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support import REPO

GENERATOR = REPO / "generator"
FLOORS = (
    ("generator.model", "generator.sitemodel", "generator.memory", "generator.tasks", "generator.diagnostics"),
    ("generator.config", "generator.privacy"),
    ("generator.content",),
    ("generator.site",),
    ("generator.output",),
    ("generator.pipeline", "generator.build", "generator.preview", "generator.problempages", "generator.madesites"),
    ("generator.authoring",),
    ("generator.engines",),
    ("generator.cli", "generator.commands"),
)
"""Each floor may import its own floor and the floors below it, never one above."""
MAX_LINES = 300
ENGINE_LINES = 250
"""Lines of code, blank lines aside, that the engine-facing files may hold (issue 16: "at most about 250")."""
ENGINES = ("mkdocs", "properdocs")


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(GENERATOR.rglob("*.py"))}


def imports(path: Path, name: str) -> set[str]:
    """Every module this one imports, absolute: type-checking-only imports count too (a type from a floor
    above is an upward dependency all the same)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {
        name: {target for target in imports(path, name) if target in known and target != name} for name, path in known.items()
    }


def floor(name: str) -> int:
    for number, prefixes in enumerate(FLOORS):
        if any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes):
            return number
    raise AssertionError(f"{name} is on no floor: add it to FLOORS and to docs/architecture.md")


def test_every_module_is_on_a_floor() -> None:
    assert [floor(name) for name in modules() if name != "generator"]  # floor() names any module on none


def test_no_module_imports_one_on_a_floor_above_it() -> None:
    upward = [
        f"{name} (floor {floor(name)}) imports {target} (floor {floor(target)})"
        for name, targets in graph().items()
        for target in sorted(targets)
        if name != "generator" and target != "generator" and floor(target) > floor(name)
    ]
    assert not upward, "\n".join(upward)


def test_modules_import_no_cycle() -> None:
    edges = {name: {t for t in targets if not name.startswith(t + ".")} for name, targets in graph().items()}
    cycles = [component for component in strongly_connected(edges) if len(component) > 1]
    assert not cycles, cycles


def strongly_connected(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm: the groups of modules that import each other, directly or round a loop."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_a_cycle_is_found_where_there_is_one() -> None:
    assert strongly_connected({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"], ["d"]]


@pytest.mark.parametrize("name", sorted(modules()))
def test_no_module_is_over_about_300_lines(name: str) -> None:
    lines = len(modules()[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name}: {lines} lines; split it at a seam that gives each part one job"


def test_only_the_engine_adapter_imports_a_site_engine() -> None:
    engine_users = sorted(
        name
        for name, path in modules().items()
        if any(target.split(".")[0] in ENGINES for target in imports(path, name)) and not name.startswith("generator.engines.")
    )
    assert engine_users == []


def test_the_engine_facing_code_is_at_most_about_250_lines() -> None:
    files = sorted((GENERATOR / "engines").rglob("*.py"))
    lines = sum(1 for file in files for line in file.read_text(encoding="utf-8").splitlines() if line.strip())
    assert files and lines <= ENGINE_LINES, f"the engine adapter holds {lines} lines of code; move policy into the core"


def test_the_build_options_the_environment_gives_are_read_in_config_alone() -> None:
    """Issue 16: the environment stays an input of plain `mkdocs build`/`serve` (and the engine's name), read in one place."""
    from generator import config

    names = {"AUDIENCE_ENV", "DRAFTS_ENV", "BUILD_DATE_ENV", "ENGINE_ENV"}
    variables = {getattr(config, name) for name in names}
    readers = sorted(
        name
        for name, path in modules().items()
        if name != "generator.config"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if (isinstance(node, ast.alias) and node.name in names)
        or (isinstance(node, ast.Name) and node.id in names)
        or (isinstance(node, ast.Constant) and node.value in variables)
    )
    assert readers == []
