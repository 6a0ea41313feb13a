"""The package's modules import each other without a cycle, counting imports made inside functions too."""

from __future__ import annotations

import ast
from importlib.resources import files

import nato_relations

PACKAGE = files(nato_relations)


def _imports() -> dict[str, set[str]]:
    """Each module of the package -> the package modules it imports, at top level or in a function."""
    graph: dict[str, set[str]] = {}
    for entry in PACKAGE.iterdir():
        if not entry.name.endswith(".py"):
            continue
        module = entry.name.removesuffix(".py")
        found: set[str] = set()
        for node in ast.walk(ast.parse(entry.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:
                    found.add(node.module.split(".")[0])
                else:  # from . import _queries
                    found |= {alias.name for alias in node.names}
        graph[module] = found - {module}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle in the graph, as the modules along it, or None."""
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> list[str] | None:
        if module in path:
            return [*path[path.index(module) :], module]
        if module in done:
            return None
        for target in sorted(graph.get(module, ())):
            if target in graph and (cycle := visit(target, [*path, module])):
                return cycle
        done.add(module)
        return None

    for module in sorted(graph):
        if cycle := visit(module, []):
            return cycle
    return None


def test_the_finder_sees_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_module_imports_itself_back() -> None:
    graph = _imports()
    graph.pop("__init__", None)  # the front door re-exports every module and is imported by none of them
    assert {"_loader", "_converter", "_changes", "_records"} <= graph.keys()
    assert _cycle(graph) is None
