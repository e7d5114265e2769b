"""``mapper geocode`` and ``mapper gazetteer info``: lookups and the gazetteer, as text."""

from __future__ import annotations

import json
from collections.abc import Sequence

from gazetteer import Candidate, Gazetteer

__all__ = ["candidates_json", "candidates_table", "gazetteer_report"]


def candidates_json(candidates: Sequence[Candidate]) -> str:
    """The JSON array ``mapper geocode --format json`` prints."""
    return json.dumps([c.to_dict() for c in candidates], ensure_ascii=False, indent=2)


def candidates_table(candidates: Sequence[Candidate]) -> str:
    """A plain-text table, one candidate per line."""
    header = ("score", "id", "name", "kind", "country", "admin1", "lat", "lon", "source")
    rows = [header] + [
        (
            f"{c.score:.3f}",
            c.place.id,
            c.place.name,
            c.place.kind,
            c.place.country or "-",
            c.place.admin1 or "-",
            f"{c.place.lat:.5f}",
            f"{c.place.lon:.5f}",
            c.place.source,
        )
        for c in candidates
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join(
        "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )


def gazetteer_report(gazetteer: Gazetteer, fmt: str = "text") -> str:
    """``mapper gazetteer info``: layers, sources, versions and counts, as text or JSON."""
    info = gazetteer.info()
    if fmt == "json":
        return json.dumps(info, ensure_ascii=False, indent=2, sort_keys=True)
    bundled = info["bundled"]
    lines = ["Bundled gazetteer", "  sources:"]
    lines += [f"    {key}: {value}" for key, value in sorted(bundled["sources"].items())]
    lines.append("  counts:")
    lines += [f"    {key:28} {value:>9,}" for key, value in sorted(bundled["counts"].items())]
    lines.append(f"  content sha256: {bundled['sqlite_sha256']}")
    lines.append("  licences: GeoNames data CC BY 4.0 (geonames.org); Natural Earth public domain;")
    lines.append("            CLDR names Unicode licence; curated rows cite their sources")
    for layer in info["layers"]:
        lines.append(f"User layer {layer['name']}: {layer['places']:,} places from {layer['path']}")
    return "\n".join(lines)
