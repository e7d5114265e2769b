"""A real (non-editable) wheel carries both packages and the bundled gazetteer data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MANIFEST = REPO / "gazetteer" / "data" / "manifest.json"

pytestmark = pytest.mark.slow

PROBE = """
import json, sys, mapper, gazetteer
from gazetteer import Gazetteer
from gazetteer.borders import region_geometry
from mapper.pipeline import extract_document
place = Gazetteer.bundled().best("Batken Region")
found = extract_document("Fighting broke out near Isfara in the Batken Region.").mentions
print(json.dumps({"mapper": mapper.__file__, "gazetteer": gazetteer.__file__,
                  "place": place.id, "polygon": region_geometry(place.id).geom_type,
                  "mentions": [m.text for m in found]}))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (path,) = out.glob("mapper-*.whl")
    return path


def test_wheel_contains_both_packages_and_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "mapper/cli.py",
        "gazetteer/index.py",
        "gazetteer/errors.py",
        "gazetteer/py.typed",
        "gazetteer/data/gazetteer.sqlite.xz",
        "gazetteer/data/manifest.json",
        "gazetteer/data/names-keys.marisa",
        "gazetteer/data/names-values.u32",
        "gazetteer/data/names-targets.marisa",
        "gazetteer/data/admin1.geojson.gz",
        "gazetteer/curated/fergana_border_places.csv",
        "gazetteer/SOURCES.md",
        "mapper/render/templates/report.html.j2",
        "mapper/samples/records.csv",
    ):
        assert required in names, required


def test_installed_wheel_loads_the_bundled_data(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    env = {**os.environ, "PYTHONPATH": str(target), "MAPPER_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    probe = json.loads(out.stdout)
    assert probe["mapper"].startswith(str(target))
    assert probe["gazetteer"].startswith(str(target))
    assert probe["place"] == "ne_admin1:KG-B"
    assert probe["polygon"] in ("Polygon", "MultiPolygon")
    assert probe["mentions"] == ["Isfara", "Batken Region"]
    # the name index is read from the installed package: the cache holds the database and
    # the language model only, nothing pickled
    digest = json.loads(MANIFEST.read_text())["sqlite_sha256"][:16]
    cached = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert cached[0] == f"gazetteer-{digest}.sqlite"
    assert len(cached) == 2 and cached[1].startswith("langid-") and cached[1].endswith(".npz")
