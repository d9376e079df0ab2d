"""Every module of the package has a unit test module of its own that imports it.

``src/brievenbus/<pkg>/<module>.py`` → ``tests/<pkg>/test_<module>.py``;
``src/brievenbus/<module>.py`` → ``tests/test_<module>.py``. Package
``__init__`` files and ``__main__`` are exempt (tests/cli/test_app.py runs
``python -m brievenbus``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "brievenbus"
MODULES = sorted(
    path.relative_to(PACKAGE)
    for path in PACKAGE.rglob("*.py")
    if path.name not in {"__init__.py", "__main__.py"}
)


def imported_modules(test_file: Path) -> set[str]:
    """Dotted names a file imports: 'from a.b import c' counts as a.b and a.b.c."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(test_file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_package_has_modules() -> None:
    assert len(MODULES) > 30


@pytest.mark.parametrize("module", MODULES, ids=[str(m) for m in MODULES])
def test_module_has_its_own_test_module(module: Path) -> None:
    test_file = ROOT / "tests" / module.parent / f"test_{module.name}"
    assert test_file.is_file(), f"{module} has no unit tests: add {test_file.relative_to(ROOT)}"
    dotted = ".".join(("brievenbus", *module.with_suffix("").parts))
    assert dotted in imported_modules(test_file), (
        f"{test_file.relative_to(ROOT)} does not import {dotted}"
    )
