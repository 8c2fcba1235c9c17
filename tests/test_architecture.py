"""The package's shape: the flow shows in its folders, no import cycles, only the builder adapters know a builder."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "wissensplattform"
BUILDER_LIBRARIES = {"mkdocs", "material", "zensical"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, at the top or inside a function, absolute or relative."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {name: {imported for imported in _imports(path) if imported in modules and imported != name}
            for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the list of modules around it, or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return stack[stack.index(target):] + [target]
            if target not in state and (found := visit(target)):
                return found
        state[node] = "done"
        stack.pop()
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycles():
    cycle = _cycle(_graph())
    assert cycle is None, " → ".join(cycle)


def test_the_folders_show_the_flow():
    folders = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists()}
    assert {"data", "pages", "outputs", "builders", "editor"} <= folders
    flat = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert flat == ["__init__.py", "bootstrap.py", "cli.py", "pipeline.py"], flat


def test_only_the_builder_adapters_import_a_builder():
    offenders = [
        _module_name(path) for path in PACKAGE.rglob("*.py")
        if "builders" not in path.relative_to(PACKAGE).parts
        and any(module.split(".")[0] in BUILDER_LIBRARIES for module in _imports(path))
    ]
    assert not offenders, offenders


def test_benchmark_code_is_outside_the_package():
    assert not [path for path in PACKAGE.rglob("*.py") if path.stem in {"scaling", "map_benchmark", "sandbox"}]
    assert (ROOT / "benchmarks" / "scaling.py").exists()
