"""The gazetteer package stands alone: it imports nothing from mapper, and works without it."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "gazetteer"
#: The gazetteer's tests and the conftest files pytest loads for them.
TESTS = [*(REPO / "tests" / "gazetteer").glob("*.py"), REPO / "tests" / "conftest.py"]


def mapper_imports(path: Path, root: Path = REPO) -> list[str]:
    """``file:line`` of every import of mapper (at any depth: in functions too)."""
    found: list[int] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        else:
            continue
        if any(name == "mapper" or name.startswith("mapper.") for name in names):
            found.append(node.lineno)
    return [f"{path.relative_to(root)}:{line}" for line in sorted(found)]


def test_the_package_and_its_tests_import_nothing_from_mapper():
    files = sorted(PACKAGE.rglob("*.py"))
    assert PACKAGE / "index.py" in files and PACKAGE / "errors.py" in files
    assert [hit for path in [*files, *TESTS] for hit in mapper_imports(path)] == []


def test_the_scan_sees_imports_of_mapper(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import json, mapper.cli\nfrom mapper.errors import UsageError\nimport mapping\n\n"
        "def f():\n    import mapper\n",
        encoding="utf-8",
    )
    assert mapper_imports(sample, tmp_path) == ["sample.py:1", "sample.py:2", "sample.py:6"]


#: Run in a fresh interpreter where any import of mapper fails.
PROBE = r"""
import importlib.abc, json, sys, pathlib

class NoMapper(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "mapper" or name.startswith("mapper."):
            raise ModuleNotFoundError(f"No module named {name!r} (blocked)", name=name)
        return None

sys.meta_path.insert(0, NoMapper())
try:
    import mapper
except ModuleNotFoundError:
    pass
else:
    raise SystemExit("the blocker let mapper in")

import gazetteer
from gazetteer import Gazetteer, QueryError
from gazetteer.borders import region_geometry
from gazetteer.userlayer import load_layer

gaz = Gazetteer.bundled()
batken = gaz.best("Batken")
region = gaz.best("Batken Region")
aksai = gaz.lookup("Ak-Sai", near="Batken")[0].place
try:
    gaz.lookup("Batken", country="Kyrgyzstan")
except QueryError as err:
    message = str(err)
folder = pathlib.Path.cwd()  # the test's own temporary folder
(folder / "mine.csv").write_text("name,lat,lon\nDacha,39.9,70.5\n", encoding="utf-8")
mine = gaz.with_layers(load_layer(folder / "mine.csv")).best("Dacha")
print(json.dumps({
    "file": gazetteer.__file__,
    "batken": [batken.kind, batken.country],
    "region": [region.id, region_geometry(region.id).geom_type],
    "aksai": aksai.country,
    "message": message,
    "mine": mine.source,
    "mapper_loaded": sorted(m for m in sys.modules if m.split(".")[0] == "mapper"),
}))
"""


def test_lookups_work_where_mapper_cannot_be_imported(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert Path(result["file"]).resolve() == PACKAGE / "__init__.py"
    assert result["batken"] == ["populated_place", "KG"]
    assert result["region"] == ["ne_admin1:KG-B", "Polygon"]
    assert result["aksai"] == "KG"
    assert result["message"].startswith("country takes an ISO 3166-1 alpha-2 code")
    assert result["mine"] == "mine.csv"
    assert result["mapper_loaded"] == []
