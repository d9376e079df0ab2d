"""The house rules a newcomer relies on: small modules, short functions, layers without cycles.

docs/architecture.md describes the layers; this test keeps the code to it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "brievenbus"
MAX_MODULE_LINES = 450
MAX_FUNCTION_LINES = 60

# The pipeline's layers, lowest first: a module may import its own layer and those below.
LAYERS = {
    "base": 0,  # errors, fileio, suggestions, markup, Dutch wording: used by every step
    "inputs": 1,  # 1. load
    "cbs": 1,  # 1. load: local figures from CBS into cijfers.yaml
    "ooxml": 2,  # 4. build (the Word package; knows paragraphs, not letters)
    "letters": 3,  # 2.-3. plan and render, and the checks over them
    "output": 4,  # 5.-6. write and record
    "workspace_init": 4,
    "cli": 5,
    "__main__": 5,
}
BASE_MODULES = {
    "errors",
    "fileio",
    "suggestions",
    "markup",
    "dutch",
    "dutch_formats",
    "wording",
    "salutation",
    "__init__",
}


def module_name(path: Path) -> str:
    """src/brievenbus/letters/plan.py → brievenbus.letters.plan."""
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    """The layer of a brievenbus module; unknown top-level names fail loudly."""
    first = module.split(".")[1] if "." in module else "base"
    if first in BASE_MODULES:
        return LAYERS["base"]
    assert first in LAYERS, f"{module}: give it a layer in LAYERS and docs/architecture.md"
    return LAYERS[first]


def is_type_checking_block(node: ast.AST) -> bool:
    """`if TYPE_CHECKING:` imports exist for mypy only, never at run time."""
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def runtime_imports(tree: ast.Module, module: str) -> set[str]:
    """Every brievenbus module imported at run time, also inside functions."""
    found: set[str] = set()
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if is_type_checking_block(node):
            skipped.update(id(child) for child in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("brievenbus"))
        elif isinstance(node, ast.ImportFrom) and node.module:
            if not node.module.startswith("brievenbus"):
                continue
            for alias in node.names:  # `from brievenbus.output import batch` imports a module
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in MODULES else node.module)
    found.discard(module)
    return found


PATHS = sorted(SOURCE.rglob("*.py"))
MODULES = {module_name(path): path for path in PATHS}
TREES = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in MODULES.items()}
GRAPH = {name: runtime_imports(tree, name) for name, tree in TREES.items()}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_is_small_enough_to_read_in_one_sitting(module: str) -> None:
    """No module is over 450 lines."""
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{module} has {lines} lines: split it by concept"


def test_functions_are_short() -> None:
    """No function body (after its docstring) is over 60 lines."""
    long = []
    for module, tree in TREES.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                body = node.body
                if len(body) > 1 and isinstance(body[0], ast.Expr):
                    body = body[1:]  # the docstring
                length = (node.end_lineno or 0) - body[0].lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append(f"{module}.{node.name}: {length} lines")
    assert not long


def test_no_import_cycles() -> None:
    """Following imports (those inside functions too) never leads back to where it started."""
    cycles = []
    for start in GRAPH:
        stack = [(start, [start])]
        seen = set()
        while stack:
            current, path = stack.pop()
            for following in GRAPH.get(current, ()):
                if following == start:
                    cycles.append(" → ".join([*path, start]))
                elif following not in seen:
                    seen.add(following)
                    stack.append((following, [*path, following]))
    assert not cycles


def test_layers_only_import_downwards() -> None:
    """Loading never needs rendering, building never needs letters, the core never needs the CLI."""
    upward = [
        f"{module} imports {imported}"
        for module, imports in GRAPH.items()
        for imported in imports
        if imported in MODULES and layer_of(imported) > layer_of(module)
    ]
    assert not upward


def test_the_layer_checks_can_see_an_upward_import() -> None:
    """The graph really holds imports made inside functions (the checks above are not blind)."""
    assert "brievenbus.output.batch" in GRAPH["brievenbus.cli.letter_commands"]
    assert layer_of("brievenbus.cli.app") > layer_of("brievenbus.letters.workspace")
