"""``mapper demo``: the pipeline on the samples bundled with mapper, written into ``output/``."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from mapper.outputs import write_atomic

__all__ = ["run_demo"]

SAMPLES = resources.files("mapper") / "samples"


def run_demo(output_dir: Path, progress: Callable[[str], None] | None = None) -> list[Path]:
    """Geocode the bundled sample place list; return the files written."""
    from gazetteer import Gazetteer

    gazetteer = Gazetteer.bundled()
    rows = list(csv.DictReader(io.StringIO((SAMPLES / "places.csv").read_text(encoding="utf-8"))))
    features, missing = [], []
    for number, row in enumerate(rows, start=1):
        if progress:
            progress(f"[{number}/{len(rows)}] {row['query']}")
        found = gazetteer.lookup(
            row["query"], country=row["country"] or None, near=row["near"] or None, limit=1
        )
        if found:
            features.append(_feature(row["query"], found[0].to_dict()))
        else:
            missing.append(row["query"])
    collection = {"type": "FeatureCollection", "features": features, "not_found": missing}
    text = json.dumps(collection, ensure_ascii=False, indent=1) + "\n"
    return [write_atomic(output_dir / "demo_geocoding.geojson", text)]


def _feature(query: str, place: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
        "properties": {"query": query, **place},
    }
