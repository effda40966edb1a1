"""The structure the code promises: no import circles inside the reader, small modules and functions."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "reader"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
REASON = "Long because"
"""A module or function over the limit says why in its docstring, with these words."""


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node of the module except those under `if TYPE_CHECKING:`, which never run."""
    skipped = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
        for inner in ast.walk(node)
    }
    return [node for node in ast.walk(tree) if id(node) not in skipped]


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The reader modules `path` imports when it runs, at any depth of the file (lazy imports count)."""
    name = _module(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    # An import of a name from a module is an import of that module; a package's own __init__ is not a cycle.
    return {m for m in found if m in modules and m != name and not name.startswith(m + ".")}


def test_no_import_circles_inside_the_reader() -> None:
    paths = {_module(p): p for p in ROOT.rglob("*.py")}
    graph = {name: _imports(path, set(paths)) for name, path in paths.items()}
    state: dict[str, int] = {}
    circles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                circles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert not circles, "\n".join(" -> ".join(c) for c in circles)


def test_modules_and_functions_are_small_or_say_why() -> None:
    too_long: list[str] = []
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        lines = len(path.read_text("utf-8").splitlines())
        if lines > MAX_MODULE_LINES and REASON not in (ast.get_docstring(tree) or ""):
            too_long.append(f"{path.relative_to(ROOT)}: {lines} lines")
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES and REASON not in (ast.get_docstring(node) or ""):
                    too_long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {length} lines")
    assert not too_long, "\n".join(too_long)
