"""Property tests: offsets hold for incidents and for HTML, every record row is accounted
for, long runs are split the same way whatever they hold, and output is byte-identical
from one process to the next."""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mapper.read.sentences
from mapper.errors import MapperError
from mapper.incidents.casualties import find_quantities
from mapper.pipeline import extract_document
from mapper.read.sentences import split_sentences
from mapper.records.rows import read_records

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "mapper" / "samples"

#: Pieces of news text, and of the text around it, that random inputs are made of.
NEWS = [
    "BISHKEK, 27/01/2022 – ",
    "Bentrokan pecah di dekat desa Ak-Sai, distrik Batken. ",
    "Sebelas tentara terluka. ",
    "В Баткенской области у села Кок-Таш стреляли, погибли двое. ",
    "Fighting broke out near Isfara on 14 September 2022; three soldiers were killed. ",
    "Two days later, police in Osh said 12 people were hurt. ",
    "\n",
    "\n\n",
    "é\u0301",
    "🙂",
    "\u200d",
    "Ǆ",
    "ﬁ",
    " ",
]
TEXT = st.lists(st.one_of(st.sampled_from(NEWS), st.text(max_size=6)), max_size=20).map("".join)
RANDOM = settings(max_examples=40, deadline=None)


# -- offsets ---------------------------------------------------------------------------------


@RANDOM
@given(TEXT)
def test_incident_evidence_offsets_hold(text: str) -> None:
    extraction = extract_document(text, doc_id="doc")
    for incident in extraction.incidents:
        reports = [(incident.source, incident.evidence), *incident.also_reported_by]
        for source, evidence in reports:
            assert source.document == "doc"
            assert text[evidence.start : evidence.end] == evidence.text
    for mention in extraction.mentions:
        assert text[mention.start : mention.end] == mention.text


TAGS = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<br>", "<b>", "</b>", "<td>", "<pre>", "</pre>",
     "<script>Osh()</script>", "<style>x{}</style>", "&amp;", "&nbsp;", "&#1041;", "<!-- c -->"]
)  # fmt: skip


@RANDOM
@given(st.lists(st.one_of(TAGS, st.sampled_from(NEWS), st.text(max_size=5)), max_size=20))
def test_html_offsets_hold_in_the_text_kept(parts: list[str]) -> None:
    """For HTML, offsets point into the extracted text: what --keep-text writes."""
    markup = "<html><body>" + "".join(parts) + "</body></html>"
    extraction = extract_document(markup, doc_id="page", html=True)
    kept = extraction.document.text
    for mention in extraction.mentions:
        assert kept[mention.start : mention.end] == mention.text
    for incident in extraction.incidents:
        assert kept[incident.evidence.start : incident.evidence.end] == incident.evidence.text


def test_kept_html_text_is_what_offsets_refer_to(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from mapper.cli import main

    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><script>var a = 'Osh';</script><p>Bentrokan pecah di dekat desa "
        "<b>Ak-Sai</b>,&nbsp;distrik Batken.</p><div>Sebelas tentara terluka.</div></body></html>",
        encoding="utf-8",
    )
    kept = tmp_path / "kept"
    result = CliRunner().invoke(main, ["extract", str(page), "--keep-text", str(kept), "--quiet"])
    assert result.exit_code == 0, result.output
    text = (kept / "page.txt").read_text(encoding="utf-8")
    record = json.loads(result.stdout)
    assert {m["text"] for m in record["mentions"]} >= {"Ak-Sai", "Batken"}
    for mention in record["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    for incident in record["incidents"]:
        evidence = incident["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]


# -- sentences and numbers in long runs ----------------------------------------------------------

RUNS = st.text(alphabet=st.sampled_from("ab. \n!?\u00a01"), max_size=120)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RUNS, st.integers(min_value=3, max_value=12))
def test_long_runs_are_cut_and_only_overlong_words_left_out(text: str, limit: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mapper.read.sentences, "MAX_SENTENCE", limit)
        sentences = split_sentences(text)
    covered = set()
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert 0 < len(sentence.text) <= max(limit, 1) and sentence.text == sentence.text.strip()
        covered.update(range(sentence.start, sentence.end))
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))
    overlong = {i for word in _words(text) if word[1] - word[0] > limit for i in range(*word)}
    for index, char in enumerate(text):
        assert char.isspace() or index in covered or index in overlong, (index, text)


def _words(text: str) -> list[tuple[int, int]]:
    import re

    return [m.span() for m in re.finditer(r"\S+", text)]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(["3", " ", "tiga", "12", "%", "km", "-", "two", "$", "x"])).map(
        "".join
    ),
    st.lists(st.tuples(st.integers(0, 30), st.integers(1, 6)), max_size=3),
)
def test_quantities_never_overlap_each_other_or_the_dates(text: str, spans: list) -> None:
    skip = [(start, start + length) for start, length in spans]
    found = find_quantities(text, "id", skip)
    for one, two in itertools.pairwise(found):
        assert one.end <= two.start
    for quantity in found:
        assert quantity.start < quantity.end
        assert not any(quantity.start < end and start < quantity.end for start, end in skip)


# -- records: every row accounted for --------------------------------------------------------

