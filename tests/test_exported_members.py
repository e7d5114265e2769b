"""The public API is exactly what `mapper.__all__` lists, and each name resolves."""

from __future__ import annotations

import subprocess
import sys

import mapper

EXPECTED = {
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
}


def test_all_is_pinned():
    assert set(mapper.__all__) == EXPECTED


def test_every_public_name_resolves():
    for name in mapper.__all__:
        assert getattr(mapper, name) is not None, name


def test_errors_share_one_root_and_fitting_builtins():
    assert issubclass(mapper.UsageError, (mapper.MapperError, ValueError))
    assert issubclass(mapper.InputError, ValueError)
    assert issubclass(mapper.OutputError, OSError)
    assert (mapper.UsageError.exit_code, mapper.InputError.exit_code) == (2, 1)


def test_import_is_light():
    code = (
        "import sys, mapper; print(sorted(m for m in ('geopandas', 'folium') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
