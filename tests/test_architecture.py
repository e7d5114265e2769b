"""The layout keeps its promises: imports point one way, and nothing imports in a circle.

Layers, lowest first (a module may import its own layer's package and any lower layer):

0. ``errors``, ``event_types``, ``languages``, ``safety``, ``outputs``, ``deps``,
   ``progress`` — and the ``gazetteer`` package, which imports nothing from mapper;
1. ``model`` — the values that flow;
2. ``read`` → 3. ``geoparse`` → 4. ``incidents`` → 5. ``records`` and ``render`` (neither
   imports the other) → 6. ``pipeline``, ``evaluate`` → 7. ``tools`` → 8. ``cli``.

Every import counts: at module level, inside functions, and under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mapper"

LAYERS: dict[str, int] = {
    "errors": 0,
    "event_types": 0,
    "languages": 0,
    "safety": 0,
    "outputs": 0,
    "deps": 0,
    "progress": 0,
    "model": 1,
    "read": 2,
    "geoparse": 3,
    "incidents": 4,
    "records": 5,
    "render": 5,
    "pipeline": 6,
    "evaluate": 7,
    "tools": 7,
    "cli": 8,
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(path: Path, module: str) -> Iterator[str]:
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def _mapper_imports(module: str) -> set[str]:
    """The mapper modules ``module`` imports (names resolved to modules)."""
    targets = set()
    for name in _imports(MODULES[module], module):
        while name and name not in MODULES:
            name = name.rpartition(".")[0]
        if name.startswith("mapper.") and name != module:
            targets.add(name)
    return targets


GRAPH = {module: _mapper_imports(module) for module in MODULES if module != "mapper"}


def _layer(module: str) -> tuple[str, int]:
    top = module.split(".")[1]
    return top, LAYERS[top]


def test_every_module_has_a_layer() -> None:
    unknown = sorted({m.split(".")[1] for m in GRAPH} - set(LAYERS))
    assert unknown == [], f"add these to LAYERS (and docs/architecture.md): {unknown}"


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_point_down(module: str) -> None:
    top, rank = _layer(module)
    upward = []
    for target in sorted(GRAPH[module]):
        other, other_rank = _layer(target)
        if other_rank > rank or (other_rank == rank and other != top and rank > 0):
            upward.append(target)
    assert upward == [], f"{module} imports {upward}, which sit above it or beside it"


def test_no_import_cycles() -> None:
    visiting: list[str] = []
    done: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        if module in done:
            return
        if module in visiting:
            cycles.append([*visiting[visiting.index(module) :], module])
            return
        visiting.append(module)
        for target in sorted(GRAPH.get(module, ())):
            visit(target)
        visiting.pop()
        done.add(module)

    for module in sorted(GRAPH):
        visit(module)
    assert cycles == []


def test_the_gazetteer_imports_nothing_from_mapper() -> None:
    gazetteer = PACKAGE.parent / "gazetteer"
    for path in gazetteer.rglob("*.py"):
        names = _imports(path, "gazetteer." + path.stem)
        assert not [n for n in names if n == "mapper" or n.startswith("mapper.")], path