CELLS = st.one_of(
    st.sampled_from(
        ["39.87", "70,52", "95", "-200", "north", "1e999", "", " ", "2022-01-27", "31/02/2022",
         "0000", "ak-sai", "batken", "Battles", '"', '""', ",", ";", "\n", "\r\n", "9" * 30]
    ),
    st.text(max_size=8),
)  # fmt: skip
HEADER = ["id", "lat", "lon", "place", "date", "type", "fatalities", "notes"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(CELLS, min_size=len(HEADER), max_size=len(HEADER)), max_size=6))
def test_every_csv_row_is_an_incident_or_a_reject(rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # quotes any cell with a line break, "\r" included
    writer.writerows([HEADER, *rows])
    expected = sum(1 for row in rows if any(cell.strip() for cell in row))
    path = _scratch("rows.csv", buffer.getvalue().encode("utf-8"))
    try:
        result = read_records(path)
    except MapperError as err:
        assert "binary" in str(err) and any("\x00" in cell for row in rows for cell in row)
        return
    assert result.rows == len(result.incidents) + len(result.rejects) == expected


GEOMETRY = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-400, 400), st.floats(), st.text(max_size=4)),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=8,
)
FEATURES = st.one_of(
    GEOMETRY,
    st.fixed_dictionaries(
        {"type": st.just("Feature"), "geometry": GEOMETRY},
        optional={"properties": st.dictionaries(st.sampled_from(HEADER), GEOMETRY, max_size=4)},
    ),
    st.fixed_dictionaries(
        {
            "type": st.just("Feature"),
            "geometry": st.fixed_dictionaries(
                {"type": st.sampled_from(["Point", "MultiPoint", "Polygon"]),
                 "coordinates": st.lists(st.floats() | st.integers(-500, 500), max_size=3)}
            ),
        }
    ),
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FEATURES, max_size=5))
def test_every_geojson_feature_is_an_incident_or_a_reject(features: list) -> None:
    data = {"type": "FeatureCollection", "features": features}
    path = _scratch("features.geojson", json.dumps(data).encode("utf-8"))
    try:
        result = read_records(path)
    except MapperError as err:
        assert "columns" in str(err) or not features, err
        return
    assert result.rows == len(result.incidents) + len(result.rejects) == len(features)


def _scratch(name: str, data: bytes) -> Path:
    """A file in a folder of its own (Hypothesis runs many examples per test)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="mapper-properties-"))
    path = folder / name
    path.write_bytes(data)
    return path


# -- determinism across processes ------------------------------------------------------------


#: Runs three commands in one process and keeps what each writes.
SCRIPT = """
import sys
from pathlib import Path
from click.testing import CliRunner
from mapper.cli import main
records, articles = sys.argv[1:3]
runner = CliRunner()
extract = runner.invoke(main, ["extract", articles, "--quiet"])
Path("extract.jsonl").write_bytes(extract.stdout_bytes)
for args in (["incidents", records, articles, "-o", "incidents.geojson"],
             ["map", records, articles, "-o", "map.html", "--quiet"]):
    assert runner.invoke(main, args).exit_code == 0
"""
OUTPUTS = ("extract.jsonl", "incidents.geojson", "map.html")


@pytest.mark.slow
def test_output_is_byte_identical_from_one_process_to_the_next(tmp_path: Path) -> None:
    """Same input, same bytes, whatever order Python's hashing gives sets and dicts."""
    runs = []
    for seed in ("1", "2"):
        folder = tmp_path / seed
        folder.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONWARNINGS": "ignore"}
        inputs = [str(SAMPLES / "records.csv"), str(SAMPLES / "articles")]
        subprocess.run(
            [sys.executable, "-c", SCRIPT, *inputs],
            cwd=folder, env=env, timeout=600, check=True, capture_output=True,
        )  # fmt: skip
        runs.append([(folder / name).read_bytes() for name in OUTPUTS])
    assert runs[0][0].count(b"\n") == 9
    assert runs[0] == runs[1]


# -- merging: the same groups as comparing every pair ------------------------------------------


def _incident(number: int, kind: int, day: int | None, where: int | None):
    from gazetteer import Place
    from mapper.model import Evidence, Incident, Source

    kinds = [("Battles", "Armed clash"), ("Riots", "Mob violence"), ("Battles", "Other")]
    event_type, sub_event_type = kinds[kind]
    places = [(40.0, 70.0), (40.05, 70.05), (41.0, 72.0)]
    place = None
    if where is not None:
        lat, lon = places[where]
        place = Place(f"p:{where}", f"P{where}", "populated_place", "KG", None, lat, lon, "test")
    return Incident(
        id=f"i-{number}",
        date=None if day is None else f"2022-01-{day:02d}",
        date_precision=None if day is None else "day",
        event_type=event_type,
        sub_event_type=sub_event_type,
        place=place,
        location_text=None,
        geo_precision=1,
        fatalities=number % 3 or None,
        injuries=None,
        actors=(),
        evidence=Evidence(number, number + 1, "x"),
        source=Source(f"doc-{number % 2}"),
    )


def _pairwise_merge(incidents: list) -> list:
    """Each incident joins the first group whose first incident is the same event."""
    from mapper.incidents.merge import _combine, _same_event

    groups: list[list] = []
    for incident in incidents:
        group = next((g for g in groups if _same_event(g[0], incident)), None)
        if group is None:
            groups.append([incident])
        else:
            group.append(incident)
    return [_combine(group) for group in groups]


INCIDENTS = st.lists(
    st.tuples(
        st.integers(0, 2),
        st.none() | st.integers(1, 4),
        st.none() | st.integers(0, 2),
    ),
    max_size=12,
).map(lambda rows: [_incident(n, *row) for n, row in enumerate(rows)])


@settings(max_examples=150, deadline=None)
@given(INCIDENTS, INCIDENTS)
def test_merging_gives_the_groups_of_a_pairwise_comparison(records: list, reports: list) -> None:
    from mapper.incidents.merge import _combine, _same_event, join_incidents, merge_incidents

    assert merge_incidents(reports) == _pairwise_merge(reports)
    groups = [[record] for record in records]
    alone = []
    for report in _pairwise_merge(reports):
        group = next((g for g in groups if _same_event(g[0], report)), None)
        (alone if group is None else group).append(report)
    assert join_incidents(records, reports) == [_combine(g) for g in groups] + alone
