"""mapper: turn multilingual news articles and incident records into maps, offline.

The public API, loaded on first use so that ``import mapper`` stays instant::

    import mapper

    extraction = mapper.extract_document(text, doc_id="clash")   # mentions and incidents
    result = mapper.run_pipeline(["articles/", "records.csv"])  # merged incidents
    frame = mapper.incidents_to_geodataframe(result.incidents)  # a GeoDataFrame
    html = mapper.build_report(result, title="Batken, January 2022")
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from mapper.errors import (
    GazetteerDataError,
    GazetteerFileError,
    InputError,
    MapperError,
    OutputError,
    UsageError,
)

__version__ = "0.1.0"

_LAZY = {
    "Document": "mapper.model",
    "read_document": "mapper.read.documents",
    "iter_documents": "mapper.read.documents",
    "Extraction": "mapper.model",
    "Extractor": "mapper.pipeline",
    "extract_document": "mapper.pipeline",
    "extract_paths": "mapper.pipeline",
    "Mention": "mapper.model",
    "Incident": "mapper.model",
    "EVENT_TYPES": "mapper.event_types",
    "extract_incidents": "mapper.incidents",
    "merge_incidents": "mapper.incidents",
    "read_records": "mapper.records.rows",
    "write_incidents": "mapper.records.formats",
    "incidents_to_geodataframe": "mapper.records.formats",
    "PipelineResult": "mapper.model",
    "run_pipeline": "mapper.pipeline",
    "build_report": "mapper.render.report",
    "geocode": "mapper.geoparse.gazetteers",
    "load_gazetteer": "mapper.geoparse.gazetteers",
}

__all__ = [
    "EVENT_TYPES",
    "Document",
    "Extraction",
    "Extractor",
    "GazetteerDataError",
    "GazetteerFileError",
    "Incident",
    "InputError",
    "MapperError",
    "Mention",
    "OutputError",
    "PipelineResult",
    "UsageError",
    "__version__",
    "build_report",
    "extract_document",
    "extract_incidents",
    "extract_paths",
    "geocode",
    "incidents_to_geodataframe",
    "iter_documents",
    "load_gazetteer",
    "merge_incidents",
    "read_document",
    "read_records",
    "run_pipeline",
    "write_incidents",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'mapper' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
